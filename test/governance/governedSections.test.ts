import { strict as assert } from "node:assert";
import {
  centralPolicyFor, DISTRIBUTED, GovernanceInput, governanceDecisions, governanceSchema, GovernanceSettings, governedShieldIssues, governedWafIssues, governedWafSchema,
} from "../../components/governance";
import { parseWith } from "../../components/shared/schema/parse";
import { ConfigError } from "../../components/shared/validation";
import { SHIELD_OFF, shieldSchema } from "../../components/shield";
import { wafSchema } from "../../components/waf/wafSchema";
import { EdgeWebAcl } from "../../components/waf/webAcl";
import { installMocks, settle } from "../support/mocks";
import { DEV_GOVERNANCE_OUTPUTS } from "./fixtures";

const CENTRAL = centralPolicyFor(DEV_GOVERNANCE_OUTPUTS, "acme/edge-governance/dev");
const HYBRID: GovernanceInput = { model: "hybrid", central: CENTRAL };
const CENTRALIZED: GovernanceInput = { model: "centralized", central: CENTRAL };
const settings = (input: GovernanceInput): GovernanceSettings => parseWith(governanceSchema, input, "governance", ["governance"]);

/** [field, allowed] of every problem, or [] when it parses. */
function problemsOf(parse: () => unknown): [string, string][] {
  try {
    parse();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => [p.field, p.allowed]);
  }
  return [];
}

const governed = (governance: GovernanceInput, waf: unknown) => parseWith(governedWafSchema({ shieldMitigation: "none" }, settings(governance)), waf, "waf", ["waf"]);

describe("governance: the waf and shield sections under a model", () => {
  describe("governedWafSchema", () => {
    it("distributed is the WAF's own schema", () => {
      assert.deepEqual(governed({}, { mode: "count" }), parseWith(wafSchema({ shieldMitigation: "none" }), { mode: "count" }, "waf"));
    });

    it("hybrid with the defaults: the central groups and the reputation rule stay out, and the reserve holds the central groups' WCU", () => {
      const waf = governed(HYBRID, { mode: "count" });
      assert.ok(waf.kind === "managed");
      assert.deepEqual(waf.managedRuleGroups, []);
      assert.deepEqual(waf.rateLimits, { uri: [], blanket: { limit: 2000, windowSec: 300, aggregation: { kind: "IP" }, action: "block" } });
      assert.deepEqual(waf.capacity, { limit: 1500, reserve: 1077 });
      assert.deepEqual(waf.bodySize, { action: "block", maxBytes: 16384, allowedPaths: [] }, "the app's body-size rule stays: the central groups run before it and read only 16 KB");
    });

    it("hybrid under mocks: the web ACL the edge creates holds only the app's rules", async () => {
      const recorder = installMocks("edge-security", "dev");
      new EdgeWebAcl("edge-waf", { settings: governed(HYBRID, { mode: "count", rateLimits: { uri: [{ name: "pets", pathPrefix: "/pets", limit: 100 }] } }) });
      await settle();
      const acl = recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf").inputs;
      assert.deepEqual(acl.rules.map((r: { name: string; priority: number; action: object }) => [r.name, r.priority, r.action]), [
        ["body-too-large", 30, { count: {} }],
        ["rate-uri-pets", 100, { count: {} }],
        ["rate-blanket", 199, { count: {} }],
      ]);
    });

    it("hybrid keeps the groups the central policy does not run, and the reputation rule with its own label source", () => {
      const waf = governed(HYBRID, { managedRuleGroups: { AWSManagedRulesAnonymousIpList: true, AWSManagedRulesSQLiRuleSet: true } });
      assert.ok(waf.kind === "managed");
      assert.deepEqual(waf.managedRuleGroups.map((g) => g.name), ["AWSManagedRulesAnonymousIpList", "AWSManagedRulesSQLiRuleSet"]);
      assert.equal(waf.rateLimits.ipReputation?.limit, 100);
    });

    it("hybrid refuses a central group the section turns on, once per group, and nothing else for it", () => {
      assert.deepEqual(problemsOf(() => governed(HYBRID, { managedRuleGroups: { AWSManagedRulesCommonRuleSet: { ruleActionOverrides: { NoUserAgent_HEADER: "count" } }, AWSManagedRulesKnownBadInputsRuleSet: true } })), [
        "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
      ].map((g) => [`waf.managedRuleGroups.${g}`, "allowed: false under governance.model hybrid: the security team's Firewall Manager policy runs this group (governance.central.managedRuleGroups), so this web ACL would run it twice"]));
    });

    it("hybrid refuses a web ACL that leaves no room for the central groups, naming both shares", () => {
      assert.deepEqual(problemsOf(() => governed(HYBRID, { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesLinuxRuleSet: true, AWSManagedRulesWindowsRuleSet: true } })), [[
        "waf.capacity",
        "allowed: at most 1500 WCU: this web ACL's rules take 603 and the security team's Firewall Manager groups 927 plus 150 for Shield's automatic-response group (governance.central); disable groups here or raise capacity.limit with capacity.acceptExtraFees",
      ]]);
      const roomy = governed(HYBRID, { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesLinuxRuleSet: true, AWSManagedRulesWindowsRuleSet: true }, capacity: { limit: 1700, acceptExtraFees: true } });
      assert.ok(roomy.kind === "managed" && roomy.capacity.reserve === 1077);
    });

    it("hybrid refuses no web ACL, leaves an existing one as it is, and lets the WAF say why a reputation rule without its groups cannot work", () => {
      assert.deepEqual(problemsOf(() => governed(HYBRID, { enabled: false })), [[
        "waf.enabled",
        "true under governance.model hybrid: without its own web ACL the distribution gets Firewall Manager's, which the next update would remove (use model centralized)",
      ]]);
      const arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/0f2b4c6d-8e0a-4b2c-9d4e-6f8a0b2c4d6e";
      assert.deepEqual(governed(HYBRID, { existingWebAclArn: arn }), { kind: "existing", existingWebAclArn: arn });
      assert.deepEqual(problemsOf(() => governed(HYBRID, { rateLimits: { ipReputation: { limit: 50 } } })), [[
        "waf.rateLimits.ipReputation", "allowed: false unless AWSManagedRulesAmazonIpReputationList or AWSManagedRulesAnonymousIpList is on, whose labels this rule rate-limits",
      ]]);
    });

    it("centralized builds no web ACL and refuses a section that would configure one", () => {
      for (const nothing of [undefined, {}, { enabled: false }]) assert.deepEqual(governed(CENTRALIZED, nothing), { kind: "disabled" });
      assert.deepEqual(problemsOf(() => governed(CENTRALIZED, { mode: "count" })), [["waf", "nothing (or enabled: false) under governance.model centralized: the security team's Firewall Manager policy owns the web ACL"]]);
    });

    it("governedWafIssues finds the same in settings parsed without the model (a library user's)", () => {
      const plain = parseWith(wafSchema({ shieldMitigation: "none" }), { mode: "count" }, "waf");
      assert.deepEqual(governedWafIssues(settings(HYBRID), plain).map((i) => i.path.join(".")), CENTRAL.managedRuleGroups.map((g) => `managedRuleGroups.${g}`));
      const noGroups = parseWith(wafSchema({ shieldMitigation: "none" }), { managedRuleGroups: Object.fromEntries(CENTRAL.managedRuleGroups.map((g) => [g, false])), rateLimits: { ipReputation: false } }, "waf");
      assert.deepEqual(governedWafIssues(settings(HYBRID), noGroups).map((i) => [i.path.join("."), i.message]), [["capacity.reserve", "at least 1077, the central groups' WCU: parse the settings with governedWafSchema, which keeps them free"]]);
      assert.deepEqual(governedWafIssues(settings(CENTRALIZED), plain).map((i) => [i.path.join("."), i.message]), [["kind", "disabled under governance.model centralized: the security team's Firewall Manager policy owns the web ACL"]]);
      assert.deepEqual(governedWafIssues(DISTRIBUTED, plain), []);
    });
  });

  describe("governedShieldIssues", () => {
    const shield = (input: object) => parseWith(shieldSchema(), input, "shield");
    const issues = (governance: GovernanceInput, input: object) => governedShieldIssues(governanceDecisions(settings(governance)), shield(input)).map((i) => [i.path.join("."), i.message]);

    it("hybrid and centralized refuse the stack's automatic mitigation and its own protection beside the central Shield policy", () => {
      assert.deepEqual(issues(HYBRID, { enabled: true, layer7Mitigation: "automatic-response" }), [
        ["layer7Mitigation", 'allowed: "none" or "anti-ddos-rule-group" under governance.model hybrid: Firewall Manager does not protect a distribution whose Shield automatic mitigation the stack configures'],
        ["enabled", "false: the security team's Firewall Manager Shield Advanced policy protects the distribution and runs its automatic response"],
      ]);
      assert.deepEqual(issues(HYBRID, {}), [], "Shield off is what the central policy wants");
    });

    it("without a central Shield policy the stack keeps Shield; under centralized only what needs no web ACL of its own", () => {
      const noShieldPolicy = (model: "hybrid" | "centralized") => ({ model, central: { ...CENTRAL, shieldAutomaticResponse: "none" as const } });
      assert.deepEqual(issues(noShieldPolicy("hybrid"), { enabled: true }), []);
      assert.deepEqual(issues(noShieldPolicy("centralized"), { enabled: true, srtAccess: { enabled: true, shareWafLogBucket: true } }), [
        ["layer7Mitigation", 'allowed: "none" under governance.model centralized: the stack has no web ACL to hold the Anti-DDoS group (ask for it in the central policy)'],
        ["srtAccess.shareWafLogBucket", "false under governance.model centralized: the web ACL and its logs are Firewall Manager's (grant the SRT the central log bucket there)"],
      ]);
      assert.deepEqual(issues(noShieldPolicy("centralized"), { enabled: true, layer7Mitigation: "none" }), []);
      assert.deepEqual(governedShieldIssues(governanceDecisions(DISTRIBUTED), { ...SHIELD_OFF, enabled: true, layer7Mitigation: "automatic-response" }), []);
    });
  });

});
