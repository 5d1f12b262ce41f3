import * as assert from "node:assert/strict";
import { buildWafRules, statementWcu, toPulumiRules, WafStatement } from "../../components/waf";
import { managed, parse } from "./fixtures";
import { matches } from "./wafOracle";

const METHOD = (m: string) => ({ byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: "EXACTLY", searchString: m, textTransformations: [{ priority: 0, type: "NONE" }] } });

describe("waf method matches: GET implies HEAD (backends answer HEAD with the GET handler)", () => {
  const settings = managed({
    rateLimits: { uri: [{ name: "get", pathPrefix: "/pets", methods: ["GET"], limit: 100 }, { name: "post", pathPrefix: "/pets", methods: ["POST"], limit: 100 }] },
    customRules: [{ name: "no-get", action: "block", match: { pathPrefix: "/admin", methods: ["GET", "HEAD"] } }],
  });
  const rules = buildWafRules<string>(settings, {});
  const scope = (name: string): WafStatement<string> => {
    const rule = rules.find((r) => r.name === name);
    assert.ok(rule && rule.statement.type === "rateBased" && rule.statement.scopeDown);
    return rule.statement.scopeDown;
  };

  it("a rate limit on GET /pets counts HEAD /pets too, and nothing else", () => {
    for (const [method, counted] of [["GET", true], ["HEAD", true], ["POST", false], ["OPTIONS", false]] as const) {
      assert.equal(matches(scope("rate-uri-get"), { path: "/pets/1", method }), counted, method);
    }
    assert.equal(matches(scope("rate-uri-post"), { path: "/pets/1", method: "HEAD" }), false);
  });

  it("renders GET OR HEAD (HEAD once when listed too), 2 WCU more than GET alone", () => {
    const pulumi = toPulumiRules(rules);
    const rate = pulumi.find((r) => r.name === "rate-uri-get")?.statement as { rateBasedStatement: { scopeDownStatement: { andStatement: { statements: unknown[] } } } };
    assert.deepEqual(rate.rateBasedStatement.scopeDownStatement.andStatement.statements[1], { orStatement: { statements: [METHOD("GET"), METHOD("HEAD")] } });
    const block = pulumi.find((r) => r.name === "no-get")?.statement as { andStatement: { statements: unknown[] } };
    assert.deepEqual(block.andStatement.statements[1], { orStatement: { statements: [METHOD("GET"), METHOD("HEAD")] } });
    assert.equal(statementWcu(scope("rate-uri-get")) - statementWcu(scope("rate-uri-post")), 2);
  });

  it("a negated scope-down on GET needs one level more: refused with the reason", () => {
    const { problems } = parse({ managedRuleGroups: { AWSManagedRulesCommonRuleSet: { scopeDown: { pathPrefix: "/a", methods: ["GET"], negate: true } } } });
    assert.deepEqual(problems.map((p) => p.field), ["waf.managedRuleGroups.AWSManagedRulesCommonRuleSet.scopeDown"]);
    assert.match(problems[0].allowed, /GET counts as GET and HEAD/);
  });
});
