/**
 * Inputs of every alarm this stack adds, from the metric catalog. Each notifies its Region's topic on ALARM and
 * on OK (an alarm's SNS action must be in the alarm's Region) and names its runbook section in docs/operations.md.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { ALL_RULES, CLOUDFRONT_REGION_DIMENSION, MetricKey, MetricRef, metricRef } from "./metricCatalog";

type Tags = Readonly<Record<string, string>> | undefined;
type Query = aws.types.input.cloudwatch.MetricAlarmMetricQuery;
type Id = pulumi.Input<string>;

const MINUTE = 60;
const RUNBOOK = "docs/operations.md";

function base(region: string, topicArn: pulumi.Input<string>, description: string, anchor: string, tags: Tags) {
  return {
    region,
    alarmDescription: `${description} Runbook: ${RUNBOOK}#${anchor}`,
    alarmActions: [topicArn],
    okActions: [topicArn],
    tags: { ...tags },
  };
}

/** A catalog metric as a single-metric alarm's namespace, name, dimensions and statistic. */
function single(ref: MetricRef<Id>) {
  const stat = ref.statistic.startsWith("p") ? { extendedStatistic: ref.statistic } : { statistic: ref.statistic };
  return { namespace: ref.namespace, metricName: ref.metricName, dimensions: { ...ref.dimensions }, ...stat };
}

function query(id: string, ref: MetricRef<Id>, period: number): Query {
  return { id, returnData: false, metric: { namespace: ref.namespace, metricName: ref.metricName, dimensions: { ...ref.dimensions }, stat: ref.statistic, period } };
}

const edgeRef = (key: MetricKey, distributionId: Id) => metricRef<Id>(key, { DistributionId: distributionId, Region: CLOUDFRONT_REGION_DIMENSION }, EDGE_REGION);

/**
 * Lambda@Edge execution, validation or limit errors > 0 in a minute: CloudFront could not run the signer or
 * refused what it returned, and answered the viewer 5xx. The signer's own deliberate failures are responses,
 * not errors: they show in the 5xx rate and the signer's logs.
 */
export function signerErrorsAlarmArgs(distributionId: Id, topicArn: pulumi.Input<string>, tags?: Tags): aws.cloudwatch.MetricAlarmArgs {
  const keys = ["lambdaExecutionErrors", "lambdaValidationErrors", "lambdaLimitExceeded"] as const;
  return {
    ...base(EDGE_REGION, topicArn, "Lambda@Edge signer errors (execution, validation or limit exceeded) > 0: viewers get 5xx.", "signer-errors", tags),
    metricQueries: [
      ...keys.map((key, i) => query(`m${i + 1}`, edgeRef(key, distributionId), MINUTE)),
      { id: "errors", expression: "FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0)", label: "Lambda@Edge errors", returnData: true },
    ],
    comparisonOperator: "GreaterThanThreshold",
    threshold: 0,
    evaluationPeriods: 1,
    treatMissingData: "notBreaching",
  };
}

/** CloudFront's 5xxErrorRate above the threshold for `evaluationPeriods` minutes; no traffic is healthy. */
export function edge5xxRateAlarmArgs(
  distributionId: Id,
  settings: { readonly edge5xxRatePercent: number; readonly evaluationPeriods: number },
  topicArn: pulumi.Input<string>,
  tags?: Tags,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    ...base(EDGE_REGION, topicArn, `CloudFront 5xx error rate above ${settings.edge5xxRatePercent}%.`, "edge-5xx-rate", tags),
    ...single(edgeRef("errorRate5xx", distributionId)),
    period: MINUTE,
    comparisonOperator: "GreaterThanThreshold",
    threshold: settings.edge5xxRatePercent,
    evaluationPeriods: settings.evaluationPeriods,
    treatMissingData: "notBreaching",
  };
}

/** Blocked requests above the anomaly band learnt from the web ACL's own history, for two five-minute periods. */
export function wafBlockedAnomalyAlarmArgs(webAclMetricName: Id, band: number, topicArn: pulumi.Input<string>, tags?: Tags): aws.cloudwatch.MetricAlarmArgs {
  const ref = metricRef<Id>("wafBlocked", { WebACL: webAclMetricName, Rule: ALL_RULES }, EDGE_REGION);
  return {
    ...base(EDGE_REGION, topicArn, `WAF blocked requests above their anomaly band (${band} standard deviations).`, "waf-blocked-anomaly", tags),
    metricQueries: [
      { ...query("blocked", ref, 5 * MINUTE), returnData: true },
      { id: "band", expression: `ANOMALY_DETECTION_BAND(blocked, ${band})`, label: "expected blocked requests", returnData: true },
    ],
    thresholdMetricId: "band",
    comparisonOperator: "GreaterThanUpperThreshold",
    evaluationPeriods: 2,
    treatMissingData: "notBreaching",
  };
}

/** An access-log 403 metric of one API (signerDenied, badSignature) > 0 in a minute, in the API's Region. */
export function accessLog403AlarmArgs(
  metric: "signerDenied" | "badSignature",
  api: { readonly name: string; readonly region: string },
  scope: string,
  topicArn: pulumi.Input<string>,
  tags?: Tags,
): aws.cloudwatch.MetricAlarmArgs {
  const what = metric === "signerDenied"
    ? "403 to the signer's role (valid signature, refused by IAM)"
    : "403 for a rejected signature (the signer signing wrongly, or a forged one)";
  return {
    ...base(api.region, topicArn, `${api.name}: ${what}.`, metric === "signerDenied" ? "signer-denied" : "bad-signature", tags),
    ...single(metricRef<Id>(metric, {}, api.region, scope)),
    period: MINUTE,
    comparisonOperator: "GreaterThanThreshold",
    threshold: 0,
    evaluationPeriods: 1,
    treatMissingData: "notBreaching",
  };
}

/** The canary's SuccessPercent below the threshold in two consecutive runs; no runs at all is a failure too. */
export function canaryAlarmArgs(
  canaryName: Id,
  settings: { readonly rateMinutes: number; readonly alarmBelowPercent: number },
  topicArn: pulumi.Input<string>,
  tags?: Tags,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    ...base(EDGE_REGION, topicArn, `Canary success below ${settings.alarmBelowPercent}% (an API through the edge failing, or answering directly).`, "canary", tags),
    ...single(metricRef<Id>("canarySuccess", { CanaryName: canaryName }, EDGE_REGION)),
    period: settings.rateMinutes * MINUTE,
    comparisonOperator: "LessThanThreshold",
    threshold: settings.alarmBelowPercent,
    evaluationPeriods: 2,
    treatMissingData: "breaching",
  };
}
