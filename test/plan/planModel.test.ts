import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { comparePlans, formatComparison } from "../../scripts/plan/compare";
import { mermaidDiagram } from "../../scripts/plan/diagram";
import { planJson } from "../../scripts/plan/json";
import { planModel, type PlanModel } from "../../scripts/plan/model";
import { runProgram } from "../../scripts/plan/runProgram";
import { formatPlanText } from "../../scripts/plan/text";

const NOW = new Date("2026-12-01T12:00:00Z");
const MANAGED = { cachePolicy: "CachingDisabled (AWS managed)", originRequestPolicy: "AllViewerExceptHostHeader (AWS managed)", responseHeadersPolicy: "edge-cdn-security-headers", originRequestFunction: "origin-request: edge-signer-fn (with body)" };

describe("the plan's model: routes, IAM, WAF in words, cost, diagram, comparison", function () {
  this.timeout(120_000);
  let dev: PlanModel;
  let prod: PlanModel;
  before(async () => {
    dev = planModel("dev", await runProgram("dev"), NOW);
    prod = planModel("prod", await runProgram("prod"), NOW);
  });

  it("routes each behaviour, in CloudFront's order, to its API and says what the API receives", () => {
    assert.deepEqual(dev.routes, [
      { pathPattern: "/http/*", origin: "petstore-http", kind: "HTTP", region: "eu-west-1", stage: "$default", apiReceives: "/*", ...MANAGED },
      { pathPattern: "/http", origin: "petstore-http", kind: "HTTP", region: "eu-west-1", stage: "$default", apiReceives: "/", ...MANAGED },
      { pathPattern: "/ws/*", origin: "petstore-ws", kind: "WEBSOCKET", region: "eu-west-1", stage: "dev", apiReceives: "/dev/*", ...MANAGED },
      { pathPattern: "/ws", origin: "petstore-ws", kind: "WEBSOCKET", region: "eu-west-1", stage: "dev", apiReceives: "/dev", ...MANAGED },
      { pathPattern: "*", origin: "petstore-rest", kind: "REST", region: "eu-west-1", stage: "dev", apiReceives: "/dev/*", ...MANAGED },
    ]);
    assert.deepEqual(prod.routes.find((r) => r.pathPattern === "/orders/*"), { pathPattern: "/orders/*", origin: "orders", kind: "REST", region: "eu-west-1", stage: "live", apiReceives: "/live/*", ...MANAGED });
  });

  it("prints IAM in full: the signer's trust and every invoke ARN, the signer-only policy's exact stage, security group rules", () => {
    const signer = prod.iam.roles.find((r) => r.name === "edge-signer-role")!;
    assert.deepEqual(signer.trustedBy, ["Service: lambda.amazonaws.com, edgelambda.amazonaws.com"]);
    const invoke = signer.inlinePolicies[0].statements[0];
    assert.deepEqual([invoke.effect, invoke.actions, invoke.resources.length], ["Allow", ["execute-api:Invoke"], 3]);
    assert.ok(invoke.resources.includes("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/live/*/*"));
    const policy = prod.iam.resourcePolicies.find((p) => p.name === "edge-signer-orders-signer-only")!;
    assert.deepEqual(policy.statements.map((s) => [s.effect, s.resources]), [
      ["Allow", ["arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/live/*/*"]],
      ["Deny", ["arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*"]],
    ]);
    // Every REST API the stack creates admits only the signer's role too, from its first deployment; HTTP and
    // WebSocket APIs have no resource policy.
    const signerRole = "arn:aws:iam::123456789012:role/edge-signer-role";
    const signerOnly = (plan: typeof prod) => plan.iam.resourcePolicies.filter((p) => p.on.startsWith("REST API")).map((p) => [p.name, p.on, p.statements.map((s) => [s.effect, s.principal, s.resources])]);
    assert.deepEqual(signerOnly(dev), [
      ["apis-petstore-rest-signer-only", "REST API apis-petstore-rest", [
        ["Allow", `AWS: ${signerRole}`, ["arn:aws:execute-api:eu-west-1:123456789012:apis-petstore-rest-id/dev/*/*"]],
        ["Deny", "*", ["arn:aws:execute-api:eu-west-1:123456789012:apis-petstore-rest-id/*"]],
      ]],
    ]);
    assert.deepEqual(signerOnly(prod).map(([name, on]) => [name, on]).sort(), [
      ["apis-petstore-signer-only", "REST API apis-petstore"],
      ["edge-signer-orders-signer-only", "REST API a1b2c3d4e5"],
      ["private-signer-only", "REST API private-api"],
    ]);
    const backend = prod.iam.securityGroups.find((g) => g.name === "private-sg-backend-orders")!;
    assert.deepEqual(backend.ingress, ["tcp 8080 from security group private-sg-nlb-core"]);
    assert.ok(backend.egress.includes("tcp 443 to 10.0.0.0/16"));
  });

  it("says what each WAF rule matches and does, with its capacity", () => {
    const rule = prod.waf.rules.find((r) => r.name === "rate-uri-pets-post")!;
    assert.equal(rule.words, 'more than 100 requests per 60 s per client IP among requests where (the path (URL-decoded, normalized, lowercased) is "/pets" or the path (URL-decoded, normalized, lowercased) starts with "/pets/") and the method is "POST" → block with 429 JSON "rate-limited" and Retry-After: 60');
    assert.equal(rule.wcu, 68);
    assert.match(dev.waf.rules.find((r) => r.name === "rate-blanket")!.words, /^more than 2,000 requests per 300 s per client IP → count only$/);
    assert.match(prod.waf.rules.find((r) => r.name === "body-too-large")!.words, /the body is larger than 16,384 bytes \(a body beyond what WAF inspects counts as larger\) → block with 403/);
  });

  it("describes the rate-limit probe with the token the deployed web ACL matches", () => {
    const acl = prod.resources.find((r) => r.type === "aws:wafv2/webAcl:WebAcl")!.inputs as { rules: { name: string; statement: unknown }[] };
    const deployed = JSON.stringify(acl.rules.find((r) => r.name === "rate-limit-probe")!.statement);
    const token = /"searchString":"([0-9a-f]{32})"/.exec(deployed)?.[1];
    assert.ok(token, deployed);
    assert.match(prod.waf.rules.find((r) => r.name === "rate-limit-probe")!.words, new RegExp(`header x-edge-rate-probe is "${token}"`));
  });

  it("shows the monitoring: alarms by Region, Shield's 5xx alarm as Shield's, every API's access-log filters, the canary", () => {
    assert.deepEqual(prod.monitoring.slice(0, 3), [
      "monitoring: alarms in us-east-1: Lambda@Edge errors, 5xx rate (Shield's alarm), WAF blocked anomaly, canary (on Shield's topic)",
      "monitoring: signer-403 alarms in eu-west-1: orders (signerDenied, badSignature); private (signerDenied, badSignature)",
      "monitoring: signer-403 alarms in us-east-2: petstore (signerDenied, badSignature)",
    ]);
    assert.ok(!prod.monitoring.some((l) => l.includes("no access-log group")), prod.monitoring.join("\n"));
    assert.match(formatPlanText(dev), /\nMonitoring\n {2}alarms in us-east-1: Lambda@Edge errors, 5xx rate, WAF blocked anomaly\n/);
  });

  it("estimates the monthly cost at the stack's traffic assumptions", () => {
    assert.ok(dev.cost.totalUsd > 0 && prod.cost.totalUsd > dev.cost.totalUsd + 3000);
    assert.match(formatPlanText(dev), /\nCost\n {2}Monthly cost estimate: USD /);
  });

  it("gives JSON with every resource's inputs, secrets masked, keys in a fixed order", () => {
    const json = planJson(prod);
    assert.deepEqual(Object.keys(json), ["stack", "routes", "waf", "shield", "monitoring", "iam", "privateIntegration", "privateServices", "cost", "notes", "outputs", "resources"]);
    assert.equal(json.resources.length, prod.resources.length);
    const cdn = json.resources.find((r) => r.type === "aws:cloudfront/distribution:Distribution")!.inputs as Record<string, unknown>;
    assert.deepEqual(Object.keys(cdn), [...Object.keys(cdn)].sort());
    assert.doesNotMatch(JSON.stringify(json), /secops@example\.com|\+14155550100/);
  });

  it("draws the stack as Mermaid: the edge, the signer, each API by its paths, the private services behind their links", () => {
    const diagram = mermaidDiagram(prod);
    assert.match(diagram, /^flowchart LR\n/);
    assert.match(diagram, /shield\{\{"Shield Advanced"\}\} -\. protects \.- cdn/);
    assert.match(diagram, /signer -->\|"\/orders\/\* \/orders"\| api_orders\["orders \(REST, eu-west-1, stage live\)"\]/);
    assert.match(diagram, /api_private --> link_core\["VPC link core"\]/);
    assert.match(diagram, /nlb_core -->\|":8080"\| svc_orders\(\["orders \(\/v1\/orders\)"\]\)/);
  });

  it("is the picture the README shows for the dev stack", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const shown = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1];
    assert.equal(shown, mermaidDiagram(dev), "regenerate with npm run -s plan -- --diagram");
  });

  it("puts headings in bold only when asked (a terminal without NO_COLOR)", () => {
    assert.match(formatPlanText(dev, { color: true }), /\x1b\[1mRoutes \(CloudFront evaluates them top to bottom\)\x1b\[0m/);
    assert.doesNotMatch(formatPlanText(dev, { color: false }), /\x1b/);
  });

  it("compares two stacks: what production adds, what differs", () => {
    const comparison = comparePlans(dev, prod);
    assert.ok(comparison.resources.added.includes("shield.Protection edge-shield-protection"));
    assert.ok(comparison.routes.added.includes("/orders/* -> orders"));
    assert.match(comparison.waf.base, /mode count/);
    assert.match(comparison.waf.other, /mode enforce/);
    assert.ok(comparison.waf.added.some((r) => r.startsWith("rate-uri-orders: 110 ")));
    assert.ok(comparison.shield.added.some((l) => l.startsWith("shield: on")));
    assert.equal(comparison.cost.differenceUsd, Math.round((prod.cost.totalUsd - dev.cost.totalUsd) * 100) / 100);
    assert.match(formatComparison(comparison), /only in prod \(\d+\):\n {4}apigateway\.Account x2: apis-account-us-east-2, private-account-eu-west-1/);
  });
});
