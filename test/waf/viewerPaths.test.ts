import * as assert from "node:assert/strict";
import { PETSTORE_ROUTES } from "../../components/api/routes";
import { viewerPathIssues, ViewerRoute } from "../../components/waf";
import { managed, parse } from "./fixtures";

const PETSTORE = PETSTORE_ROUTES.map((r) => r.path);
const SHOP: ViewerRoute = { pathPattern: "*", label: "API shop", serves: PETSTORE };
const PRIVATE: ViewerRoute = { pathPattern: "/services/*", label: "the private integration", serves: ["/orders", "/v1/orders"] };
const ADMIN: ViewerRoute = { pathPattern: "/admin/*", label: "API admin", serves: PETSTORE };
const LEGACY: ViewerRoute = { pathPattern: "/legacy/*", label: "API legacy" };
const ROUTES = [SHOP, PRIVATE, ADMIN, LEGACY];

/** The rate-limited path of a one-rule config, and whether it is reported. */
const reported = (pathPrefix: string, routes: readonly ViewerRoute[] = ROUTES) =>
  viewerPathIssues(managed({ rateLimits: { uri: [{ name: "r", pathPrefix, limit: 100 }] } }), routes).length > 0;

describe("waf viewer paths: a path in an API's own terms instead of the viewer's", () => {
  it("reports a rate limit on a private service's path, with the path viewers request", () => {
    assert.deepEqual(viewerPathIssues(managed({ rateLimits: { uri: [{ name: "orders", pathPrefix: "/v1/orders", limit: 100 }] } }), ROUTES), [
      {
        path: ["rateLimits", "uri", 0, "pathPrefix"],
        input: "/v1/orders",
        message:
          "allowed: the path as viewers request it (WAF matches before the routing prefix is stripped): viewers reach the private integration's /v1/orders at /services/v1/orders; " +
          "/v1/orders itself only reaches API shop (the default behaviour), which does not serve it",
      },
    ]);
  });

  // [WAF path, reported, why]
  const table: [string, boolean, string][] = [
    ["/v1/orders", true, "a service's path, which only the default behaviour routes"],
    ["/orders/42", true, "below a service's path"],
    ["/V1/Orders", true, "WAF compares lowercased, so the case does not hide it"],
    ["/services/v1/orders", false, "the viewer's path: the private integration's behaviour routes it"],
    ["/SERVICES/v1/orders", false, "lowercased by WAF, it meets the viewer's /services/v1/orders"],
    ["/services", false, "the bare prefix is a behaviour of its own"],
    ["/", false, "spans every behaviour"],
    ["/pets", false, "ambiguous: the default pet store serves it too (and so does /admin's)"],
    ["/pets/7", false, "ambiguous: the default API's /pets/{petId}"],
    ["/v2/orders", false, "no API is known to serve it"],
    ["/ordersx", false, "another segment than /orders"],
    ["/admin/pets", false, "the viewer's path of API admin"],
  ];
  for (const [path, expected, why] of table) {
    it(`${path}: ${expected ? "reported" : "accepted"} (${why})`, () => assert.equal(reported(path), expected));
  }

  it("says nothing when the default API's paths are unknown (an existing API may serve any path)", () => {
    assert.equal(reported("/v1/orders", [{ pathPattern: "*", label: "API monolith" }, PRIVATE]), false);
  });

  it("names every prefixed API that serves the path", () => {
    const other: ViewerRoute = { pathPattern: "/internal/*", label: "API internal", serves: ["/orders"] };
    const [issue] = viewerPathIssues(managed({ customRules: [{ name: "block-orders", action: "block", match: { pathPrefix: "/orders" } }] }), [SHOP, PRIVATE, other]);
    assert.deepEqual(issue.path, ["customRules", 0, "match", "pathPrefix"]);
    assert.match(issue.message, /viewers reach the private integration's \/orders at \/services\/orders, and viewers reach API internal's \/orders at \/internal\/orders;/);
  });

  it("checks every path rule: rate limits, custom rules, scope-downs and allowedPaths", () => {
    const settings = managed({
      rateLimits: { uri: [{ name: "ok", pathPrefix: "/services/orders", limit: 100 }, { name: "bad", pathPrefix: "/orders", limit: 100 }] },
      customRules: [{ name: "c", action: "count", match: { pathPrefix: "/v1/orders", methods: ["POST"] } }],
      managedRuleGroups: { AWSManagedRulesCommonRuleSet: { scopeDown: { pathPrefix: "/orders", negate: true } } },
      bodySize: { allowedPaths: ["/pets", "/v1/orders"] },
    });
    assert.deepEqual(viewerPathIssues(settings, ROUTES).map((i) => i.path), [
      ["rateLimits", "uri", 1, "pathPrefix"],
      ["customRules", 0, "match", "pathPrefix"],
      ["managedRuleGroups", "AWSManagedRulesCommonRuleSet", "scopeDown", "pathPrefix"],
      ["bodySize", "allowedPaths", 1],
    ]);
  });

  it("has nothing to check without a managed web ACL or a default behaviour", () => {
    assert.deepEqual(viewerPathIssues({ kind: "disabled" }, ROUTES), []);
    assert.deepEqual(viewerPathIssues(parse({ existingWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b" }).settings ?? { kind: "disabled" }, ROUTES), []);
    assert.equal(reported("/v1/orders", [PRIVATE, ADMIN]), false);
  });
});
