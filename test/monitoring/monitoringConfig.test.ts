import assert from "node:assert/strict";
import { monitoringConfigSchema, parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { REGIONAL_EDGE_CACHE_REGIONS } from "../../components/monitoring/edgeRegions";
import { describeMonitoringPlan } from "../../components/monitoring/describeMonitoringPlan";
import { parseWith } from "../../components/shared/schema/parse";
import { ConfigError } from "../../components/shared/validation";

const parse = parseMonitoringConfig;

function problems(input: unknown): string[] {
  try {
    parse(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((p) => `${p.field}: ${p.allowed}`);
  }
  return assert.fail("expected a ConfigError");
}

describe("monitoring config schema", () => {
  it("an absent section is on, with every default: dashboard, alarms, signer logs; canary and extras off", () => {
    assert.deepEqual(parse(undefined), parseWith(monitoringConfigSchema, {}, "test"));
    assert.deepEqual(parse({}), {
      enabled: true,
      notifications: { emails: [] },
      dashboard: true,
      alarms: { enabled: true, edge5xxRatePercent: 5, evaluationPeriods: 3, wafBlockedBand: 3 },
      signerLogs: { retentionDays: 30, regions: [...REGIONAL_EDGE_CACHE_REGIONS] },
      canary: { enabled: false, rateMinutes: 5, runtimeVersion: "syn-nodejs-5.4", timeoutSeconds: 60, retentionDays: 31, alarmBelowPercent: 90 },
      additionalMetrics: false,
      apis: {},
      rateLimitProbe: { enabled: false, headerName: "x-edge-rate-probe" },
    });
  });

  it("keeps what the prod example sets", () => {
    const settings = parse({
      notifications: { emails: ["secops@example.com"] },
      canary: { enabled: true, rateMinutes: 10 },
      additionalMetrics: true,
      apis: { orders: { path: "/health", expectStatus: 200, restApiName: "orders-api", accessLogGroupName: "/aws/apigateway/orders-live" } },
      rateLimitProbe: { enabled: true },
    });
    assert.deepEqual(settings.canary, { enabled: true, rateMinutes: 10, runtimeVersion: "syn-nodejs-5.4", timeoutSeconds: 60, retentionDays: 31, alarmBelowPercent: 90 });
    assert.deepEqual(settings.apis.orders, { path: "/health", expectStatus: 200, restApiName: "orders-api", accessLogGroupName: "/aws/apigateway/orders-live" });
    assert.equal(settings.rateLimitProbe.enabled, true);
    assert.deepEqual(settings.notifications.emails, ["secops@example.com"]);
  });

  it("names every problem at once, with its path under monitoring", () => {
    assert.deepEqual(problems({
      notifications: { emails: ["ops@example.com", "not-an-address", "ops@example.com"] },
      alarms: { edge5xxRatePercent: 0, evaluationPeriods: "3" },
      signerLogs: { retentionDays: 45, regions: ["eu-west-1", "eu-wset-1"] },
      canary: { enabled: true, rateMinutes: 1, timeoutSeconds: 120, runtimeVersion: "syn-nodejs-3.1", retentionDays: 500 },
      apis: { Orders: {}, orders: { path: "health", expectStatus: 700, stage: "live" } },
      rateLimitProbe: { headerName: "X-Probe" },
      dashbaord: false,
    }), [
      "monitoring.notifications.emails[1]: allowed: an email address such as ops@example.com (at most 150 characters)",
      "monitoring.notifications.emails: allowed: each address once",
      "monitoring.alarms.edge5xxRatePercent: allowed: a percentage above 0, at most 100",
      'monitoring.alarms.evaluationPeriods: allowed: 1 to 30 one-minute periods ("3" is quoted, so YAML reads it as text: write 3 without quotes)',
      "monitoring.signerLogs.retentionDays: allowed: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs retention in days)",
      'monitoring.signerLogs.regions[1]: allowed: an AWS Region code such as eu-west-1; did you mean "eu-west-1"?',
      "monitoring.canary.runtimeVersion: allowed: syn-nodejs-4.0 or later (earlier ones run Lambda's deprecated Node.js 20)",
      "monitoring.canary.retentionDays: allowed: 1 to 455 days",
      "monitoring.canary.timeoutSeconds: allowed: timeoutSeconds no longer than the interval between runs (rateMinutes x 60)",
      "monitoring.apis.Orders: allowed: the name of an API in edge-security:apis",
      "monitoring.apis.orders.path: allowed: a path starting with /, relative to the API's stage root, e.g. /health",
      "monitoring.apis.orders.expectStatus: allowed: an HTTP status from 100 to 599",
      'monitoring.apis.orders.stage: unknown key; allowed: "path", "expectStatus", "restApiName" or "accessLogGroupName"',
      "monitoring.rateLimitProbe.headerName: allowed: x- and 1-38 lowercase letters, digits or -",
      'monitoring.dashbaord: unknown key; allowed: "enabled", "notifications", "dashboard", "alarms", "signerLogs", "canary", "additionalMetrics", "apis" or "rateLimitProbe"; did you mean "dashboard"?',
    ]);
  });

  it("refuses expectStatus 403: API Gateway answers it to a request the signer did not sign, so it can never prove the edge", () => {
    assert.deepEqual(problems({ apis: { orders: { path: "/health", expectStatus: 403 } } }), [
      "monitoring.apis.orders.expectStatus: allowed: an HTTP status from 100 to 599 but 403, which API Gateway answers to an unsigned request (through the edge it never passes)",
    ]);
    assert.equal(parseMonitoringConfig({ apis: { orders: { path: "/health", expectStatus: 404 } } }).apis.orders.expectStatus, 404);
  });

  it("refuses a canary timeout longer than the interval between runs", () => {
    assert.deepEqual(problems({ canary: { rateMinutes: 1, timeoutSeconds: 61 } }), [
      "monitoring.canary.timeoutSeconds: allowed: timeoutSeconds no longer than the interval between runs (rateMinutes x 60)",
    ]);
    assert.equal(parse({ canary: { rateMinutes: 1, timeoutSeconds: 60 } }).canary.timeoutSeconds, 60);
  });

  it("refuses an empty Region list and an empty section value of the wrong type", () => {
    assert.deepEqual(problems({ signerLogs: { regions: [] } }), ["monitoring.signerLogs.regions: required: at least one Region"]);
    assert.deepEqual(problems("on"), ["monitoring: allowed: an object (a map of keys to values)"]);
  });
});

describe("monitoring plan lines", () => {
  it("says what is created where", () => {
    const apis = [
      { name: "petstore", kind: "REST" as const, region: "us-east-2", accessLogGroupName: "g" },
      { name: "orders", kind: "REST" as const, region: "eu-west-1" },
    ];
    assert.deepEqual(describeMonitoringPlan(parseMonitoringConfig({ notifications: { emails: ["a@example.com"] }, canary: { enabled: true }, rateLimitProbe: { enabled: true } }), apis, { shieldTopic: true, webAcl: true }), [
      "monitoring: alarms in us-east-1: Lambda@Edge errors, 5xx rate, WAF blocked anomaly, canary (on Shield's topic)",
      "monitoring: signer-403 alarms in us-east-2: petstore (signerDenied, badSignature)",
      "monitoring: 1 email recipient(s), subscribed in every Region with alarms",
      "monitoring: no access-log group known for orders: no signer-403 filters (set monitoring.apis.<name>.accessLogGroupName)",
      "monitoring: dashboard in us-east-1; additional CloudFront metrics off",
      "monitoring: signer log groups in 13 Regions, 30 days",
      "monitoring: canary syn-nodejs-5.4 in us-east-1, rate(5 minutes), 2 API(s) through the edge and directly",
      "monitoring: rate-limit probe rule on header x-edge-rate-probe (10 per 60 s)",
    ]);
    assert.deepEqual(describeMonitoringPlan(parseMonitoringConfig({ enabled: false }), apis, { shieldTopic: false, webAcl: false }), ["monitoring: off (monitoring.enabled false)"]);
  });
});
