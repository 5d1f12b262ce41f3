import * as assert from "node:assert/strict";
import { parseStackConfig } from "../../components/config/stackConfig";
import { ConfigError, Problem } from "../../components/shared/validation";

const REST = { name: "shop", kind: "REST", stage: "prod", pathPattern: "*" };
const PRIVATE = { topology: "http-api", vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }], services: [{ name: "orders", pathPrefix: "/v1/orders", vpc: "main", port: 8080 }] };

function problemsOf(raw: Record<string, unknown>): Problem[] {
  try {
    parseStackConfig(raw, "eu-west-1");
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return [...error.problems];
  }
  assert.fail("expected a ConfigError");
}

describe("the stack's waf key", () => {
  it("is parsed by the WAF schema, with its defaults when absent", () => {
    const { waf } = parseStackConfig({ apis: [REST] }, "eu-west-1");
    assert.ok(waf.kind === "managed");
    assert.deepEqual([waf.mode, waf.managedRuleGroups.length, waf.capacity], ["enforce", 3, { limit: 1500, reserve: 0 }]);
  });

  it("reports its problems beside the others, each once, with a suggestion", () => {
    const problems = problemsOf({ apis: [REST], signerMemoryMb: 64, waf: { rateLimit: {}, managedRuleGroups: { AWSManagedRulesSQLRuleSet: true } } });
    assert.deepEqual(problems.map((p) => [p.field, p.allowed.replace(/;.*(did you mean "[^"]+"\?).*$/, "; $1")]), [
      ["signerMemoryMb", "allowed: a whole number of MB from 128 to 10240"],
      ["waf.managedRuleGroups.AWSManagedRulesSQLRuleSet", 'allowed: an AWS managed rule group usable at CLOUDFRONT scope; did you mean "AWSManagedRulesSQLiRuleSet"?'],
      ["waf.rateLimit", 'unknown key; did you mean "rateLimits"?'],
    ]);
  });

  it("refuses a rate limit on the private service's own path, naming the path viewers request", () => {
    const problems = problemsOf({ apis: [REST], privateIntegration: PRIVATE, waf: { rateLimits: { uri: [{ name: "orders", pathPrefix: "/v1/orders", limit: 100 }] } } });
    assert.deepEqual(problems.map((p) => [p.field, p.value, p.path]), [["waf.rateLimits.uri[orders].pathPrefix", "/v1/orders", ["waf", "rateLimits", "uri", 0, "pathPrefix"]]]);
    assert.match(problems[0].allowed, /viewers reach the private integration's \/v1\/orders at \/services\/v1\/orders; \/v1\/orders itself only reaches API shop/);
  });

  it("accepts the viewer's path, and leaves the API's path alone when the default API is an existing one", () => {
    const uri = (pathPrefix: string) => ({ rateLimits: { uri: [{ name: "orders", pathPrefix, limit: 100 }] } });
    assert.doesNotThrow(() => parseStackConfig({ apis: [REST], privateIntegration: PRIVATE, waf: uri("/services/v1/orders") }, "eu-west-1"));
    const existing = { ...REST, existing: true, apiId: "a1b2c3d4e5" };
    const monitoring = { apis: { [existing.name]: { restApiName: "shop-api" } } };
    assert.doesNotThrow(() => parseStackConfig({ apis: [existing], privateIntegration: PRIVATE, waf: uri("/v1/orders"), monitoring }, "eu-west-1"));
  });
});
