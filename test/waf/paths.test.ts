import * as assert from "node:assert/strict";
import { buildWafRules, isWafPath, pathStatement, statementWcu, toPulumiRules, toWafApiRules, WafStatement } from "../../components/waf";
import { managed, parse } from "./fixtures";
import { matches, transform } from "./wafOracle";

const ALL = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"] as const;

describe("waf paths: the form a configured path must have", () => {
  const accepted = ["/", "/pets", "/pets/{id}", "/Pets", "/v1/orders", "/a;b", "/a-b_c.d~e", `/${"a".repeat(198)}`];
  const refused = ["", "pets", "/pets/", "//pets", "/a//b", "/./a", "/a/.", "/a/../b", "/..", "/%70ets", "/a?b", "/a#b", "/a b", "/é", `/${"a".repeat(199)}`];
  for (const p of accepted) it(`accepts ${JSON.stringify(p).slice(0, 40)}`, () => assert.equal(isWafPath(p), true));
  for (const p of refused) it(`refuses ${JSON.stringify(p).slice(0, 40)}`, () => assert.equal(isWafPath(p), false));

  it("reports each refused path with its field, in rate limits, custom rules, scope-downs and allowedPaths", () => {
    const { problems } = parse({
      rateLimits: { uri: [{ name: "p", pathPrefix: "/pets/", limit: 10 }] },
      customRules: [{ name: "a", action: "block", match: { pathPrefix: "//admin" } }],
      managedRuleGroups: { AWSManagedRulesCommonRuleSet: { scopeDown: { pathPrefix: "/api/../x" } } },
      bodySize: { allowedPaths: ["/up%6Coads"] },
    });
    const at = (field: string) => problems.find((p) => p.field === field);
    for (const field of ["waf.rateLimits.uri[p].pathPrefix", "waf.customRules[a].match.pathPrefix", "waf.managedRuleGroups.AWSManagedRulesCommonRuleSet.scopeDown.pathPrefix", "waf.bodySize.allowedPaths[0]"]) {
      assert.match(at(field)?.allowed ?? "", /no empty, \. or \.\. segments, no trailing \/ .*no %-escapes/, field);
    }
  });
});

describe("waf paths: the statement", () => {
  const byte = (positional: string, search: string) => ({ type: "byteMatch", field: { kind: "uriPath" }, positional, search, transforms: ALL });

  it("is the path itself OR anything below it, searched in lowercase after URL_DECODE, NORMALIZE_PATH, LOWERCASE", () => {
    assert.deepEqual(pathStatement("/Pets"), { type: "or", statements: [byte("EXACTLY", "/pets"), byte("STARTS_WITH", "/pets/")] });
    assert.deepEqual(pathStatement("/"), byte("STARTS_WITH", "/"));
  });

  it("costs 64 WCU (two byte matches of 2 + 3 x 10); the root 32", () => {
    assert.equal(statementWcu(pathStatement("/pets")), 64);
    assert.equal(statementWcu(pathStatement("/")), 32);
  });

  it("renders every transformation in order, to Pulumi and to CheckCapacity", () => {
    const rules = buildWafRules<string>(managed({ customRules: [{ name: "admin", action: "block", match: { pathPrefix: "/admin" } }] }), {});
    const pulumi = toPulumiRules(rules).find((r) => r.name === "admin")?.statement as { orStatement: { statements: { byteMatchStatement: { textTransformations: unknown } }[] } };
    for (const s of pulumi.orStatement.statements) {
      assert.deepEqual(s.byteMatchStatement.textTransformations, [{ priority: 0, type: "URL_DECODE" }, { priority: 1, type: "NORMALIZE_PATH" }, { priority: 2, type: "LOWERCASE" }]);
    }
    const api = toWafApiRules(rules).find((r) => r.Name === "admin")?.Statement?.OrStatement?.Statements ?? [];
    assert.equal(api.length, 2);
    for (const s of api) {
      assert.deepEqual(s.ByteMatchStatement?.TextTransformations, [{ Priority: 0, Type: "URL_DECODE" }, { Priority: 1, Type: "NORMALIZE_PATH" }, { Priority: 2, Type: "LOWERCASE" }]);
    }
  });

  it("the oracle applies the transformations in their order: decoding before normalizing resolves encoded dots", () => {
    assert.equal(transform("/a/%2e%2e/PETS", ALL), "/pets");
    assert.equal(transform("/a/%2e%2e/PETS", ["NORMALIZE_PATH", "URL_DECODE", "LOWERCASE"]), "/a/../pets");
  });
});

describe("waf paths: an attacker's table (what each rule matches, and why)", () => {
  const settings = managed({
    bodySize: { allowedPaths: ["/uploads"] },
    rateLimits: { uri: [{ name: "pets", pathPrefix: "/pets", limit: 100 }] },
  });
  const rules = buildWafRules<string>(settings, {});
  const rateScope = (() => {
    const rule = rules.find((r) => r.name === "rate-uri-pets");
    assert.ok(rule && rule.statement.type === "rateBased" && rule.statement.scopeDown);
    return rule.statement.scopeDown;
  })();
  const exemption = (() => {
    const rule = rules.find((r) => r.name === "body-too-large");
    assert.ok(rule && rule.statement.type === "and" && rule.statement.statements[1].type === "not");
    return rule.statement.statements[1].statement;
  })();

  // [request path, counts against the /pets limit, why]
  const petsTable: [string, boolean, string][] = [
    ["/pets", true, "the path itself"],
    ["/pets/", true, "below /pets/"],
    ["/pets/42", true, "below /pets/"],
    ["//pets", true, "NORMALIZE_PATH collapses the repeated slash"],
    ["/PETS", true, "LOWERCASE: WAF compares case-insensitively"],
    ["/%70ets", true, "URL_DECODE turns %70 into p"],
    ["/x/../pets", true, "NORMALIZE_PATH resolves the back-reference to /pets"],
    ["/pets%2f..%2fx", false, "decodes to /pets/../x, which normalizes to /x: a request for /x"],
    ["/pets/../x", false, "normalizes to /x: the request is for /x, not /pets"],
    ["/petsX", false, "/petsx is another segment, not /pets"],
    ["/pets;x", false, "WAF's path has no parameters: pets;x is another segment"],
    ["/../pets", false, "NORMALIZE_PATH keeps a leading .. (the signer refuses dot segments with 400 first)"],
  ];
  for (const [path, counted, why] of petsTable) {
    it(`${path} ${counted ? "meets" : "does not meet"} the /pets limit: ${why}`, () => assert.equal(matches(rateScope, { path }), counted));
  }

  // [request path, exempt from the body-size rule]
  const uploadsTable: [string, boolean][] = [
    ["/uploads", true],
    ["/uploads/big.bin", true],
    ["/UPLOADS/big.bin", false],
    ["/Uploads", false],
    ["/%75ploads/x", true],
    ["//uploads/x", true],
    ["/uploadsX", false],
    ["/uploads-evil", false],
    ["/uploads;x", false],
    ["/uploads/../pets", false],
  ];
  for (const [path, exempt] of uploadsTable) {
    it(`${path} is ${exempt ? "" : "not "}under the /uploads exemption`, () => assert.equal(matches(exemption, { path }), exempt));
  }

  it("a method condition still ANDs with the path (POST /PETS/1 counts, GET does not)", () => {
    const scoped = buildWafRules<string>(managed({ rateLimits: { uri: [{ name: "p", pathPrefix: "/pets", methods: ["POST"], limit: 10 }] } }), {});
    const rule = scoped.find((r) => r.name === "rate-uri-p");
    assert.ok(rule && rule.statement.type === "rateBased" && rule.statement.scopeDown);
    const scope: WafStatement<string> = rule.statement.scopeDown;
    assert.equal(matches(scope, { path: "/PETS/1", method: "POST" }), true);
    assert.equal(matches(scope, { path: "/PETS/1", method: "GET" }), false);
  });
});
