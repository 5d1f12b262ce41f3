import { strict as assert } from "node:assert";
import { parseGovernanceConfig } from "../../governance/components/config";
import { customGroupRules, customGroupWcu } from "../../governance/components/centralRules";
import { CustomRuleGroupSettings } from "../../governance/components/ruleGroupConfig";
import { ConfigError } from "../../components/shared/validation";
import { PLACEHOLDER_IP_SET_ARNS } from "../../components/waf/wafRule";
import { statementWcu } from "../../components/waf/wcuEstimate";

/** The program's config from `edge-governance:` keys given as values (Pulumi hands them over as JSON strings). */
function parse(values: Record<string, unknown>) {
  return parseGovernanceConfig(Object.fromEntries(Object.entries(values).map(([k, v]) => [`edge-governance:${k}`, JSON.stringify(v)])));
}

function problems(values: Record<string, unknown>): [string, string][] {
  try {
    parse(values);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((p) => [p.field, p.allowed]);
  }
  assert.fail("expected a ConfigError");
}

/** One custom group, run last, parsed as the program parses it. */
const group = (settings: Record<string, unknown>): CustomRuleGroupSettings => parse({ waf: { logging: false, lastRuleGroups: ["g"], customRuleGroups: { g: settings } } }).waf!.customRuleGroups.g;

describe("governance program: the custom rule groups, with the edge's schemas and rule builder", () => {
  it("refuses what a central group cannot do: bodies beyond 16 KB, label keys and the reputation rule, more than 10 rate rules, nothing at all", () => {
    const fail = (settings: Record<string, unknown>) => problems({ waf: { logging: false, lastRuleGroups: ["g"], customRuleGroups: { g: settings } } });
    assert.deepEqual(fail({ bodySize: { maxBytes: 16385 }, rateLimits: { ipReputation: true, uri: [{ name: "l", pathPrefix: "/l", limit: 100, aggregation: { customKeys: [{ labelNamespace: "awswaf:managed:aws:bot-control:" }] } }] } }), [
      ["waf.customRuleGroups.g.bodySize.maxBytes", "allowed: at most 16384, the inspection limit (KB_16) every web ACL has unless its owner raises it: WAF sees no more of a body"],
      ["waf.customRuleGroups.g.rateLimits.uri[l].aggregation", "allowed: keys other than labelNamespace: a central group cannot count on the labels of rules that run before it in every web ACL"],
      ["waf.customRuleGroups.g.rateLimits.ipReputation", "allowed: false: its scope-down reads the reputation groups' labels, which a rule group has no source of; the managed IP reputation groups block those clients"],
    ]);
    const uri = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, pathPrefix: `/p${i}`, limit: 100 }));
    assert.deepEqual(fail({ rateLimits: { uri } }), [["waf.customRuleGroups.g.rateLimits.uri", "allowed: at most 10 rules: AWS allows 10 rate-based rules per web ACL, blanket and ipReputation included"]]);
    assert.deepEqual(fail({ rateLimits: { uri: [{ name: "a", pathPrefix: "/a", limit: 100 }, { name: "a", pathPrefix: "/b", limit: 100 }] } }).map(([f]) => f), ["waf.customRuleGroups.g.rateLimits.uri[1].name"]);
    assert.deepEqual(problems({ waf: { logging: false, managedRuleGroups: Object.fromEntries(["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"].map((g) => [g, false])) } }), [
      ["waf.managedRuleGroups", "required: at least one managed or custom rule group: Firewall Manager's WAF policy needs one"],
    ]);
  });

  it("refuses more than 4 rate-based rules in one group (AWS's quota per rule group) and keys on headers the signer drops or relocates", () => {
    const fail = (settings: Record<string, unknown>) => problems({ waf: { logging: false, lastRuleGroups: ["g"], customRuleGroups: { g: settings } } });
    const uri = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, pathPrefix: `/p${i}`, limit: 100 }));
    assert.deepEqual(fail({ rateLimits: { blanket: { limit: 2000 }, uri: uri(4) } }), [
      ["waf.customRuleGroups.g.rateLimits", "allowed: at most 4 rate-based rules in a rule group (AWS WAF quota; the blanket rule and each uri rule count; these make 5): split them into another group"],
    ]);
    assert.equal(group({ rateLimits: { blanket: { limit: 2000 }, uri: uri(3) } }).rateLimits.uri.length, 3);
    const keyed = (header: string) => ({ name: "k", pathPrefix: "/k", limit: 100, aggregation: { customKeys: [{ header }] } });
    assert.deepEqual(fail({ rateLimits: { uri: [keyed("x-http-method-override")] } }).map(([f]) => f), ["waf.customRuleGroups.g.rateLimits.uri[k].aggregation.customKeys[0].header"]);
    assert.deepEqual(fail({ rateLimits: { uri: [keyed("x-forwarded-authorization")] } }).map(([f]) => f), ["waf.customRuleGroups.g.rateLimits.uri[k].aggregation.customKeys[0].header"]);
    assert.equal(group({ rateLimits: { uri: [keyed("x-api-key")] } }).rateLimits.uri.length, 1);
  });

  it("builds a custom group's rules with the edge's builder, so they cost what the edge's same rules cost", () => {
    const g = group({
      ipSets: { deny: ["192.0.2.0/24", "2001:db8::/32"] },
      geo: { mode: "allow", countries: ["DE", "FR"] },
      bodySize: { action: "block" },
      rateLimits: { blanket: { limit: 2000 }, uri: [{ name: "login", pathPrefix: "/login", methods: ["POST"], limit: 100, windowSec: 60 }] },
    });
    const rules = customGroupRules(g, PLACEHOLDER_IP_SET_ARNS);
    assert.deepEqual(rules.map((r) => [r.name, r.priority, statementWcu(r.statement)]), [
      ["deny-ip-set", 10, 2], ["geo-allow-only", 20, 1], ["body-too-large", 30, 1],
      // rate 2 + the path at a segment boundary (exactly or below, three transformations each: 2 x 32) + the method 2.
      ["rate-uri-login", 100, 68], ["rate-blanket", 199, 2],
    ]);
    assert.equal(customGroupWcu(g), 74);
    assert.deepEqual(customGroupRules(group({ rateLimits: { blanket: { limit: 2000 } } }), PLACEHOLDER_IP_SET_ARNS).map((r) => r.name), ["rate-blanket"], "no body rule unless asked");
  });
});
