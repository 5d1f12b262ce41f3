import * as pulumi from "@pulumi/pulumi";
import { CentralRuleGroupOutput, GovernanceStackOutputs } from "../../components/governance";
import { CentralPolicyPlan, PlannedRuleGroup } from "./centralPolicy";
import { GovernanceConfig } from "./config";

/** The stack outputs, each as an Input of the contract's type. */
export type GovernanceOutputInputs = { readonly [K in keyof GovernanceStackOutputs]: pulumi.Input<GovernanceStackOutputs[K]> | undefined };

/** The contract the edge stacks read (components/governance/governanceStackOutputs.ts), from what the program built. */
export function governanceOutputs(
  config: GovernanceConfig,
  plan: CentralPolicyPlan,
  built: {
    readonly ruleGroupArns: Readonly<Record<string, pulumi.Output<string>>>;
    readonly wafPolicyId?: pulumi.Output<string>;
    readonly shieldPolicyId?: pulumi.Output<string>;
    readonly configRuleNames: readonly string[];
  },
): GovernanceOutputInputs {
  const groups = (set: readonly PlannedRuleGroup[]) =>
    pulumi.all(set.map((g) => (g.kind === "custom" ? built.ruleGroupArns[g.name].apply((arn): CentralRuleGroupOutput => ({ ...g, arn })) : pulumi.output<CentralRuleGroupOutput>({ ...g }))));
  return {
    model: config.model,
    scopeTag: config.scope.resourceTag,
    firstRuleGroups: groups(plan.first),
    lastRuleGroups: groups(plan.last),
    centralWcu: plan.wcu,
    shieldAutomaticResponse: config.shield.enabled ? config.shield.automaticResponse : "none",
    wafPolicyId: built.wafPolicyId,
    shieldPolicyId: built.shieldPolicyId,
    configRuleNames: built.configRuleNames,
  };
}
