import { strict as assert } from "node:assert";
import {
  centralDrift, centralPolicyFor, GovernanceInput, governanceDecisions, governanceSchema, GovernanceSettings, governStack, parseGovernanceSection, parseGovernedWaf,
} from "../../components/governance";
import { parseWith } from "../../components/shared/schema/parse";
import { ConfigError, Problems } from "../../components/shared/validation";
import { parseShieldConfig } from "../../components/shield/config";
import { ShieldSettings } from "../../components/shield/settings";
import { WafSettings } from "../../components/waf/types";
import { EdgeWebAcl } from "../../components/waf/webAcl";
import { installMocks, settle } from "../support/mocks";
import { DEV_GOVERNANCE_OUTPUTS } from "./fixtures";

const CENTRAL = centralPolicyFor(DEV_GOVERNANCE_OUTPUTS, "acme/edge-governance/dev");
const settings = (input: GovernanceInput): GovernanceSettings => parseWith(governanceSchema, input, "governance", ["governance"]);

function problemsOf(input: unknown): [string, string][] {
  try {
    parseWith(governanceSchema, input, "governance", ["governance"]);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((p) => [p.field, p.allowed]);
  }
  assert.fail("expected a ConfigError");
}

/** The stack's parsed waf and shield sections, as parseStackConfig produces them under `governance`. */
function sections(waf: unknown, shield: unknown = undefined, governance: GovernanceSettings = settings({})): { waf: WafSettings; shield: ShieldSettings; wafConfigured: boolean } {
  const problems = new Problems();
  const shieldSettings = parseShieldConfig(shield, problems);
  const wafSettings = parseGovernedWaf(waf, problems, { shieldMitigation: shieldSettings.layer7Mitigation }, governance);
  problems.throwIfAny("fixture");
  return { waf: wafSettings, shield: shieldSettings, wafConfigured: waf !== undefined };
}

function govern(input: GovernanceInput, waf: unknown, shield?: unknown) {
  const problems = new Problems();
  const governance = settings(input);
  const result = governStack(governance, sections(waf, shield, governance), problems);
  return { ...result, problems: problems.all.map((p) => [p.field, p.allowed]) };
}

describe("governance (the edge stack's side)", () => {
  describe("schema", () => {
    it("defaults to the distributed model, and copies the central policy from the governance stack's outputs", () => {
      assert.deepEqual(settings({}), { model: "distributed" });
      assert.deepEqual(CENTRAL, {
        stack: "acme/edge-governance/dev",
        wcu: 927,
        managedRuleGroups: ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"],
        scopeTag: { key: "edge-security:firewall-manager", value: "in-scope" },
        shieldAutomaticResponse: "COUNT",
      });
      assert.deepEqual(settings({ model: "hybrid", central: CENTRAL }), { model: "hybrid", central: CENTRAL });
    });

    it("requires the central policy for hybrid and centralized, and refuses it for distributed", () => {
      assert.deepEqual(problemsOf({ model: "hybrid" }), [["governance.central", "required with model hybrid: the security team's policy as its governance stack exports it (wcu, managedRuleGroups, scopeTag, shieldAutomaticResponse)"]]);
      assert.deepEqual(problemsOf({ central: CENTRAL }), [["governance.central", "allowed only with model hybrid or centralized: under distributed no Firewall Manager policy touches this stack's web ACL"]]);
    });

    it("parseGovernanceSection records the problems with the stack's others and falls back to distributed", () => {
      const problems = new Problems();
      assert.deepEqual(parseGovernanceSection(undefined, problems), { model: "distributed" });
      assert.deepEqual(parseGovernanceSection({ model: "centralized", central: CENTRAL }, problems), { model: "centralized", central: CENTRAL });
      assert.deepEqual(parseGovernanceSection({ model: "hybrid", centrl: {} }, problems), { model: "distributed" });
      assert.deepEqual(problems.all.map((p) => [p.field, p.value, p.allowed]), [
        ["governance.centrl", {}, 'unknown key; allowed: "model" or "central"; did you mean "central"?'],
        ["governance.central", undefined, "required with model hybrid: the security team's policy as its governance stack exports it (wcu, managedRuleGroups, scopeTag, shieldAutomaticResponse)"],
      ]);
    });

    it("names every bad field at once, with a suggestion for a near miss", () => {
      assert.deepEqual(problemsOf({ model: "hybird", central: { ...CENTRAL, wcu: 6000, scopeTag: { key: "aws:fms", value: "x" }, shieldAutomaticResponse: "block" } }), [
        ["governance.model", 'allowed: "distributed", "hybrid" or "centralized"; did you mean "hybrid"?'],
        ["governance.central.wcu", "allowed: a whole number of WCU from 0 to 5000 (the governance stack's centralWcu output)"],
        ["governance.central.scopeTag.key", "allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:"],
        ["governance.central.shieldAutomaticResponse", 'allowed: "COUNT", "BLOCK" or "none" (the governance stack\'s shieldAutomaticResponse output); did you mean "BLOCK"?'],
      ]);
    });
  });

  describe("decisions per model", () => {
    it("distributed: the stack's own web ACL, no reserve, tag or ignored property", () => {
      assert.deepEqual(governanceDecisions(settings({})), { model: "distributed", webAcl: "own", centralReserveWcu: 0, distributionTags: {}, distributionIgnoreChanges: [], shield: "stack" });
    });

    it("hybrid: app rules only, the central groups' WCU and Shield's 150 reserved, the distribution tagged into scope", () => {
      assert.deepEqual(governanceDecisions(settings({ model: "hybrid", central: CENTRAL })), {
        model: "hybrid",
        webAcl: "app-rules-only",
        centralReserveWcu: 927 + 150,
        distributionTags: { "edge-security:firewall-manager": "in-scope" },
        distributionIgnoreChanges: [],
        shield: "firewall-manager",
      });
      assert.equal(governanceDecisions(settings({ model: "hybrid", central: { ...CENTRAL, shieldAutomaticResponse: "none" } })).centralReserveWcu, 927);
    });

    it("centralized: no web ACL of its own, and the distribution ignores changes to webAclId", () => {
      assert.deepEqual(governanceDecisions(settings({ model: "centralized", central: CENTRAL })), {
        model: "centralized",
        webAcl: "none",
        centralReserveWcu: 0,
        distributionTags: { "edge-security:firewall-manager": "in-scope" },
        distributionIgnoreChanges: ["webAclId"],
        shield: "firewall-manager",
      });
    });
  });

  describe("governStack", () => {
    it("distributed leaves the sections as parsed", () => {
      const parsed = sections({ mode: "count" });
      assert.deepEqual(governStack(settings({}), parsed, new Problems()).waf, parsed.waf);
    });

    it("hybrid with the defaults: the central groups and the reputation rule leave the web ACL, and the budget counts the reserve", () => {
      const { waf, problems, notes } = govern({ model: "hybrid", central: CENTRAL }, { mode: "count" });
      assert.deepEqual(problems, []);
      assert.ok(waf.kind === "managed");
      assert.deepEqual(waf.managedRuleGroups, []);
      assert.deepEqual(waf.rateLimits, { uri: [], blanket: { limit: 2000, windowSec: 300, aggregation: { kind: "IP" }, action: "block" } });
      assert.deepEqual(waf.capacity, { limit: 1500, reserve: 1077 });
      assert.deepEqual(notes, [
        "Governance: hybrid; Firewall Manager inserts the security team's first and last rule groups (1077 WCU kept free)",
        "  run centrally, left out of this web ACL: AWSManagedRulesAmazonIpReputationList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet",
        "  rateLimits.ipReputation left out: the reputation groups it rate-limits run centrally",
      ]);
    });

    it("hybrid under mocks: the web ACL the edge creates holds only the app's rules", async () => {
      const recorder = installMocks("edge-security", "dev");
      const { waf } = govern({ model: "hybrid", central: CENTRAL }, { mode: "count", rateLimits: { uri: [{ name: "pets", pathPrefix: "/pets", limit: 100 }] } });
      new EdgeWebAcl("edge-waf", { settings: waf });
      await settle();
      const acl = recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf").inputs;
      assert.deepEqual(acl.rules.map((r: { name: string; priority: number; action: object }) => [r.name, r.priority, r.action]), [
        ["rate-uri-pets", 9100, { count: {} }],
        ["rate-blanket", 9900, { count: {} }],
      ]);
    });

    it("hybrid keeps the groups the central policy does not run, and the reputation rule with its own label source", () => {
      const { waf, problems } = govern({ model: "hybrid", central: CENTRAL }, { managedRuleGroups: { AWSManagedRulesAnonymousIpList: true, AWSManagedRulesSQLiRuleSet: true } });
      assert.deepEqual(problems, []);
      assert.ok(waf.kind === "managed");
      assert.deepEqual(waf.managedRuleGroups.map((g) => g.name), ["AWSManagedRulesAnonymousIpList", "AWSManagedRulesSQLiRuleSet"]);
      assert.equal(waf.rateLimits.ipReputation?.limit, 100);
    });

    it("hybrid refuses a web ACL that leaves no room for the central groups, naming both shares", () => {
      const { problems } = govern({ model: "hybrid", central: CENTRAL }, { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesLinuxRuleSet: true, AWSManagedRulesWindowsRuleSet: true } });
      assert.deepEqual(problems, [[
        "waf.capacity",
        "at most 1500 WCU: this web ACL's rules take 602 and the security team's Firewall Manager groups 1077 (governance.central.wcu, plus 150 when its Shield policy runs the automatic response); disable groups here or raise capacity.limit with capacity.acceptExtraFees",
      ]]);
    });

    it("hybrid refuses what the central policy decides or cannot govern", () => {
      assert.deepEqual(govern({ model: "hybrid", central: CENTRAL }, { bodySize: { action: "paths", allowedPaths: ["/uploads"] } }).problems.map(([f]) => f), ["waf.bodySize.action"]);
      assert.deepEqual(govern({ model: "hybrid", central: CENTRAL }, { enabled: false }).problems, [[
        "waf.enabled",
        "true under governance.model hybrid: without its own web ACL the distribution gets Firewall Manager's, which the next update would remove (use model centralized)",
      ]]);
      const shield = { enabled: true, layer7Mitigation: "automatic-response" };
      assert.deepEqual(govern({ model: "hybrid", central: CENTRAL }, undefined, shield).problems, [
        ["shield.layer7Mitigation", 'allowed: "none" or "anti-ddos-rule-group" under governance.model hybrid: Firewall Manager cannot apply its WAF policy to a distribution whose Shield automatic mitigation the stack configures'],
        ["shield.enabled", "false: the security team's Firewall Manager Shield Advanced policy protects the distribution and runs its automatic response"],
      ]);
      assert.deepEqual(govern({ model: "hybrid", central: { ...CENTRAL, shieldAutomaticResponse: "none" } }, undefined, { enabled: true }).problems, [], "the stack keeps Shield without a central Shield policy");
    });

    it("centralized builds no web ACL and refuses a waf section", () => {
      const ok = govern({ model: "centralized", central: CENTRAL }, undefined);
      assert.deepEqual([ok.waf, ok.problems], [{ kind: "disabled" }, []]);
      assert.deepEqual(govern({ model: "centralized", central: CENTRAL }, { enabled: false }).problems, []);
      assert.deepEqual(govern({ model: "centralized", central: CENTRAL }, { mode: "count" }).problems, [[
        "waf", "nothing (or enabled: false) under governance.model centralized: the security team's Firewall Manager policy owns the web ACL",
      ]]);
      assert.deepEqual(govern({ model: "centralized", central: { ...CENTRAL, shieldAutomaticResponse: "none" } }, undefined, { enabled: true }).problems, [[
        "shield.layer7Mitigation", 'allowed: "none" under governance.model centralized: the stack has no web ACL to hold a mitigation group (ask for it in the central policy)',
      ]]);
    });
  });

  describe("parseGovernedWaf", () => {
    const raw = { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesLinuxRuleSet: true, AWSManagedRulesWindowsRuleSet: true } };
    const parse = (governance: GovernanceSettings) => {
      const problems = new Problems();
      parseGovernedWaf({ ...raw, mode: "cuont" }, problems, { shieldMitigation: "none" }, governance);
      return problems.all.map((p) => p.field);
    };

    it("under hybrid leaves out only the budget of the section as written, which governStack checks governed", () => {
      assert.deepEqual(parse(settings({ model: "hybrid", central: CENTRAL })), ["waf.mode"]);
    });

    it("otherwise reports every problem the WAF parser finds", () => {
      assert.deepEqual(parse(settings({})), ["waf.mode", "waf.capacity"]);
    });
  });

  describe("centralDrift", () => {
    it("agrees with the outputs it was copied from, and names each field that drifted", () => {
      assert.deepEqual(centralDrift("hybrid", CENTRAL, DEV_GOVERNANCE_OUTPUTS), []);
      assert.deepEqual(centralDrift("centralized", { ...CENTRAL, wcu: 900, managedRuleGroups: ["AWSManagedRulesCommonRuleSet"] }, DEV_GOVERNANCE_OUTPUTS), [
        'governance.model is "centralized" but the governance stack\'s model is "hybrid"',
        "governance.central.wcu is 900 but the governance stack's centralWcu is 927",
        'governance.central.managedRuleGroups is ["AWSManagedRulesCommonRuleSet"] but the governance stack\'s managed first and last rule groups is ["AWSManagedRulesAmazonIpReputationList","AWSManagedRulesCommonRuleSet","AWSManagedRulesKnownBadInputsRuleSet"]',
      ]);
    });
  });
});
