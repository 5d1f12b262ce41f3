import { GovernanceStackOutputs } from "../../components/governance";

/** What the governance program's dev stack exports (test/governance/program.test.ts checks it). */
export const DEV_GOVERNANCE_OUTPUTS: GovernanceStackOutputs = {
  model: "hybrid",
  scopeTag: { key: "edge-security:firewall-manager", value: "in-scope" },
  firstRuleGroups: [
    { name: "AWSManagedRulesAmazonIpReputationList", kind: "managed", wcu: 25 },
    { name: "AWSManagedRulesCommonRuleSet", kind: "managed", wcu: 700 },
    { name: "AWSManagedRulesKnownBadInputsRuleSet", kind: "managed", wcu: 200 },
  ],
  lastRuleGroups: [{ name: "backstop", kind: "custom", wcu: 2, arn: "arn:aws:mock:us-east-1:123456789012:RuleGroup/edge-governance-dev-backstop" }],
  centralWcu: 927,
  shieldAutomaticResponse: "COUNT",
  wafPolicyId: "edge-governance-dev-waf-id",
  shieldPolicyId: "edge-governance-dev-shield-id",
  configRuleNames: [
    "edge-governance-dev-cloudfront-associated-with-waf",
    "edge-governance-dev-wafv2-logging-enabled",
    "edge-governance-dev-wafv2-webacl-not-empty",
    "edge-governance-dev-shield-advanced-enabled-autorenew",
  ],
};
