import assert from "node:assert/strict";
import {
  accessLog403AlarmArgs, canaryAlarmArgs, edge5xxRateAlarmArgs, signerErrorsAlarmArgs, wafBlockedAnomalyAlarmArgs,
} from "../../components/monitoring/alarmArgs";

const TOPIC = "arn:aws:sns:us-east-1:123456789012:edge-alarms";
const EU_TOPIC = "arn:aws:sns:eu-west-1:123456789012:edge-alarms";
const TAGS = { team: "edge" };
const notify = (topic: string) => ({ alarmActions: [topic], okActions: [topic], tags: TAGS });

describe("alarm arguments", () => {
  it("signer errors: execution + validation + limit errors, missing data as zero, > 0 in one minute, in us-east-1", () => {
    const metric = (id: string, name: string) => ({
      id, returnData: false,
      metric: { namespace: "AWS/CloudFront", metricName: name, dimensions: { DistributionId: "E1", Region: "Global" }, stat: "Sum", period: 60 },
    });
    assert.deepEqual(signerErrorsAlarmArgs("E1", TOPIC, TAGS), {
      region: "us-east-1",
      alarmDescription: "Lambda@Edge signer errors (execution, validation or limit exceeded) > 0: viewers get 5xx. Runbook: docs/operations.md#signer-errors",
      ...notify(TOPIC),
      metricQueries: [
        metric("m1", "LambdaExecutionError"), metric("m2", "LambdaValidationError"), metric("m3", "LambdaLimitExceededErrors"),
        { id: "errors", expression: "FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0)", label: "Lambda@Edge errors", returnData: true },
      ],
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
    });
  });

  it("edge 5xx rate: Average 5xxErrorRate over one-minute periods", () => {
    assert.deepEqual(edge5xxRateAlarmArgs("E1", { edge5xxRatePercent: 5, evaluationPeriods: 3 }, TOPIC, TAGS), {
      region: "us-east-1",
      alarmDescription: "CloudFront 5xx error rate above 5%. Runbook: docs/operations.md#edge-5xx-rate",
      ...notify(TOPIC),
      namespace: "AWS/CloudFront", metricName: "5xxErrorRate", dimensions: { DistributionId: "E1", Region: "Global" }, statistic: "Average",
      period: 60, comparisonOperator: "GreaterThanThreshold", threshold: 5, evaluationPeriods: 3, treatMissingData: "notBreaching",
    });
  });

  it("WAF blocked anomaly: the band is the threshold, over the web ACL's metric name and all rules", () => {
    assert.deepEqual(wafBlockedAnomalyAlarmArgs("edge-waf-p-s", 3, TOPIC), {
      region: "us-east-1",
      alarmDescription: "WAF blocked requests above their anomaly band (3 standard deviations). Runbook: docs/operations.md#waf-blocked-anomaly",
      alarmActions: [TOPIC], okActions: [TOPIC], tags: {},
      metricQueries: [
        { id: "blocked", returnData: true, metric: { namespace: "AWS/WAFV2", metricName: "BlockedRequests", dimensions: { WebACL: "edge-waf-p-s", Rule: "ALL" }, stat: "Sum", period: 300 } },
        { id: "band", expression: "ANOMALY_DETECTION_BAND(blocked, 3)", label: "expected blocked requests", returnData: true },
      ],
      thresholdMetricId: "band",
      comparisonOperator: "GreaterThanUpperThreshold",
      evaluationPeriods: 2,
      treatMissingData: "notBreaching",
    });
  });

  it("access-log 403s alarm in the API's own Region on the stack's scoped metric", () => {
    assert.deepEqual(accessLog403AlarmArgs("signerDenied", { name: "orders", region: "eu-west-1" }, "edge-security.prod.orders", EU_TOPIC, TAGS), {
      region: "eu-west-1",
      alarmDescription: "orders: 403 to the signer's role (valid signature, refused by IAM). Runbook: docs/operations.md#signer-denied",
      ...notify(EU_TOPIC),
      namespace: "EdgeSecurity/AccessLogs", metricName: "SignerDenied.edge-security.prod.orders", dimensions: {}, statistic: "Sum",
      period: 60, comparisonOperator: "GreaterThanThreshold", threshold: 0, evaluationPeriods: 1, treatMissingData: "notBreaching",
    });
    assert.equal(accessLog403AlarmArgs("badSignature", { name: "orders", region: "eu-west-1" }, "s", EU_TOPIC).metricName, "BadSignature.s");
  });

  it("canary: SuccessPercent per run period, two failed runs, and no runs at all counts as failing", () => {
    assert.deepEqual(canaryAlarmArgs("prod-edge-1a2b", { rateMinutes: 5, alarmBelowPercent: 90 }, TOPIC, TAGS), {
      region: "us-east-1",
      alarmDescription: "Canary success below 90% (an API through the edge failing, or answering directly). Runbook: docs/operations.md#canary",
      ...notify(TOPIC),
      namespace: "CloudWatchSynthetics", metricName: "SuccessPercent", dimensions: { CanaryName: "prod-edge-1a2b" }, statistic: "Average",
      period: 300, comparisonOperator: "LessThanThreshold", threshold: 90, evaluationPeriods: 2, treatMissingData: "breaching",
    });
  });
});
