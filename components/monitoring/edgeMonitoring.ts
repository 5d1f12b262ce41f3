/**
 * Keeps proving the edge after deploy: one dashboard (kept in us-east-1, each widget in its metric's Region),
 * alarms in us-east-1 (Lambda@Edge errors, the 5xx rate, a WAF blocked-requests anomaly, the canary) and in
 * each API's Region (signer 403s from its access logs), one SNS topic per Region with alarms, the opt-in
 * canary, and CloudFront's optional additional metrics. The signer's log groups are SignerLogGroups, made
 * apart so that the distribution can wait for them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { parseArn } from "../shared/arn";
import { accessLog403AlarmArgs, canaryAlarmArgs, edge5xxRateAlarmArgs, signerErrorsAlarmArgs, wafBlockedAnomalyAlarmArgs } from "./alarmArgs";
import { assumedRoleArnPattern, filtersFor } from "./accessLogFilters";
import { AlarmTopics } from "./alarmTopics";
import { dashboardBody, type DashboardApi } from "./dashboardBody";
import { EdgeCanary } from "./edgeCanary";
import { ACCESS_LOG_NAMESPACE, METRICS } from "./metricCatalog";
import type { MonitoredApi } from "./monitoredApis";
import type { MonitoringSettings } from "./monitoringConfig";
import { validateMonitoringArgs } from "./validateMonitoringArgs";

export interface EdgeMonitoringArgs {
  /** Parsed `monitoring` section (parseMonitoringConfig); nothing is created unless `enabled`. */
  readonly settings: MonitoringSettings;
  readonly distributionId: pulumi.Input<string>;
  readonly distributionArn: pulumi.Input<string>;
  /** The signer's role: its assumed-role ARN tells its 403s apart in the access logs. */
  readonly signerRoleArn: pulumi.Input<string>;
  readonly apis: readonly MonitoredApi[];
  /** A web ACL this stack manages: its ARN (the web ACL's name is its metric name) and its rules' metric names. @default none */
  readonly webAcl?: { readonly arn: pulumi.Input<string>; readonly ruleMetricNames: readonly string[] };
  /** Shield Advanced, when on: its topic is reused in us-east-1, and its 5xx health alarm replaces this stack's 5xx alarm. @default off */
  readonly shield?: { readonly topicArn: pulumi.Input<string>; readonly subscribedEmails: readonly string[]; readonly watches5xx: boolean };
  /** Where the canary zip is written. @default edge-functions/canary/dist */
  readonly canaryZipDir?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export class EdgeMonitoring extends pulumi.ComponentResource {
  /** Per Region with alarms, its topic. */
  readonly topicArns: Readonly<Record<string, pulumi.Output<string>>>;
  readonly dashboardName?: pulumi.Output<string>;
  readonly canaryName?: string;

  constructor(name: string, args: EdgeMonitoringArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const { settings } = args;
    validateMonitoringArgs(settings, args.apis).throwIfAny(`EdgeMonitoring ${name}`);
    super("edge-security:monitoring:EdgeMonitoring", name, {}, opts);
    const tags = { ...args.tags };
    const parent = { parent: this };
    if (!settings.enabled) {
      this.topicArns = {};
      this.registerOutputs({});
      return;
    }
    const scopeOf = (api: MonitoredApi) => `${pulumi.getProject()}.${pulumi.getStack()}.${api.name}`;
    const logged = args.apis.filter((api) => api.accessLogGroupName !== undefined).map((api) => ({ api, filters: filtersFor(api.kind) }));

    const canary = settings.canary.enabled
      ? new EdgeCanary(`${name}-canary`, { settings: settings.canary, apis: args.apis, zipDir: args.canaryZipDir, tags }, parent)
      : undefined;
    this.canaryName = canary?.canaryName;

    const alarmRegions = settings.alarms.enabled
      ? [EDGE_REGION, ...logged.filter((l) => l.filters.some((f) => f.alarm)).map((l) => l.api.region)]
      : [];
    const topics = new AlarmTopics(`${name}-alarms`, {
      regions: alarmRegions,
      emails: settings.notifications.emails,
      ...(args.shield ? { edgeTopic: { arn: args.shield.topicArn, subscribedEmails: args.shield.subscribedEmails } } : {}),
      tags,
    }, parent);
    this.topicArns = topics.arns;

    const rolePattern = pulumi.output(args.signerRoleArn).apply(assumedRoleArnPattern);
    for (const { api, filters } of logged) {
      for (const filter of filters) {
        new aws.cloudwatch.LogMetricFilter(`${name}-${api.name}-${filter.metric}`, {
          region: api.region,
          logGroupName: api.accessLogGroupName!,
          pattern: rolePattern.apply(filter.pattern),
          metricTransformation: { namespace: ACCESS_LOG_NAMESPACE, name: `${METRICS[filter.metric].metricName}.${scopeOf(api)}`, value: "1", defaultValue: "0", unit: "Count" },
        }, parent);
        if (settings.alarms.enabled && filter.metric !== "directUnsigned" && filter.alarm) {
          new aws.cloudwatch.MetricAlarm(`${name}-${api.name}-${filter.metric}`,
            accessLog403AlarmArgs(filter.metric, api, scopeOf(api), topics.arnFor(api.region), tags), parent);
        }
      }
    }

    const webAclMetricName = args.webAcl && pulumi.output(args.webAcl.arn).apply(webAclNameOf);
    if (settings.alarms.enabled) {
      const edgeTopic = topics.arnFor(EDGE_REGION);
      new aws.cloudwatch.MetricAlarm(`${name}-signer-errors`, signerErrorsAlarmArgs(args.distributionId, edgeTopic, tags), parent);
      if (!args.shield?.watches5xx) {
        new aws.cloudwatch.MetricAlarm(`${name}-edge-5xx`, edge5xxRateAlarmArgs(args.distributionId, settings.alarms, edgeTopic, tags), parent);
      }
      if (webAclMetricName) {
        new aws.cloudwatch.MetricAlarm(`${name}-waf-blocked`, wafBlockedAnomalyAlarmArgs(webAclMetricName, settings.alarms.wafBlockedBand, edgeTopic, tags), parent);
      }
      if (canary) new aws.cloudwatch.MetricAlarm(`${name}-canary`, canaryAlarmArgs(canary.canaryName, settings.canary, edgeTopic, tags), parent);
    }

    if (settings.additionalMetrics) {
      new aws.cloudfront.MonitoringSubscription(`${name}-additional-metrics`, {
        distributionId: args.distributionId,
        monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
      }, parent);
    }

    if (settings.dashboard) {
      const apis = pulumi.all(args.apis.map((api) => pulumi.all([api.apiId, api.stage, api.restApiName]).apply(([apiId, stage, restApiName]): DashboardApi => {
        const filters = logged.find((l) => l.api === api)?.filters ?? [];
        return {
          name: api.name, kind: api.kind, region: api.region, apiId, stage,
          ...(restApiName !== undefined ? { restApiName } : {}),
          ...(filters.length > 0 ? { accessLog: { scope: scopeOf(api), metrics: filters.map((f) => f.metric) } } : {}),
        };
      })));
      const body = pulumi.all([args.distributionId, args.distributionArn, webAclMetricName, apis]).apply(([distributionId, distributionArn, aclName, resolved]) =>
        JSON.stringify(dashboardBody({
          distributionId,
          distributionArn,
          additionalMetrics: settings.additionalMetrics,
          ...(aclName !== undefined && args.webAcl ? { webAcl: { metricName: aclName, ruleMetricNames: args.webAcl.ruleMetricNames } } : {}),
          shield: args.shield !== undefined,
          apis: resolved,
          ...(canary ? { canaryName: canary.canaryName } : {}),
        })));
      this.dashboardName = new aws.cloudwatch.Dashboard(name, {
        region: EDGE_REGION,
        dashboardName: dashboardName(pulumi.getProject(), pulumi.getStack()),
        dashboardBody: body,
      }, parent).dashboardName;
    }
    this.registerOutputs({ topicArns: this.topicArns, dashboardName: this.dashboardName, canaryName: this.canaryName });
  }
}

/** The web ACL's name from its ARN (`...:global/webacl/<name>/<id>`); the stack's web ACLs use it as their metric name. */
export function webAclNameOf(webAclArn: string): string {
  const resource = parseArn(webAclArn)?.resource.split("/");
  if (!resource || resource.length !== 4 || resource[1] !== "webacl") throw new Error(`not a WAFv2 web ACL ARN: ${webAclArn}`);
  return resource[2];
}

/** Dashboard names allow letters, digits, `-` and `_`, up to 255 characters. */
export function dashboardName(project: string, stack: string): string {
  return `${project}-${stack}-edge`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);
}
