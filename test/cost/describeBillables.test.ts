import { strict as assert } from "node:assert";
import { estimateCost, type Billables } from "../../components/cost";
import { ruleWcu } from "../../components/cost/pulumiRuleWcu";
import { REGIONAL_EDGE_CACHE_REGIONS } from "../../components/monitoring/edgeRegions";
import { traffic } from "./fixtures";
import { planned } from "./plannedStacks";

/**
 * dev with the billable extras the examples do not have, in one run: a web ACL over 1,500 WCU with Bot Control
 * and a 32 KB body limit, access logs to S3, an HTTPS health check, the HTTP API private integration.
 */
const EXTRAS = {
  waf: {
    bodyInspectionLimit: "KB_32",
    capacity: { limit: 2000, acceptExtraFees: true },
    managedRuleGroups: { AWSManagedRulesBotControlRuleSet: { inspectionLevel: "TARGETED" }, AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesLinuxRuleSet: true, AWSManagedRulesWindowsRuleSet: true },
  },
  accessLogs: { destination: "arn:aws:s3:::edge-logs-bucket", format: "parquet" },
  shield: { enabled: true, layer7Mitigation: "none", healthChecks: { cloudfront5xx: false, https: { path: "/health", requestIntervalSeconds: 10 } } },
  privateIntegration: {
    topology: "http-api",
    vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"] }],
    services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 8080 }],
  },
};
const devWith = async (edit: Record<string, unknown>): Promise<Billables> => (await planned("dev", edit)).billables;

describe("cost: what a planned stack bills for (describeBillables)", function () {
  this.timeout(60_000);

  it("dev: a distribution, the signer at 128 MB, a 6-rule web ACL logging to CloudWatch, three APIs with access logs", async () => {
    const logs = { kind: "cloudwatch", region: "eu-west-1", retentionDays: 30 };
    assert.deepEqual((await planned("dev")).billables, {
      distribution: { priceClass: "PriceClass_100" },
      signer: { memoryMb: 128 },
      webAcl: { rules: 6, wcu: 931, unknownWcuGroups: [], antiDdos: false, fraudControl: [], bodyInspectionLimitKb: 16, logging: { kind: "cloudwatch", region: "us-east-1", retentionDays: 30, filtered: false } },
      existingWebAcl: false,
      shield: { protectsDistribution: false, automaticResponse: false, subscriptionCreated: false },
      apis: [
        { name: "petstore-rest", kind: "REST", region: "eu-west-1", accessLog: logs, private: false },
        { name: "petstore-http", kind: "HTTP", region: "eu-west-1", accessLog: logs, private: false },
        { name: "petstore-ws", kind: "WEBSOCKET", region: "eu-west-1", accessLog: logs, private: false },
      ],
      // The monitoring's: a signer-denied and a bad-signature alarm per API in its Region; WAF blocked (an anomaly
      // band), 5xx rate, signer errors (metric math) in us-east-1.
      alarms: [
        ...Array.from({ length: 6 }, () => ({ region: "eu-west-1", kind: "metric" })),
        { region: "us-east-1", kind: "anomaly" }, { region: "us-east-1", kind: "metric" }, { region: "us-east-1", kind: "math" },
      ],
      dashboards: 1,
      signerLogGroups: REGIONAL_EDGE_CACHE_REGIONS.map((region) => ({ region, retentionDays: 30 })),
      logMetricFilters: ["petstore-rest", "petstore-http", "petstore-ws"].flatMap((api) => ["SignerDenied", "BadSignature", "DirectUnsigned"].map((metric) => ({
        region: "eu-west-1", namespace: "EdgeSecurity/AccessLogs", metric: `${metric}.edge-security.dev.${api}`, dimensioned: false,
      }))),
      canaries: [],
      additionalMetrics: 0,
      healthChecks: [],
      loadBalancers: [],
      vpcLinks: [],
      interfaceEndpoints: [],
      gatewayEndpoints: 0,
    });
  });

  it("prod: Shield protects the distribution with automatic response; an existing API; the private REST API over 3 NLBs and 3 VPC links; 4 endpoints in 3 AZs", async () => {
    const b = (await planned("prod")).billables;
    assert.deepEqual(b.shield, { protectsDistribution: true, automaticResponse: true, subscriptionCreated: false });
    assert.deepEqual(b.apis.map((api) => [api.name, api.kind, api.region, api.private]), [["petstore", "REST", "us-east-2", false], ["orders", "EXISTING", "eu-west-1", false], ["private", "REST", "eu-west-1", true]]);
    assert.deepEqual(b.accessLogs, { kind: "cloudwatch", region: "us-east-1", retentionDays: 365 });
    assert.deepEqual(b.webAcl?.logging, { kind: "cloudwatch", region: "us-east-1", retentionDays: 90, filtered: true });
    // Shield's 2; the monitoring's 9: two per API with a known access log (petstore, orders, private) in its Region, signer errors, WAF blocked, canary.
    assert.deepEqual([b.alarms.length, b.dashboards, b.healthChecks], [11, 1, [{ type: "CLOUDWATCH_METRIC", fast: false }]]);
    assert.deepEqual(b.loadBalancers, [1, 2, 3].map(() => ({ type: "network", region: "eu-west-1" })));
    assert.deepEqual(b.vpcLinks, [1, 2, 3].map(() => ({ version: 1, region: "eu-west-1" })));
    assert.deepEqual(b.interfaceEndpoints.map((e) => [e.service, e.azs]), [["ecr.api", 3], ["ecr.dkr", 3], ["logs", 3], ["sts", 3]]);
    assert.equal(b.gatewayEndpoints, 1);
  });

  it("a web ACL over 1,500 WCU with Bot Control and a 32 KB body limit: its extra fees appear", async () => {
    const b = await devWith(EXTRAS);
    // 931 + Bot Control 50 + SQLi, Linux, Windows 200 each.
    assert.deepEqual([b.webAcl?.wcu, b.webAcl?.rules, b.webAcl?.botControl, b.webAcl?.bodyInspectionLimitKb], [1581, 10, "TARGETED", 32]);
    const waf = estimateCost(b, traffic({ requestsPerMonth: 1_000_000, bodiesOver16KbShare: 0.1 })).lines.filter((l) => l.service === "AWS WAF");
    // Shield (on here for the health check) covers the standard fees, not the rest.
    assert.deepEqual(waf.map((l) => [l.item, l.quantity, l.monthlyUsd === null ? null : Math.round(l.monthlyUsd * 1e6) / 1e6]), [
      ["web ACL", 1, 0],
      ["rules (each managed group counts as one)", 10, 0],
      ["requests inspected", 1_000_000, 0],
      ["WCU above 1,500, per started 500 WCU", 1_000_000, 0.2],
      ["body inspection beyond 16 KB, per extra 16 KB", 100_000, 0.03],
      ["Bot Control subscription", 1, 10],
      ["Bot Control requests (targeted level)", 1_000_000, null],
    ]);
  });

  it("an existing web ACL: nothing of WAF is priced, and the estimate says whose bill it is", async () => {
    const b = await devWith({ waf: { existingWebAclArn: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/shared/0123abcd-0123-4567-89ab-0123456789ab" } });
    assert.deepEqual([b.webAcl, b.existingWebAcl], [undefined, true]);
    const estimate = estimateCost(b);
    assert.equal(estimate.lines.filter((l) => l.service === "AWS WAF").length, 0);
    assert.ok(estimate.excluded.includes("The fees of the existing web ACL the distribution uses: its owner's bill."));
  });

  it("access logs to an S3 bucket and an HTTPS health check: S3 delivery, the non-AWS check rate and its options", async () => {
    const b = await devWith(EXTRAS);
    assert.deepEqual(b.accessLogs, { kind: "s3" });
    assert.deepEqual(b.healthChecks, [{ type: "HTTPS", fast: true }]);
    const lines = estimateCost(b, traffic({ requestsPerMonth: 1_000_000 })).lines;
    assert.deepEqual(lines.filter((l) => l.service === "Route 53" || /CloudFront access logs/.test(l.item)).map((l) => [l.item, l.quantity, l.unitPriceUsd]), [
      ["CloudFront access logs: delivered to S3", (1_000_000 * 700) / 2 ** 30, 0.25],
      ["HTTPS health checks (non-AWS endpoint rate)", 1, 0.75],
      ["health check options (HTTPS, fast interval)", 2, null],
    ]);
  });

  it("the HTTP API topology: an ALB, a VPC link v2 and the created VPC's interface endpoints", async () => {
    const b = await devWith(EXTRAS);
    assert.deepEqual(b.apis.find((api) => api.private), { name: "private", kind: "HTTP", region: "eu-west-1", accessLog: { kind: "cloudwatch", region: "eu-west-1", retentionDays: 30 }, private: true });
    assert.deepEqual([b.loadBalancers, b.vpcLinks], [[{ type: "application", region: "eu-west-1" }], [{ version: 2, region: "eu-west-1" }]]);
    assert.deepEqual(b.interfaceEndpoints.map((e) => [e.service, e.azs]), [["ecr.api", 2], ["ecr.dkr", 2], ["logs", 2], ["sts", 2]]);
  });

  it("refuses a rule statement it has no WCU figure for, naming the rule", () => {
    assert.throws(() => ruleWcu({ name: "xss", statement: { xssMatchStatement: { fieldToMatch: { body: {} } } } }), /web ACL rule "xss": no WCU figure for a xssMatchStatement statement here/);
  });

  it("counts a vendor's managed group as unknown WCU rather than guessing", () => {
    assert.deepEqual(ruleWcu({ name: "vendor", statement: { managedRuleGroupStatement: { vendorName: "F5", name: "Bots" } } }), { wcu: 0, unknownGroup: "F5/Bots" });
  });
});
