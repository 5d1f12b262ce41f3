/**
 * The body of the stack's one CloudWatch dashboard (kept in us-east-1), from resolved identifiers: every
 * widget is a metric widget that names its Region, every metric comes from the catalog (metricCatalog.ts).
 * Pure; the component resolves the outputs and stringifies the result.
 */
import { EDGE_REGION } from "../shared/region";
import type { ApiKind } from "../shared/types";
import { ALL_RULES, CLOUDFRONT_REGION_DIMENSION, MetricKey, MetricRef, metricRef } from "./metricCatalog";

export interface DashboardApi {
  readonly name: string;
  readonly kind: ApiKind;
  readonly region: string;
  readonly apiId: string;
  readonly stage: string;
  /** REST metrics are keyed by the API's name. */
  readonly restApiName?: string;
  /** The access-log metrics this stack writes for the API (see accessLogFilters.ts), with their scope. */
  readonly accessLog?: { readonly scope: string; readonly metrics: readonly MetricKey[] };
}

export interface DashboardInputs {
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly additionalMetrics: boolean;
  /** A web ACL this stack manages: its metric name (the `WebACL` dimension) and its rules' metric names. */
  readonly webAcl?: { readonly metricName: string; readonly ruleMetricNames: readonly string[] };
  readonly shield: boolean;
  readonly apis: readonly DashboardApi[];
  readonly canaryName?: string;
}

export interface MetricWidget {
  readonly type: "metric";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: {
    readonly title: string;
    readonly region: string;
    readonly view: "timeSeries";
    readonly stacked: false;
    readonly period: number;
    /** `[namespace, metricName, dimension, value, ..., { stat, label }]`. */
    readonly metrics: readonly (readonly (string | { readonly stat: string; readonly label: string })[])[];
  };
}

const WIDTH = 12;
const HEIGHT = 6;
const PERIOD = 300;

export function dashboardBody(inputs: DashboardInputs): { readonly widgets: MetricWidget[] } {
  const sections: { title: string; metrics: { ref: MetricRef; label: string }[] }[] = [];
  const edge = (key: MetricKey, label: string, dims: Record<string, string> = cloudfrontDims(inputs.distributionId)) =>
    ({ ref: metricRef(key, dims, EDGE_REGION), label });
  const add = (title: string, metrics: { ref: MetricRef; label: string }[]) => { if (metrics.length > 0) sections.push({ title, metrics }); };

  add("CloudFront requests (us-east-1)", [edge("requests", "Requests")]);
  add("CloudFront error rates, % (us-east-1)", [edge("errorRate4xx", "4xx"), edge("errorRate5xx", "5xx")]);
  add("Lambda@Edge signer errors (us-east-1)", [
    edge("lambdaExecutionErrors", "execution errors"), edge("lambdaValidationErrors", "validation errors"), edge("lambdaLimitExceeded", "limit exceeded"),
  ]);
  if (inputs.additionalMetrics) {
    add("CloudFront origin latency p90, ms (us-east-1)", [edge("originLatency", "origin latency")]);
    add("CloudFront error rates by status, % (us-east-1)", (["401", "403", "404", "502", "503", "504"] as const).map((s) => edge(`errorRate${s}`, s)));
  }
  const acl = inputs.webAcl;
  if (acl) {
    const wafDims = (rule: string) => ({ WebACL: acl.metricName, Rule: rule });
    add("WAF requests, all rules (us-east-1)", [
      edge("wafAllowed", "allowed", wafDims(ALL_RULES)), edge("wafBlocked", "blocked", wafDims(ALL_RULES)), edge("wafCounted", "counted", wafDims(ALL_RULES)),
    ]);
    add("WAF blocked by rule (us-east-1)", acl.ruleMetricNames.map((r) => edge("wafBlocked", r, wafDims(r))));
    add("WAF counted by rule (us-east-1)", acl.ruleMetricNames.map((r) => edge("wafCounted", r, wafDims(r))));
  }
  if (inputs.shield) add("Shield Advanced DDoS detected (us-east-1)", [edge("ddosDetected", "DDoS detected", { ResourceArn: inputs.distributionArn })]);
  for (const api of inputs.apis) {
    const [count, e4, e5, latency] = apiMetrics(api);
    add(`${api.name} ${api.kind} requests and errors (${api.region})`, [count, e4, e5]);
    add(`${api.name} ${api.kind} latency p90, ms (${api.region})`, [latency]);
    if (api.accessLog) {
      const scope = api.accessLog.scope;
      add(`${api.name} 403s from access logs (${api.region})`, api.accessLog.metrics.map((key) => ({ ref: metricRef(key, {}, api.region, scope), label: key })));
    }
  }
  if (inputs.canaryName) {
    const dims = { CanaryName: inputs.canaryName };
    add("Canary success, % (us-east-1)", [edge("canarySuccess", "success", dims)]);
    add("Canary duration, ms (us-east-1)", [edge("canaryDuration", "duration", dims)]);
  }
  return { widgets: sections.map((s, i) => widget(s.title, s.metrics, i)) };
}

function cloudfrontDims(distributionId: string): Record<string, string> {
  return { DistributionId: distributionId, Region: CLOUDFRONT_REGION_DIMENSION };
}

/** Count, client errors, server errors and latency of one API, by its kind's metric names and dimensions. */
export function apiMetrics(api: DashboardApi): { ref: MetricRef; label: string }[] {
  const m = (key: MetricKey, label: string, dims: Record<string, string>) => ({ ref: metricRef(key, dims, api.region), label });
  switch (api.kind) {
    case "REST": {
      if (api.restApiName === undefined) throw new Error(`${api.name}: a REST API's metrics need its name (restApiName)`);
      const d = { ApiName: api.restApiName, Stage: api.stage };
      return [m("restCount", "requests", d), m("rest4xx", "4xx", d), m("rest5xx", "5xx", d), m("restLatency", "latency", d)];
    }
    case "HTTP": {
      const d = { ApiId: api.apiId, Stage: api.stage };
      return [m("httpCount", "requests", d), m("http4xx", "4xx", d), m("http5xx", "5xx", d), m("httpLatency", "latency", d)];
    }
    case "WEBSOCKET": {
      const d = { ApiId: api.apiId, Stage: api.stage };
      return [m("wsConnects", "connects", d), m("wsClientErrors", "client errors", d), m("wsIntegrationErrors", "integration errors", d), m("wsIntegrationLatency", "integration latency", d)];
    }
  }
}

function widget(title: string, metrics: { ref: MetricRef; label: string }[], index: number): MetricWidget {
  const regions = new Set(metrics.map((m) => m.ref.region));
  if (regions.size !== 1) throw new Error(`widget "${title}" mixes Regions ${[...regions].join(", ")}`);
  return {
    type: "metric",
    x: (index % 2) * WIDTH,
    y: Math.floor(index / 2) * HEIGHT,
    width: WIDTH,
    height: HEIGHT,
    properties: {
      title,
      region: metrics[0].ref.region,
      view: "timeSeries",
      stacked: false,
      period: PERIOD,
      metrics: metrics.map(({ ref, label }) => [ref.namespace, ref.metricName, ...Object.entries(ref.dimensions).flat(), { stat: ref.statistic, label }]),
    },
  };
}
