import assert from "node:assert/strict";
import { parseStackConfig } from "../../components/config/stackConfig";
import { parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { probeToken, rateLimitProbe } from "../../components/monitoring/rateLimitProbe";
import { ConfigError, Problem } from "../../components/shared/validation";
import { PATH_REQUIRED } from "../../components/monitoring/validateMonitoringArgs";

const SHOP = { name: "shop", kind: "REST", stage: "prod", pathPattern: "*" };
const ORDERS = { name: "orders", kind: "REST", existing: true, apiId: "a1b2c3d4e5", stage: "live", pathPattern: "/orders/*" };
const PRIVATE = { topology: "rest-shared-nlb", vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }], services: [{ name: "orders", pathPrefix: "/v1/orders", vpc: "main", port: 8080 }] };
const STACK = { project: "edge-security", name: "prod" };
const PROBE_ON = { rateLimitProbe: { enabled: true } };

function problemsOf(raw: Record<string, unknown>): [string, unknown, string][] {
  try {
    parseStackConfig(raw, "eu-west-1", { stack: STACK });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p: Problem) => [p.field, p.value, p.allowed]);
  }
  assert.fail("expected a ConfigError");
}

describe("the stack's monitoring key", () => {
  it("is on with every default when absent, and puts no probe in the web ACL", () => {
    const config = parseStackConfig({ apis: [SHOP] }, "eu-west-1");
    assert.deepEqual(config.monitoring, parseMonitoringConfig({}));
    assert.deepEqual([config.monitoring.enabled, config.monitoring.canary.enabled, config.monitoring.rateLimitProbe.enabled], [true, false, false]);
    assert.ok(config.waf.kind === "managed" && config.waf.rateLimitProbe === undefined);
  });

  it("puts the probe in the managed web ACL with the stack's own token", () => {
    const { waf } = parseStackConfig({ apis: [SHOP], monitoring: { rateLimitProbe: { enabled: true, headerName: "x-probe" } } }, "eu-west-1", { stack: STACK });
    assert.ok(waf.kind === "managed");
    assert.deepEqual(waf.rateLimitProbe, rateLimitProbe("x-probe", probeToken("edge-security", "prod")));
    const dev = parseStackConfig({ apis: [SHOP], monitoring: PROBE_ON }, "eu-west-1", { stack: { ...STACK, name: "dev" } }).waf;
    assert.ok(dev.kind === "managed" && dev.rateLimitProbe?.token === probeToken("edge-security", "dev"));
    const off = parseStackConfig({ apis: [SHOP], monitoring: { enabled: false, ...PROBE_ON } }, "eu-west-1", { stack: STACK }).waf;
    assert.ok(off.kind === "managed" && off.rateLimitProbe === undefined, "monitoring.enabled false creates nothing of the section");
  });

  it("counts the probe in the web ACL's 10 rate-based rules", () => {
    const uri = Array.from({ length: 8 }, (_, i) => ({ name: `u${i}`, pathPrefix: `/u${i}`, limit: 100 }));
    const waf = { rateLimits: { uri, ipReputation: { limit: 100 } } };
    assert.doesNotThrow(() => parseStackConfig({ apis: [SHOP], waf }, "eu-west-1", { stack: STACK }));
    assert.deepEqual(problemsOf({ apis: [SHOP], waf, monitoring: PROBE_ON }).map(([field, , allowed]) => [field, allowed]), [
      ["waf.rateLimits", "allowed: at most 10 rate-based rules per web ACL (blanket + ipReputation + uri + monitoring.rateLimitProbe; these make 11)"],
    ]);
  });

  it("refuses the probe without a web ACL this stack manages", () => {
    const allowed = "allowed only with a web ACL this stack manages (waf not disabled, no existingWebAclArn): the probe is one of its rules";
    assert.deepEqual(problemsOf({ apis: [SHOP], waf: { enabled: false }, monitoring: PROBE_ON }), [["monitoring.rateLimitProbe.enabled", true, allowed]]);
    const existing = { existingWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/0123-abcd" };
    assert.deepEqual(problemsOf({ apis: [SHOP], waf: existing, monitoring: PROBE_ON }), [["monitoring.rateLimitProbe.enabled", true, allowed]]);
  });

  it("checks the section against the APIs before any resource: unknown names, an existing REST API's name, canary paths, all at once", () => {
    // (Checked once every section parses, like the other checks across sections.)
    assert.deepEqual(problemsOf({ apis: [SHOP, ORDERS], monitoring: { canary: { enabled: true }, apis: { shopp: { path: "/x" } } } }), [
      ["monitoring.apis.shopp", "shopp", "allowed: the name of an API behind the edge: shop, orders"],
      ["monitoring.apis.orders.restApiName", undefined, "required for a REST API the stack does not create: REST metrics are keyed by the API's name (dimension ApiName)"],
      ["monitoring.apis.orders.path", undefined, PATH_REQUIRED],
    ]);
    // The pet store is probed at /pets; the existing API as configured.
    assert.doesNotThrow(() => parseStackConfig({
      apis: [SHOP, ORDERS],
      monitoring: { canary: { enabled: true }, apis: { orders: { path: "/health", expectStatus: 200, restApiName: "orders-api" } } },
    }, "eu-west-1"));
  });

  it("knows the private integration's API by name: the stack makes it, so only the canary's path is asked for", () => {
    assert.deepEqual(problemsOf({ apis: [SHOP], privateIntegration: PRIVATE, monitoring: { canary: { enabled: true } } }).map(([field]) => field), ["monitoring.apis.private.path"]);
    assert.doesNotThrow(() => parseStackConfig({ apis: [SHOP], privateIntegration: PRIVATE, monitoring: { canary: { enabled: true }, apis: { private: { path: "/v1/orders" } } } }, "eu-west-1"));
  });

  it("reports the section's own problems with the rest, by their path", () => {
    assert.deepEqual(problemsOf({ apis: [SHOP], signerMemoryMb: 64, monitoring: { canary: { timeoutSeconds: 5 }, alarm: {} } }).map(([field]) => field).sort(), [
      "monitoring.alarm", "monitoring.canary.timeoutSeconds", "signerMemoryMb",
    ]);
  });
});
