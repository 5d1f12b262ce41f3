import { strict as assert } from "node:assert";
import { centralDrift, centralPolicyFor, DISTRIBUTED, GovernanceInput, governanceDecisions, governanceSchema, GovernanceSettings } from "../../components/governance";
import { parseWith } from "../../components/shared/schema/parse";
import { ConfigError } from "../../components/shared/validation";
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

describe("governance: the section, its decisions per model, drift", () => {
  describe("schema", () => {
    it("defaults to the distributed model, and copies the central policy from the governance stack's outputs", () => {
      assert.deepEqual(settings({}), DISTRIBUTED);
      assert.deepEqual(CENTRAL, {
        stack: "acme/edge-governance/dev",
        wcu: 927,
        managedRuleGroups: ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"],
        scopeTag: { key: "edge-security:firewall-manager", value: "in-scope" },
        shieldAutomaticResponse: "COUNT",
      });
      assert.deepEqual(settings(HYBRID), { model: "hybrid", central: CENTRAL });
    });

    it("requires the central policy for hybrid and centralized, and refuses it for distributed", () => {
      assert.deepEqual(problemsOf(() => settings({ model: "hybrid" })), [["governance.central", "required with model hybrid: the security team's policy as its governance stack exports it (wcu, managedRuleGroups, scopeTag, shieldAutomaticResponse)"]]);
      assert.deepEqual(problemsOf(() => settings({ central: CENTRAL })), [["governance.central", "allowed only with model hybrid or centralized: under distributed no Firewall Manager policy touches this stack's web ACL"]]);
    });

    it("names every bad field at once, with a suggestion for a near miss, and no cross-field problem on top", () => {
      assert.deepEqual(problemsOf(() => settings({ model: "hybird" as "hybrid", central: { ...CENTRAL, wcu: 6000, scopeTag: { key: "aws:fms", value: "x" }, shieldAutomaticResponse: "block" as "BLOCK" } })), [
        ["governance.model", 'allowed: "distributed", "hybrid" or "centralized"; did you mean "hybrid"?'],
        ["governance.central.wcu", "allowed: a whole number of WCU from 0 to 5000 (the governance stack's centralWcu output)"],
        ["governance.central.scopeTag.key", "allowed: a key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:"],
        ["governance.central.shieldAutomaticResponse", 'allowed: "COUNT", "BLOCK" or "none" (the governance stack\'s shieldAutomaticResponse output); did you mean "BLOCK"?'],
      ]);
    });
  });

  describe("decisions per model", () => {
    it("distributed: the stack's own web ACL, no reserve, tag or ignored property", () => {
      assert.deepEqual(governanceDecisions(DISTRIBUTED), { model: "distributed", webAcl: "own", centralReserveWcu: 0, distributionTags: {}, distributionIgnoreChanges: [], shield: "stack" });
    });

    it("hybrid: app rules only, the central groups' WCU and Shield's 150 reserved, the distribution tagged into scope", () => {
      assert.deepEqual(governanceDecisions(settings(HYBRID)), {
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
      assert.deepEqual(governanceDecisions(settings(CENTRALIZED)), {
        model: "centralized",
        webAcl: "none",
        centralReserveWcu: 0,
        distributionTags: { "edge-security:firewall-manager": "in-scope" },
        distributionIgnoreChanges: ["webAclId"],
        shield: "firewall-manager",
      });
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
