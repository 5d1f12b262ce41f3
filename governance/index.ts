// The security team's program, run in the Firewall Manager administrator account: central WAF rule groups,
// the Firewall Manager WAF and Shield Advanced policies for CloudFront, organization Config rules, and the
// contract the edge stacks read (components/governance/governanceStackOutputs.ts).
import * as pulumi from "@pulumi/pulumi";
import { CentralRuleGroups } from "./components/centralRuleGroups";
import { planCentralPolicy } from "./components/centralPolicy";
import { parseGovernanceConfig } from "./components/config";
import { FirewallManagerPolicies } from "./components/firewallManagerPolicies";
import { governanceOutputs } from "./components/governanceOutputs";
import { OrgConfigRules, orgConfigRuleSpecs } from "./components/orgConfigRules";

const config = parseGovernanceConfig(pulumi.runtime.allConfig());
const name = `${pulumi.getProject()}-${pulumi.getStack()}`;
const tags = { ...config.tags, "edge-governance:stack": pulumi.getStack() };

const plan = config.waf ? planCentralPolicy(config.waf) : { first: [], last: [], wcu: 0 };
const ruleGroups = new CentralRuleGroups(name, { groups: config.waf?.customRuleGroups ?? {}, tags });
const policies = new FirewallManagerPolicies(name, { config, ruleGroupArns: ruleGroups.arns, tags });
const configRules = new OrgConfigRules(name, { specs: orgConfigRuleSpecs(config) });

const outputs = governanceOutputs(config, plan, {
  ruleGroupArns: ruleGroups.arns,
  wafPolicyId: policies.wafPolicyId,
  shieldPolicyId: policies.shieldPolicyId,
  configRuleNames: configRules.names,
});
export const model = outputs.model;
export const scopeTag = outputs.scopeTag;
export const firstRuleGroups = outputs.firstRuleGroups;
export const lastRuleGroups = outputs.lastRuleGroups;
export const centralWcu = outputs.centralWcu;
export const shieldAutomaticResponse = outputs.shieldAutomaticResponse;
export const wafPolicyId = outputs.wafPolicyId;
export const shieldPolicyId = outputs.shieldPolicyId;
export const configRuleNames = outputs.configRuleNames;
