import assert from "node:assert/strict";
import { dashboardBody, DashboardInputs, MetricWidget } from "../../components/monitoring/dashboardBody";
import { METRICS, MetricSpec, metricRef } from "../../components/monitoring/metricCatalog";

const FULL: DashboardInputs = {
  distributionId: "E2EXAMPLE",
  distributionArn: "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE",
  additionalMetrics: true,
  webAcl: { metricName: "edge-waf-edge-security-prod", ruleMetricNames: ["AWS-AWSManagedRulesCommonRuleSet", "rate-blanket"] },
  shield: true,
  apis: [
    { name: "petstore", kind: "REST", region: "us-east-2", apiId: "a1", stage: "prod", restApiName: "apis-petstore-1234", accessLog: { scope: "edge-security.prod.petstore", metrics: ["signerDenied"] } },
    { name: "http", kind: "HTTP", region: "eu-west-1", apiId: "h1", stage: "$default" },
    { name: "ws", kind: "WEBSOCKET", region: "eu-west-1", apiId: "w1", stage: "dev" },
  ],
  canaryName: "prod-edge-1a2b",
};

type Row = MetricWidget["properties"]["metrics"][number];

/** The catalog entry a dashboard row names, by namespace, (scoped) metric name and dimension keys. */
function specOf(row: Row): MetricSpec | undefined {
  const [namespace, name] = row as [string, string];
  const keys = (row.slice(2, -1) as string[]).filter((_, i) => i % 2 === 0);
  return Object.values(METRICS as Record<string, MetricSpec>).find((s) =>
    s.namespace === namespace && (s.scoped ? name.startsWith(`${s.metricName}.`) : name === s.metricName) && JSON.stringify(s.dimensions) === JSON.stringify(keys));
}

describe("dashboard body", () => {
  const body = dashboardBody(FULL);

  it("every widget is a metric widget that names its Region: us-east-1 for the edge, each API's own for the API", () => {
    assert.ok(body.widgets.length > 0);
    for (const w of body.widgets) {
      assert.equal(w.type, "metric");
      assert.match(w.properties.region, /^[a-z]{2}-[a-z]+-\d$/, w.properties.title);
      assert.ok(w.properties.title.endsWith(`(${w.properties.region})`), `${w.properties.title} names its Region`);
    }
    const regionOf = (title: string) => body.widgets.find((w) => w.properties.title.startsWith(title))!.properties.region;
    assert.equal(regionOf("CloudFront requests"), "us-east-1");
    assert.equal(regionOf("WAF requests"), "us-east-1");
    assert.equal(regionOf("petstore REST requests"), "us-east-2");
    assert.equal(regionOf("ws WEBSOCKET latency"), "eu-west-1");
  });

  it("every metric comes from the catalog, with exactly its dimension keys, its statistic, and a metric's Region matching the widget's", () => {
    for (const w of body.widgets) {
      for (const row of w.properties.metrics) {
        const spec = specOf(row);
        assert.ok(spec, `${JSON.stringify(row)} is in the catalog`);
        const options = row[row.length - 1] as { stat: string };
        const dims = row.slice(2, -1) as string[];
        assert.deepEqual(dims.filter((_, i) => i % 2 === 0), [...spec.dimensions], JSON.stringify(row));
        assert.equal(options.stat, spec.statistic);
        assert.equal(w.properties.region === "us-east-1" || spec.region === "api", true);
        if (spec.region === "edge") assert.equal(w.properties.region, "us-east-1");
      }
    }
  });

  it("lays the widgets out two per row, in this order", () => {
    assert.deepEqual(body.widgets.map((w) => w.properties.title), [
      "CloudFront requests (us-east-1)",
      "CloudFront error rates, % (us-east-1)",
      "Lambda@Edge signer errors (us-east-1)",
      "CloudFront origin latency p90, ms (us-east-1)",
      "CloudFront error rates by status, % (us-east-1)",
      "WAF requests, all rules (us-east-1)",
      "WAF blocked by rule (us-east-1)",
      "WAF counted by rule (us-east-1)",
      "Shield Advanced DDoS detected (us-east-1)",
      "petstore REST requests and errors (us-east-2)",
      "petstore REST latency p90, ms (us-east-2)",
      "petstore 403s from access logs (us-east-2)",
      "http HTTP requests and errors (eu-west-1)",
      "http HTTP latency p90, ms (eu-west-1)",
      "ws WEBSOCKET requests and errors (eu-west-1)",
      "ws WEBSOCKET latency p90, ms (eu-west-1)",
      "Canary success, % (us-east-1)",
      "Canary duration, ms (us-east-1)",
    ]);
    assert.deepEqual(body.widgets.slice(0, 3).map((w) => [w.x, w.y, w.width, w.height]), [[0, 0, 12, 6], [12, 0, 12, 6], [0, 6, 12, 6]]);
  });

  it("writes the exact metric rows: CloudFront by distribution and Region Global, WAF by web ACL metric name and rule, APIs by their kind's keys", () => {
    const rows = (title: string) => body.widgets.find((w) => w.properties.title.startsWith(title))!.properties.metrics;
    assert.deepEqual(rows("Lambda@Edge"), [
      ["AWS/CloudFront", "LambdaExecutionError", "DistributionId", "E2EXAMPLE", "Region", "Global", { stat: "Sum", label: "execution errors" }],
      ["AWS/CloudFront", "LambdaValidationError", "DistributionId", "E2EXAMPLE", "Region", "Global", { stat: "Sum", label: "validation errors" }],
      ["AWS/CloudFront", "LambdaLimitExceededErrors", "DistributionId", "E2EXAMPLE", "Region", "Global", { stat: "Sum", label: "limit exceeded" }],
    ]);
    assert.deepEqual(rows("WAF blocked by rule"), [
      ["AWS/WAFV2", "BlockedRequests", "WebACL", "edge-waf-edge-security-prod", "Rule", "AWS-AWSManagedRulesCommonRuleSet", { stat: "Sum", label: "AWS-AWSManagedRulesCommonRuleSet" }],
      ["AWS/WAFV2", "BlockedRequests", "WebACL", "edge-waf-edge-security-prod", "Rule", "rate-blanket", { stat: "Sum", label: "rate-blanket" }],
    ]);
    assert.deepEqual(rows("Shield"), [["AWS/DDoSProtection", "DDoSDetected", "ResourceArn", FULL.distributionArn, { stat: "Sum", label: "DDoS detected" }]]);
    assert.deepEqual(rows("petstore REST requests")[1], ["AWS/ApiGateway", "4XXError", "ApiName", "apis-petstore-1234", "Stage", "prod", { stat: "Sum", label: "4xx" }]);
    assert.deepEqual(rows("http HTTP requests")[2], ["AWS/ApiGateway", "5xx", "ApiId", "h1", "Stage", "$default", { stat: "Sum", label: "5xx" }]);
    assert.deepEqual(rows("ws WEBSOCKET requests")[0], ["AWS/ApiGateway", "ConnectCount", "ApiId", "w1", "Stage", "dev", { stat: "Sum", label: "connects" }]);
    assert.deepEqual(rows("petstore 403s"), [["EdgeSecurity/AccessLogs", "SignerDenied.edge-security.prod.petstore", { stat: "Sum", label: "signerDenied" }]]);
    assert.deepEqual(rows("Canary success"), [["CloudWatchSynthetics", "SuccessPercent", "CanaryName", "prod-edge-1a2b", { stat: "Average", label: "success" }]]);
  });

  it("leaves out what is off: additional metrics, WAF, Shield, canary", () => {
    const minimal = dashboardBody({ ...FULL, additionalMetrics: false, webAcl: undefined, shield: false, canaryName: undefined, apis: [] });
    assert.deepEqual(minimal.widgets.map((w) => w.properties.title), [
      "CloudFront requests (us-east-1)", "CloudFront error rates, % (us-east-1)", "Lambda@Edge signer errors (us-east-1)",
    ]);
  });

  it("refuses a REST API without its name", () => {
    assert.throws(() => dashboardBody({ ...FULL, apis: [{ name: "orders", kind: "REST", region: "eu-west-1", apiId: "o1", stage: "live" }] }), /orders: a REST API's metrics need its name/);
  });
});

describe("metric catalog", () => {
  it("orders dimensions as the table does and refuses keys it does not give a metric", () => {
    assert.deepEqual(metricRef("requests", { Region: "Global", DistributionId: "E1" }, "us-east-1").dimensions, { DistributionId: "E1", Region: "Global" });
    assert.throws(() => metricRef("requests", { DistributionId: "E1" }, "us-east-1"), /metric requests takes dimensions \["DistributionId","Region"\], got \["DistributionId"\]/);
    assert.throws(() => metricRef("httpCount", { ApiName: "x", Stage: "s" }, "eu-west-1"), /takes dimensions \["ApiId","Stage"\]/);
  });

  it("keeps edge metrics in us-east-1 and asks a scope of exactly the access-log metrics", () => {
    assert.throws(() => metricRef("requests", { DistributionId: "E1", Region: "Global" }, "eu-west-1"), /lives in us-east-1, not eu-west-1/);
    assert.throws(() => metricRef("signerDenied", {}, "eu-west-1"), /needs scope/);
    assert.throws(() => metricRef("httpCount", { ApiId: "a", Stage: "s" }, "eu-west-1", "x"), /takes no scope/);
    assert.equal(metricRef("signerDenied", {}, "eu-west-1", "p.s.api").metricName, "SignerDenied.p.s.api");
  });

  it("uses each namespace AWS documents, and only those and the stack's own", () => {
    const namespaces = new Set(Object.values(METRICS as Record<string, MetricSpec>).map((s) => s.namespace));
    assert.deepEqual([...namespaces].sort(), ["AWS/ApiGateway", "AWS/CloudFront", "AWS/DDoSProtection", "AWS/WAFV2", "CloudWatchSynthetics", "EdgeSecurity/AccessLogs"]);
  });
});
