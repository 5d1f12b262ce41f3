/**
 * What the monitoring the program registered bills for: alarms in their Regions, the signer's log groups and
 * their retention, log metric filters (each a custom metric), Synthetics canaries with their schedule and
 * artifact lifecycle, CloudFront's additional metrics. Reads only recorded inputs, like `describeBillables`.
 */
import type { BillableAlarm, BillableCanary, BillableMetricFilter, Billables, BillableSignerLogGroup } from "./billables";
import { asArray, asNumber, asObject, asString, at, type RecordedResourceLike } from "./recordedInputs";

const T = {
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  canary: "aws:synthetics/canary:Canary",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  monitoringSubscription: "aws:cloudfront/monitoringSubscription:MonitoringSubscription",
} as const;

export type MonitoringBillables = Pick<Billables, "alarms" | "signerLogGroups" | "logMetricFilters" | "canaries" | "additionalMetrics">;

/**
 * `signerFunction`: the name of the function the distribution runs (its log groups are
 * `/aws/lambda/us-east-1.<name>` in each Region a replica runs in); `stackRegion` for resources without a `region`.
 */
export function describeMonitoring(resources: readonly RecordedResourceLike[], signerFunction: string | undefined, stackRegion: string): MonitoringBillables {
  const of = (type: string) => resources.filter((r) => r.type === type);
  const regionOf = (r: RecordedResourceLike) => asString(r.inputs.region) ?? stackRegion;
  const signerGroup = signerFunction === undefined ? undefined : `/aws/lambda/us-east-1.${signerFunction}`;
  return {
    alarms: of(T.alarm).map((a): BillableAlarm => ({ region: regionOf(a), kind: alarmKind(a) })),
    signerLogGroups: of(T.logGroup)
      .filter((g) => signerGroup !== undefined && asString(g.inputs.name) === signerGroup)
      .map((g): BillableSignerLogGroup => ({ region: regionOf(g), retentionDays: asNumber(g.inputs.retentionInDays) ?? null })),
    logMetricFilters: of(T.metricFilter).map((f): BillableMetricFilter => ({
      region: regionOf(f),
      namespace: asString(at(f.inputs.metricTransformation, "namespace")) ?? "",
      metric: asString(at(f.inputs.metricTransformation, "name")) ?? "",
      dimensioned: Object.keys(asObject(at(f.inputs.metricTransformation, "dimensions")) ?? {}).length > 0,
    })),
    canaries: of(T.canary).map((c) => canaryOf(c, regionOf(c), of(T.lifecycle))),
    additionalMetrics: of(T.monitoringSubscription)
      .filter((s) => asString(at(s.inputs.monitoringSubscription, "realtimeMetricsSubscriptionConfig", "realtimeMetricsSubscriptionStatus")) === "Enabled").length,
  };
}

/** Metric math when the alarm queries metrics; an anomaly detection band when one of its expressions is one. */
function alarmKind(alarm: RecordedResourceLike): BillableAlarm["kind"] {
  const queries = asArray(alarm.inputs.metricQueries);
  if (queries.length === 0) return "metric";
  return queries.some((q) => /ANOMALY_DETECTION_BAND\s*\(/.test(asString(at(q, "expression")) ?? "")) ? "anomaly" : "math";
}

/** The canary, and the expiration of an enabled lifecycle rule on its artifact bucket. */
function canaryOf(canary: RecordedResourceLike, region: string, lifecycles: readonly RecordedResourceLike[]): BillableCanary {
  const bucket = /^s3:\/\/([^/]+)/.exec(asString(canary.inputs.artifactS3Location) ?? "")?.[1];
  const rules = lifecycles.filter((l) => bucket !== undefined && asString(l.inputs.bucket) === bucket).flatMap((l) => asArray(l.inputs.rules));
  const days = rules.filter((r) => asString(at(r, "status")) === "Enabled").map((r) => asNumber(at(r, "expiration", "days"))).filter((d) => d !== undefined);
  return {
    name: asString(canary.inputs.name) ?? canary.name,
    region,
    schedule: asString(at(canary.inputs.schedule, "expression")) ?? "",
    ...(days.length > 0 ? { artifactDays: Math.max(...days) } : {}),
  };
}
