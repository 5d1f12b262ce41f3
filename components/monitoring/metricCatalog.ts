/**
 * Every metric the dashboard and the alarms use, in one table: namespace, name, statistic, dimension keys
 * (in order) and Region. `edge` metrics live in us-east-1 (CloudFront, Lambda@Edge as CloudFront reports it,
 * WAF for CloudFront, Shield for global resources, and the canary, which this stack runs there); `api`
 * metrics in each API's own Region. Sources: docs/aws-facts.md, "Logging and monitoring".
 */
export type MetricRegion = "edge" | "api";

export interface MetricSpec {
  readonly namespace: string;
  readonly metricName: string;
  /** The one statistic AWS documents as meaningful for the metric (or the percentile shown). */
  readonly statistic: "Sum" | "Average" | "Minimum" | "p90";
  readonly dimensions: readonly string[];
  readonly region: MetricRegion;
  /** Only with CloudFront's additional metrics (a monitoring subscription). */
  readonly additional?: boolean;
  /** A metric this stack writes from access logs: its name is `<metricName>.<scope>`, one per API. */
  readonly scoped?: boolean;
}

const CF = ["DistributionId", "Region"] as const;
const cloudfront = (metricName: string, statistic: MetricSpec["statistic"], additional = false): MetricSpec =>
  ({ namespace: "AWS/CloudFront", metricName, statistic, dimensions: CF, region: "edge", ...(additional ? { additional } : {}) });
const waf = (metricName: string): MetricSpec => ({ namespace: "AWS/WAFV2", metricName, statistic: "Sum", dimensions: ["WebACL", "Rule"], region: "edge" });
const apiGateway = (metricName: string, statistic: MetricSpec["statistic"], by: "ApiName" | "ApiId"): MetricSpec =>
  ({ namespace: "AWS/ApiGateway", metricName, statistic, dimensions: [by, "Stage"], region: "api" });
const accessLog = (metricName: string): MetricSpec =>
  ({ namespace: ACCESS_LOG_NAMESPACE, metricName, statistic: "Sum", dimensions: [], region: "api", scoped: true });

/** Where the access-log metric filters write (custom namespaces must not start with `AWS/`). */
export const ACCESS_LOG_NAMESPACE = "EdgeSecurity/AccessLogs";
/** CloudFront reports every distribution metric with `Region: Global`. */
export const CLOUDFRONT_REGION_DIMENSION = "Global";
/** A web ACL's metrics over all its rules carry `Rule: ALL`. */
export const ALL_RULES = "ALL";

export const METRICS = {
  requests: cloudfront("Requests", "Sum"),
  errorRate4xx: cloudfront("4xxErrorRate", "Average"),
  errorRate5xx: cloudfront("5xxErrorRate", "Average"),
  lambdaExecutionErrors: cloudfront("LambdaExecutionError", "Sum"),
  lambdaValidationErrors: cloudfront("LambdaValidationError", "Sum"),
  lambdaLimitExceeded: cloudfront("LambdaLimitExceededErrors", "Sum"),
  originLatency: cloudfront("OriginLatency", "p90", true),
  errorRate401: cloudfront("401ErrorRate", "Average", true),
  errorRate403: cloudfront("403ErrorRate", "Average", true),
  errorRate404: cloudfront("404ErrorRate", "Average", true),
  errorRate502: cloudfront("502ErrorRate", "Average", true),
  errorRate503: cloudfront("503ErrorRate", "Average", true),
  errorRate504: cloudfront("504ErrorRate", "Average", true),
  wafAllowed: waf("AllowedRequests"),
  wafBlocked: waf("BlockedRequests"),
  wafCounted: waf("CountedRequests"),
  ddosDetected: { namespace: "AWS/DDoSProtection", metricName: "DDoSDetected", statistic: "Sum", dimensions: ["ResourceArn"], region: "edge" },
  restCount: apiGateway("Count", "Sum", "ApiName"),
  rest4xx: apiGateway("4XXError", "Sum", "ApiName"),
  rest5xx: apiGateway("5XXError", "Sum", "ApiName"),
  restLatency: apiGateway("Latency", "p90", "ApiName"),
  httpCount: apiGateway("Count", "Sum", "ApiId"),
  http4xx: apiGateway("4xx", "Sum", "ApiId"),
  http5xx: apiGateway("5xx", "Sum", "ApiId"),
  httpLatency: apiGateway("Latency", "p90", "ApiId"),
  wsConnects: apiGateway("ConnectCount", "Sum", "ApiId"),
  wsClientErrors: apiGateway("ClientError", "Sum", "ApiId"),
  wsIntegrationErrors: apiGateway("IntegrationError", "Sum", "ApiId"),
  wsIntegrationLatency: apiGateway("IntegrationLatency", "p90", "ApiId"),
  signerDenied: accessLog("SignerDenied"),
  badSignature: accessLog("BadSignature"),
  directUnsigned: accessLog("DirectUnsigned"),
  canarySuccess: { namespace: "CloudWatchSynthetics", metricName: "SuccessPercent", statistic: "Average", dimensions: ["CanaryName"], region: "edge" },
  canaryDuration: { namespace: "CloudWatchSynthetics", metricName: "Duration", statistic: "Average", dimensions: ["CanaryName"], region: "edge" },
} as const satisfies Record<string, MetricSpec>;

export type MetricKey = keyof typeof METRICS;

/** One concrete metric: a table entry with its dimension values, its Region resolved, and the scoped name if any. */
export interface MetricRef<D = string> {
  readonly key: MetricKey;
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: MetricSpec["statistic"];
  /** Strings for the dashboard body, Pulumi inputs for alarms. */
  readonly dimensions: Readonly<Record<string, D>>;
  readonly region: string;
}

/**
 * `METRICS[key]` with `dimensions`, which must name exactly the table's keys; `region` is the API's Region for
 * `api` metrics (the edge's are always us-east-1); `scope` names a scoped metric's instance.
 */
export function metricRef<D>(key: MetricKey, dimensions: Readonly<Record<string, D>>, region: string, scope?: string): MetricRef<D> {
  const spec: MetricSpec = METRICS[key];
  const given = Object.keys(dimensions);
  if (given.length !== spec.dimensions.length || !spec.dimensions.every((d) => d in dimensions)) {
    throw new Error(`metric ${key} takes dimensions ${JSON.stringify(spec.dimensions)}, got ${JSON.stringify(given)}`);
  }
  if (spec.region === "edge" && region !== "us-east-1") throw new Error(`metric ${key} lives in us-east-1, not ${region}`);
  if ((spec.scoped ?? false) !== (scope !== undefined)) throw new Error(`metric ${key} ${spec.scoped ? "needs" : "takes no"} scope`);
  const ordered = Object.fromEntries(spec.dimensions.map((d) => [d, dimensions[d]]));
  return { key, namespace: spec.namespace, metricName: scope === undefined ? spec.metricName : `${spec.metricName}.${scope}`, statistic: spec.statistic, dimensions: ordered, region };
}
