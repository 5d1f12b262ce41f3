import { strict as assert } from "node:assert";
import { REGIONAL_EDGE_CACHE_REGIONS } from "../../components/monitoring/edgeRegions";
import { probeToken } from "../../components/monitoring/rateLimitProbe";
import { runProgram, type ProgramRun } from "../../scripts/plan/runProgram";
import { loadOutputs } from "../../scripts/verify/outputs";
import { ACCOUNT_ID, installMocks, secretInput } from "../support/mocks";
import { programRun } from "./programRuns";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const T = {
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  topic: "aws:sns/topic:Topic",
  email: "aws:sns/topicSubscription:TopicSubscription",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  canary: "aws:synthetics/canary:Canary",
} as const;
const SIGNER_LOG_GROUP = "/aws/lambda/us-east-1.edge-signer-fn";

describe("program (index.ts) under mocks: monitoring and verification", function () {
  this.timeout(60_000);

  describe("dev stack", () => {
    let run: ProgramRun;
    before(async () => {
      run = await programRun("dev");
    });

    it("exports what npm run verify expects: the counting rules in order, no probe rule, each pet store at /pets", () => {
      assert.deepEqual(run.outputs.verification, {
        waf: {
          mode: "count",
          ruleNames: ["body-too-large", "rate-blanket", "AWS-AWSManagedRulesAmazonIpReputationList", "AWS-AWSManagedRulesCommonRuleSet", "AWS-AWSManagedRulesKnownBadInputsRuleSet", "rate-ip-reputation"],
          knownBad: "passes",
        },
        probes: { "petstore-rest": { path: "pets", expectStatus: 200 }, "petstore-http": { path: "pets", expectStatus: 200 }, "petstore-ws": { path: "" } },
      });
      const acl = run.recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf-edge-security-dev").inputs;
      assert.deepEqual(acl.rules.map((r: any) => r.name), (run.outputs.verification as any).waf.ruleNames);
    });

    it("monitors by default: a topic per Region with alarms, the signer's 403 filters on each API's own log group, the edge alarms, the dashboard, no canary", () => {
      assert.deepEqual(run.outputs.monitoring, {
        dashboardName: "edge-security-dev-edge",
        topicArns: { "eu-west-1": `arn:aws:mock:eu-west-1:${ACCOUNT_ID}:Topic/monitoring-alarms-eu-west-1`, "us-east-1": `arn:aws:mock:us-east-1:${ACCOUNT_ID}:Topic/monitoring-alarms-us-east-1` },
      });
      assert.deepEqual(run.recorder.ofType(T.topic).map((t) => [t.name, t.inputs.region]), [["monitoring-alarms-eu-west-1", "eu-west-1"], ["monitoring-alarms-us-east-1", "us-east-1"]]);
      assert.deepEqual(run.recorder.ofType(T.email), [], "no addresses in dev");
      const perApi = (metrics: readonly string[]) => ["petstore-rest", "petstore-http", "petstore-ws"].flatMap((api) => metrics.map((m) => `monitoring-${api}-${m}`));
      assert.deepEqual(run.recorder.ofType(T.filter).map((f) => f.name), perApi(["signerDenied", "badSignature", "directUnsigned"]));
      assert.deepEqual(run.recorder.one(T.filter, "monitoring-petstore-http-signerDenied").inputs, {
        region: "eu-west-1",
        logGroupName: "apis-petstore-http-access",
        pattern: `{ ($.status = "403") && ($.userArn = "arn:aws:sts::${ACCOUNT_ID}:assumed-role/edge-signer-role/*") }`,
        metricTransformation: { namespace: "EdgeSecurity/AccessLogs", name: "SignerDenied.edge-security.dev.petstore-http", value: "1", defaultValue: "0", unit: "Count" },
      });
      // The filters read the group the stage logs to.
      assert.equal(run.recorder.one("aws:apigatewayv2/stage:Stage", "apis-petstore-http-stage").inputs.accessLogSettings.destinationArn, `arn:aws:logs:eu-west-1:${ACCOUNT_ID}:log-group:apis-petstore-http-access`);
      assert.deepEqual(run.recorder.ofType(T.alarm).map((a) => [a.name, a.inputs.region]).sort(), [
        ...perApi(["badSignature", "signerDenied"]).map((name) => [name, "eu-west-1"]),
        ["monitoring-edge-5xx", "us-east-1"], ["monitoring-signer-errors", "us-east-1"], ["monitoring-waf-blocked", "us-east-1"],
      ].sort());
      const waf = run.recorder.one(T.alarm, "monitoring-waf-blocked").inputs;
      assert.deepEqual(waf.metricQueries[0].metric.dimensions, { WebACL: "edge-waf-edge-security-dev", Rule: "ALL" });
      const dashboard = run.recorder.one(T.dashboard, "monitoring").inputs;
      assert.deepEqual([dashboard.region, dashboard.dashboardName], ["us-east-1", "edge-security-dev-edge"]);
      assert.ok(dashboard.dashboardBody.includes('"ApiName","apis-petstore-rest"'), "REST metrics keyed by the created API's name");
      assert.deepEqual(run.recorder.ofType(T.canary), []);
    });

    it("makes the signer's log groups in every regional edge cache Region, 30 days, and the distribution waits for them", () => {
      const groups = run.recorder.ofType(T.logGroup).filter((g) => g.name.startsWith("edge-signer-logs-"));
      assert.deepEqual(groups.map((g) => g.inputs), REGIONAL_EDGE_CACHE_REGIONS.map((region) => ({ name: SIGNER_LOG_GROUP, region, retentionInDays: 30, tags: { environment: "dev", "edge-security:stack": "dev" } })));
      const at = (type: string, name: string) => run.recorder.resources.findIndex((r) => r.type === type && r.name === name);
      assert.ok(groups.every((g) => at(T.logGroup, g.name) < at(DISTRIBUTION, "edge-cdn")), "registered before the distribution");
    });
  });

  describe("prod stack", () => {
    let run: ProgramRun;
    before(async () => {
      run = await programRun("prod");
    });

    it("puts the rate-limit probe in the enforcing web ACL with the stack's token, and exports it for verify", () => {
      const token = probeToken("edge-security", "prod");
      const acl = run.recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf-edge-security-prod").inputs;
      assert.deepEqual(acl.rules.find((r: any) => r.name === "rate-limit-probe"), {
        name: "rate-limit-probe",
        priority: 195,
        action: { block: { customResponse: { customResponseBodyKey: "rate-limited", responseCode: 429, responseHeaders: [{ name: "Retry-After", value: "60" }] } } },
        statement: {
          rateBasedStatement: {
            aggregateKeyType: "IP", evaluationWindowSec: 60, limit: 10,
            scopeDownStatement: { byteMatchStatement: { fieldToMatch: { singleHeader: { name: "x-edge-rate-probe" } }, positionalConstraint: "EXACTLY", searchString: token, textTransformations: [{ priority: 0, type: "NONE" }] } },
          },
        },
        visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "rate-limit-probe", sampledRequestsEnabled: true },
      });
      const verification = run.outputs.verification as any;
      assert.deepEqual(verification.rateLimitProbe, { headerName: "x-edge-rate-probe", token, limit: 10, windowSec: 60, ruleName: "rate-limit-probe" });
      assert.deepEqual(verification.waf.ruleNames, acl.rules.map((r: any) => r.name), "the rules verify expects are the deployed ones, in order");
      assert.deepEqual(verification.shield, { automaticResponse: "COUNT", healthCheck: true });
      assert.deepEqual(verification.probes, { petstore: { path: "pets", expectStatus: 200 }, orders: { path: "health", expectStatus: 200 }, private: { path: "v1/orders", expectStatus: 200 } });
    });

    it("exports outputs npm run verify reads as they are (pulumi stack output --json)", async () => {
      const read = await loadOutputs({ outputsFile: "prod.json" }, { readText: async () => JSON.stringify(run.outputs) });
      assert.deepEqual(read.verification, run.outputs.verification);
      assert.deepEqual(Object.keys(read.apis), ["petstore", "orders", "private"]);
    });

    it("keeps its own 5xx alarm when Shield is on without its 5xx health check", async () => {
      const unwatched = await runProgram("prod", (c) => {
        const shield = JSON.parse(c["edge-security:shield"]);
        c["edge-security:shield"] = JSON.stringify({ ...shield, healthChecks: { cloudfront5xx: false, https: { path: "/pets" } } });
      }, installMocks("edge-security", "prod"));
      const names = (r: ProgramRun) => r.recorder.ofType(T.alarm).map((a) => a.name);
      assert.ok(names(unwatched).includes("monitoring-edge-5xx"), names(unwatched).join());
      assert.ok(!names(run).includes("monitoring-edge-5xx"), "with Shield's 5xx alarm, the monitoring adds none");
    });

    it("alarms in us-east-1 on Shield's topic (Shield watches the 5xx rate), in each API's Region on a topic of its own, with the addresses Shield lacks", () => {
      const shieldTopic = `arn:aws:mock:us-east-1:${ACCOUNT_ID}:Topic/edge-shield-alarms`;
      const topic = (region: string) => `arn:aws:mock:${region}:${ACCOUNT_ID}:Topic/monitoring-alarms-${region}`;
      assert.deepEqual(run.outputs.monitoring, {
        dashboardName: "edge-security-prod-edge",
        topicArns: { "eu-west-1": topic("eu-west-1"), "us-east-1": shieldTopic, "us-east-2": topic("us-east-2") },
        canaryName: "prod-edge-ad7b",
      });
      assert.deepEqual(run.recorder.ofType(T.email).filter((e) => e.name.startsWith("monitoring-")).map((e) => [e.inputs.region, e.inputs.topic, e.inputs.endpoint]), [
        ["eu-west-1", topic("eu-west-1"), secretInput("secops@example.com")], ["us-east-2", topic("us-east-2"), secretInput("secops@example.com")],
      ]);
      const alarms = run.recorder.ofType(T.alarm).filter((a) => a.name.startsWith("monitoring-"));
      assert.deepEqual(alarms.map((a) => [a.name, a.inputs.region, a.inputs.alarmActions[0]]).sort(), [
        ["monitoring-canary", "us-east-1", shieldTopic],
        ["monitoring-orders-badSignature", "eu-west-1", topic("eu-west-1")],
        ["monitoring-orders-signerDenied", "eu-west-1", topic("eu-west-1")],
        ["monitoring-petstore-badSignature", "us-east-2", topic("us-east-2")],
        ["monitoring-petstore-signerDenied", "us-east-2", topic("us-east-2")],
        ["monitoring-private-badSignature", "eu-west-1", topic("eu-west-1")],
        ["monitoring-private-signerDenied", "eu-west-1", topic("eu-west-1")],
        ["monitoring-signer-errors", "us-east-1", shieldTopic],
        ["monitoring-waf-blocked", "us-east-1", shieldTopic],
      ]);
    });

    it("filters the existing API's own log group and the private API's stage group, and keys REST metrics by the names given or made", () => {
      assert.deepEqual(run.recorder.one(T.filter, "monitoring-orders-badSignature").inputs, {
        region: "eu-west-1",
        logGroupName: "/aws/apigateway/orders-live",
        pattern: '{ ($.status = "403") && (($.errorType = "INVALID_SIGNATURE") || ($.errorType = "EXPIRED_TOKEN")) }',
        metricTransformation: { namespace: "EdgeSecurity/AccessLogs", name: "BadSignature.edge-security.prod.orders", value: "1", defaultValue: "0", unit: "Count" },
      });
      // The private API's stage logs to a group the stack creates, in the API's region: the same three filters as a created API's.
      const privateFilters = run.recorder.ofType(T.filter).filter((f) => f.name.startsWith("monitoring-private"));
      assert.deepEqual(privateFilters.map((f) => [f.name, f.inputs.region, f.inputs.logGroupName]).sort(), [
        ["monitoring-private-badSignature", "eu-west-1", "private-access"],
        ["monitoring-private-directUnsigned", "eu-west-1", "private-access"],
        ["monitoring-private-signerDenied", "eu-west-1", "private-access"],
      ]);
      assert.deepEqual(run.recorder.one(T.filter, "monitoring-private-signerDenied").inputs.pattern,
        `{ ($.status = "403") && ($.userArn = "arn:aws:sts::${ACCOUNT_ID}:assumed-role/edge-signer-role/*") }`);
      const body = run.recorder.one(T.dashboard, "monitoring").inputs.dashboardBody;
      for (const name of ["apis-petstore", "orders-api", "private-api"]) assert.ok(body.includes(`"ApiName","${name}"`), name);
    });

    it("runs the canary in us-east-1 every 5 minutes, against every API through the edge and directly", () => {
      const canary = run.recorder.one(T.canary, "monitoring-canary").inputs;
      assert.deepEqual(
        [canary.name, canary.region, canary.runtimeVersion, canary.schedule, canary.runConfig, canary.executionRoleArn, canary.artifactS3Location],
        ["prod-edge-ad7b", "us-east-1", "syn-nodejs-5.4", { expression: "rate(5 minutes)" }, { activeTracing: false, timeoutInSeconds: 60 }, `arn:aws:iam::${ACCOUNT_ID}:role/monitoring-canary-role`, "s3://monitoring-canary-artifacts-id/canary/"],
      );
    });
  });
});
