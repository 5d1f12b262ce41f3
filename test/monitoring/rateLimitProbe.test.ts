import assert from "node:assert/strict";
import { PROBE_RULE_WCU, probeToken, rateLimitProbe, rateLimitProbeRule } from "../../components/monitoring/rateLimitProbe";
import { buildWafRules } from "../../components/waf/buildWafRules";
import { toPulumiRules } from "../../components/waf/toPulumiRules";
import { toWafApiRules } from "../../components/waf/toWafApiRules";
import { validateWafRules } from "../../components/waf/validateWafRules";
import { statementWcu } from "../../components/waf/wcuEstimate";
import type { WafRule } from "../../components/waf/wafRule";
import { PROD_WAF, managed } from "../waf/fixtures";

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
      priority: 9800,
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
      priority: 9800,
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

  it("fits beside the prod rules: unique name and priority, within 10 rate rules and the WCU budget", () => {
    const settings = managed(PROD_WAF);
    const rules = [...buildWafRules<string>(settings, {}), rateLimitProbeRule<string>(PROBE)];
    assert.deepEqual(validateWafRules(rules, settings.capacity), []);
  });
});
