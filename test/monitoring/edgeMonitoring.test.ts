import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { dashboardBody } from "../../components/monitoring/dashboardBody";
import { EdgeMonitoring, EdgeMonitoringArgs } from "../../components/monitoring/edgeMonitoring";
import { parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { MockRecorder, installMocks, secretInput, valueOf } from "../support/mocks";
import { DEV_APIS, DISTRIBUTION_ARN, DISTRIBUTION_ID, ORDERS_API, SHIELD_TOPIC, SIGNER_ROLE_ARN, WEB_ACL_ARN } from "./fixtures";

const T = {
  topic: "aws:sns/topic:Topic",
  email: "aws:sns/topicSubscription:TopicSubscription",
  filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  subscription: "aws:cloudfront/monitoringSubscription:MonitoringSubscription",
} as const;
const TAGS = { team: "edge" };
const EMAIL_HASH = "af3c8254"; // sha256("ops@example.com").slice(0, 8)
const topicArn = (region: string) => `arn:aws:mock:${region}:123456789012:Topic/mon-alarms-${region}`;

describe("EdgeMonitoring", () => {
  let mocks: MockRecorder;
  before(() => { mocks = installMocks(); });
  beforeEach(() => mocks.reset());

  async function build(raw: unknown, extra: Partial<EdgeMonitoringArgs> = {}): Promise<EdgeMonitoring> {
    const registered: pulumi.Resource[] = [];
    const record: pulumi.ResourceTransformation = ({ resource }) => { registered.push(resource); return undefined; };
    const monitoring = new EdgeMonitoring("mon", {
      settings: parseMonitoringConfig(raw),
      distributionId: DISTRIBUTION_ID,
      distributionArn: DISTRIBUTION_ARN,
      signerRoleArn: SIGNER_ROLE_ARN,
      apis: DEV_APIS,
      webAcl: { arn: WEB_ACL_ARN, ruleMetricNames: ["AWS-AWSManagedRulesCommonRuleSet", "rate-blanket"] },
      tags: TAGS,
      ...extra,
    }, { transformations: [record] });
    await Promise.all([monitoring, ...registered].map((r) => valueOf(r.urn)));
    return monitoring;
  }
  const inputs = (type: string, name: string) => mocks.one(type, name).inputs;
  const names = (type: string) => mocks.ofType(type).map((r) => r.name).sort();

  describe("dev defaults: alarms, filters and dashboard", () => {
    let monitoring: EdgeMonitoring;
    beforeEach(async () => { monitoring = await build({ notifications: { emails: ["ops@example.com"] } }); });

    it("creates exactly a topic and an email subscription per Region with alarms, three filters and two alarms per API, the edge alarms and the dashboard", async () => {
      assert.deepEqual(names(T.topic), ["mon-alarms-eu-west-1", "mon-alarms-us-east-1"]);
      assert.deepEqual(names(T.email), [`mon-alarms-eu-west-1-email-${EMAIL_HASH}`, `mon-alarms-us-east-1-email-${EMAIL_HASH}`]);
      const perApi = (metrics: readonly string[]) => ["petstore-http", "petstore-rest", "petstore-ws"].flatMap((api) => metrics.map((m) => `mon-${api}-${m}`));
      assert.deepEqual(names(T.filter), perApi(["badSignature", "directUnsigned", "signerDenied"]));
      assert.deepEqual(names(T.alarm), ["mon-edge-5xx", ...perApi(["badSignature", "signerDenied"]), "mon-signer-errors", "mon-waf-blocked"]);
      assert.deepEqual(names(T.dashboard), ["mon"]);
      assert.deepEqual(mocks.ofType(T.subscription), []);
      assert.deepEqual(await valueOf(pulumi.output(monitoring.topicArns)), { "eu-west-1": topicArn("eu-west-1"), "us-east-1": topicArn("us-east-1") });
    });

    it("topics have no KMS key and carry the tags; each address is subscribed by email in its topic's Region", () => {
      assert.deepEqual(inputs(T.topic, "mon-alarms-eu-west-1"), { region: "eu-west-1", tags: TAGS });
      assert.deepEqual(inputs(T.email, `mon-alarms-eu-west-1-email-${EMAIL_HASH}`), { region: "eu-west-1", topic: topicArn("eu-west-1"), protocol: "email", endpoint: secretInput("ops@example.com") });
    });

    it("filters each API's access log in its Region for 403s to the signer's assumed role, into the stack's scoped metric", () => {
      assert.deepEqual(inputs(T.filter, "mon-petstore-rest-signerDenied"), {
        region: "eu-west-1",
        logGroupName: "apis-petstore-rest-access-1a2b",
        pattern: '{ ($.status = "403") && ($.userArn = "arn:aws:sts::123456789012:assumed-role/edge-signer-role/*") }',
        metricTransformation: { namespace: "EdgeSecurity/AccessLogs", name: "SignerDenied.edge-security.test.petstore-rest", value: "1", defaultValue: "0", unit: "Count" },
      });
    });

    it("filters rejected signatures and unsigned calls by the errorType the formats log; only the first alarms", () => {
      assert.deepEqual(inputs(T.filter, "mon-petstore-http-badSignature").pattern, '{ ($.status = "403") && (($.errorType = "INVALID_SIGNATURE") || ($.errorType = "EXPIRED_TOKEN")) }');
      assert.deepEqual(inputs(T.filter, "mon-petstore-ws-directUnsigned").metricTransformation.name, "DirectUnsigned.edge-security.test.petstore-ws");
      const alarm = inputs(T.alarm, "mon-petstore-rest-badSignature");
      assert.deepEqual([alarm.region, alarm.metricName, alarm.alarmActions], ["eu-west-1", "BadSignature.edge-security.test.petstore-rest", [topicArn("eu-west-1")]]);
    });

    it("alarms on those metrics in the API's Region, to that Region's topic", () => {
      const alarm = inputs(T.alarm, "mon-petstore-ws-signerDenied");
      assert.equal(alarm.region, "eu-west-1");
      assert.equal(alarm.metricName, "SignerDenied.edge-security.test.petstore-ws");
      assert.deepEqual([alarm.alarmActions, alarm.okActions], [[topicArn("eu-west-1")], [topicArn("eu-west-1")]]);
    });

    it("edge alarms are in us-east-1 on the distribution and on the web ACL's metric name, to the us-east-1 topic", () => {
      const errors = inputs(T.alarm, "mon-signer-errors");
      assert.equal(errors.region, "us-east-1");
      assert.deepEqual(errors.metricQueries[0].metric.dimensions, { DistributionId: DISTRIBUTION_ID, Region: "Global" });
      assert.deepEqual(errors.alarmActions, [topicArn("us-east-1")]);
      const fivexx = inputs(T.alarm, "mon-edge-5xx");
      assert.deepEqual([fivexx.metricName, fivexx.threshold, fivexx.evaluationPeriods, fivexx.tags], ["5xxErrorRate", 5, 3, TAGS]);
      const waf = inputs(T.alarm, "mon-waf-blocked");
      assert.deepEqual(waf.metricQueries[0].metric.dimensions, { WebACL: "edge-waf-edge-security-test", Rule: "ALL" });
      assert.equal(waf.metricQueries[1].expression, "ANOMALY_DETECTION_BAND(blocked, 3)");
    });

    it("the dashboard is in us-east-1, named after project and stack, with the body the pure builder makes from the resolved identifiers", async () => {
      const dashboard = inputs(T.dashboard, "mon");
      assert.equal(dashboard.region, "us-east-1");
      assert.equal(dashboard.dashboardName, "edge-security-test-edge");
      assert.equal(await valueOf(monitoring.dashboardName!), "edge-security-test-edge");
      const scope = (api: string) => ({ scope: `edge-security.test.${api}`, metrics: ["signerDenied", "badSignature", "directUnsigned"] as const });
      assert.deepEqual(JSON.parse(dashboard.dashboardBody), dashboardBody({
        distributionId: DISTRIBUTION_ID,
        distributionArn: DISTRIBUTION_ARN,
        additionalMetrics: false,
        webAcl: { metricName: "edge-waf-edge-security-test", ruleMetricNames: ["AWS-AWSManagedRulesCommonRuleSet", "rate-blanket"] },
        shield: false,
        apis: [
          { name: "petstore-rest", kind: "REST", region: "eu-west-1", apiId: "r1", stage: "dev", restApiName: "apis-petstore-rest-1a2b", accessLog: scope("petstore-rest") },
          { name: "petstore-http", kind: "HTTP", region: "eu-west-1", apiId: "h1", stage: "$default", accessLog: scope("petstore-http") },
          { name: "petstore-ws", kind: "WEBSOCKET", region: "eu-west-1", apiId: "w1", stage: "dev", accessLog: scope("petstore-ws") },
        ],
      }));
    });
  });

  it("with Shield: reuses its us-east-1 topic, subscribes only addresses Shield has not, and leaves the 5xx alarm to Shield's health check", async () => {
    await build({ notifications: { emails: ["secops@example.com", "ops@example.com"] } }, {
      shield: { topicArn: SHIELD_TOPIC, subscribedEmails: ["secops@example.com"], watches5xx: true },
    });
    assert.deepEqual(names(T.topic), ["mon-alarms-eu-west-1"]);
    assert.deepEqual(names(T.email).filter((n) => n.includes("us-east-1")), [`mon-alarms-us-east-1-email-${EMAIL_HASH}`]);
    assert.equal(inputs(T.email, `mon-alarms-us-east-1-email-${EMAIL_HASH}`).topic, SHIELD_TOPIC);
    assert.equal(inputs(T.alarm, "mon-signer-errors").alarmActions[0], SHIELD_TOPIC);
    assert.ok(!names(T.alarm).includes("mon-edge-5xx"));
    assert.ok(inputs(T.dashboard, "mon").dashboardBody.includes("DDoSDetected"));
  });

  it("an API without an access-log group gets no filter, no alarm and no topic in its Region; additional metrics subscribe the distribution", async () => {
    await build({ additionalMetrics: true }, { apis: [ORDERS_API] });
    assert.deepEqual(names(T.filter), []);
    assert.deepEqual(names(T.topic), ["mon-alarms-us-east-1"]);
    assert.deepEqual(names(T.email), []);
    assert.deepEqual(inputs(T.subscription, "mon-additional-metrics"), {
      distributionId: DISTRIBUTION_ID,
      monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
    });
    assert.ok(inputs(T.dashboard, "mon").dashboardBody.includes('"OriginLatency"'));
  });

  it("alarms off: no topic, no alarm, but the filters and the dashboard; enabled false: nothing at all", async () => {
    await build({ alarms: { enabled: false } });
    assert.deepEqual([names(T.topic), names(T.alarm)], [[], []]);
    assert.equal(names(T.filter).length, 9);
    mocks.reset();
    await build({ enabled: false });
    assert.deepEqual(mocks.resources.map((r) => r.type), ["edge-security:monitoring:EdgeMonitoring"]);
  });

});
