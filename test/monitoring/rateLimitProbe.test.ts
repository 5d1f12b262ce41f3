import assert from "node:assert/strict";
import { PROBE_RULE_WCU, probeToken, rateLimitProbe, rateLimitProbeRule } from "../../components/monitoring/rateLimitProbe";
import { buildWafRules } from "../../components/waf/buildWafRules";
import { toPulumiRules } from "../../components/waf/toPulumiRules";
import { toWafApiRules } from "../../components/waf/toWafApiRules";
import { validateWafRules } from "../../components/waf/validateWafRules";
import { statementWcu, wcuBudget } from "../../components/waf/wcuEstimate";
import { PLACEHOLDER_IP_SET_ARNS, type WafRule } from "../../components/waf/wafRule";
import { PROD_WAF, managed, parse } from "../waf/fixtures";

const TOKEN = probeToken("edge-security", "prod");
const PROBE = rateLimitProbe("x-edge-rate-probe", TOKEN);

describe("rate-limit probe rule", () => {
  it("derives a 32-hex token per project and stack, stable between runs", () => {
    assert.match(TOKEN, /^[0-9a-f]{32}$/);
    assert.equal(probeToken("edge-security", "prod"), TOKEN);
    assert.notEqual(probeToken("edge-security", "dev"), TOKEN);
    assert.notEqual(probeToken("other", "prod"), TOKEN);
  });

  it("is a per-IP rate rule of 10 per 60 s scoped to the exact token header, answering the web ACL's 429", () => {
    const rule: WafRule<string> = rateLimitProbeRule(PROBE);
    assert.deepEqual(rule, {
      name: "rate-limit-probe",
      priority: 195,
      metricName: "rate-limit-probe",
      source: ["monitoring", "rateLimitProbe"],
      statement: {
        type: "rateBased", limit: 10, windowSec: 60, aggregation: "IP", customKeys: [],
        scopeDown: { type: "byteMatch", field: { kind: "singleHeader", name: "x-edge-rate-probe" }, positional: "EXACTLY", search: TOKEN, transforms: [] },
      },
      action: { type: "block", response: { code: 429, bodyKey: "rate-limited", headers: [{ name: "Retry-After", value: "60" }] } },
    });
    assert.equal(statementWcu(rule.statement), PROBE_RULE_WCU);
  });

  it("renders through the WAF module's own renderers, for Pulumi and for the WAFV2 API alike", () => {
    const [pulumiRule] = toPulumiRules([rateLimitProbeRule(PROBE)]);
    assert.deepEqual(pulumiRule, {
      name: "rate-limit-probe",
      priority: 195,
      visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "rate-limit-probe" },
      statement: {
        rateBasedStatement: {
          limit: 10, evaluationWindowSec: 60, aggregateKeyType: "IP",
          scopeDownStatement: {
            byteMatchStatement: { fieldToMatch: { singleHeader: { name: "x-edge-rate-probe" } }, positionalConstraint: "EXACTLY", searchString: TOKEN, textTransformations: [{ priority: 0, type: "NONE" }] },
          },
        },
      },
      action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: "rate-limited", responseHeaders: [{ name: "Retry-After", value: "60" }] } } },
    });
    const [apiRule] = toWafApiRules([rateLimitProbeRule(PROBE)]);
    assert.equal(apiRule.Statement?.RateBasedStatement?.Limit, 10);
    assert.equal(apiRule.Statement?.RateBasedStatement?.ScopeDownStatement?.ByteMatchStatement?.PositionalConstraint, "EXACTLY");
  });

  describe("in the web ACL, through the WAF's context (one rule list for the ACL, the budget and the rate-rule limit)", () => {
    const withProbe = (raw: unknown) => managed(raw, { shieldMitigation: "none", rateLimitProbe: PROBE });

    it("sits at 195 between the URI rules and the blanket rule, and blocks in count rollout too", () => {
      const prod = buildWafRules<string>(withProbe(PROD_WAF), {});
      assert.deepEqual(prod.map((r) => r.name).slice(1, 4), ["rate-uri-pets-post", "rate-limit-probe", "rate-blanket"]);
      assert.deepEqual(prod.find((r) => r.name === "rate-limit-probe"), rateLimitProbeRule(PROBE));
      assert.deepEqual(validateWafRules(prod, withProbe(PROD_WAF).capacity), []);
      const dev = buildWafRules<string>(withProbe({ mode: "count" }), {});
      assert.deepEqual(dev.filter((r) => "action" in r && r.action.type !== "count").map((r) => r.name), ["rate-limit-probe"]);
      assert.equal(buildWafRules<string>(managed(PROD_WAF), {}).some((r) => r.name === "rate-limit-probe"), false, "absent unless given");
    });

    it("counts as one of the 10 rate-based rules, named in the problem", () => {
      const uri = Array.from({ length: 8 }, (_, i) => ({ name: `u${i}`, pathPrefix: `/u${i}`, limit: 100 }));
      const ten = { rateLimits: { uri, ipReputation: { limit: 100 } } };
      assert.deepEqual(parse(ten).problems, []);
      assert.deepEqual(parse(ten, { shieldMitigation: "none", rateLimitProbe: PROBE }).problems.map((p) => [p.field, p.allowed]), [
        ["waf.rateLimits", "allowed: at most 10 rate-based rules per web ACL (blanket + ipReputation + uri + monitoring.rateLimitProbe; these make 11)"],
      ]);
    });

    it("takes its 4 WCU from the budget", () => {
      const total = wcuBudget(buildWafRules<string>(managed(PROD_WAF), PLACEHOLDER_IP_SET_ARNS), 1500, 0).total;
      const full = { ...PROD_WAF, capacity: { limit: total } };
      assert.deepEqual(parse(full).problems, []);
      const [problem] = parse(full, { shieldMitigation: "none", rateLimitProbe: PROBE }).problems;
      assert.equal(problem.field, "waf.capacity");
      assert.deepEqual(problem.value, { limit: total });
      assert.match(problem.allowed, new RegExp(`rate-limit-probe ${PROBE_RULE_WCU}, rate-blanket 2, .*; total ${total + PROBE_RULE_WCU}\\)`));
    });

    it("a custom rule of the same name is refused at the rule the author named", () => {
      const clash = { customRules: [{ name: "rate-limit-probe", action: "count", match: { pathPrefix: "/a" } }] };
      assert.deepEqual(parse(clash, { shieldMitigation: "none", rateLimitProbe: PROBE }).problems.map((p) => [p.field, p.allowed]), [
        ["waf.customRules[rate-limit-probe].name", "allowed: a unique rule name; monitoring.rateLimitProbe already uses rate-limit-probe"],
      ]);
    });
  });
});
