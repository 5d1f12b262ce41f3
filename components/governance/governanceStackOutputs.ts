import * as pulumi from "@pulumi/pulumi";
import { CentralShieldResponse, GovernanceModel } from "./models";
import { ScopeTag } from "./scopeTag";

/** One rule group of the security team's Firewall Manager WAF policy, in evaluation order. */
export interface CentralRuleGroupOutput {
  /** The AWS managed group's name, or the custom group's name in the governance config. */
  readonly name: string;
  readonly kind: "managed" | "custom";
  /** The custom group's ARN (CLOUDFRONT scope, us-east-1); absent for AWS managed groups. */
  readonly arn?: string;
  /** Its capacity in a web ACL (WCU). */
  readonly wcu: number;
}

/**
 * The security team's stack outputs (`governance/`): a contract for the edge stacks, read through a
 * StackReference. Fields are only added, never renamed or removed, within a major version.
 */
export interface GovernanceStackOutputs {
  readonly model: GovernanceModel;
  /** The tag whose presence puts a distribution in the policies' scope. */
  readonly scopeTag: ScopeTag;
  /** Run first in every web ACL in scope (`preProcessRuleGroups`). */
  readonly firstRuleGroups: readonly CentralRuleGroupOutput[];
  /** Run last (`postProcessRuleGroups`). */
  readonly lastRuleGroups: readonly CentralRuleGroupOutput[];
  /** Both sets' WCU: what an app stack's web ACL keeps free for them (hybrid). */
  readonly centralWcu: number;
  /** The Shield Advanced policy's automatic response, or `none` without such a policy. */
  readonly shieldAutomaticResponse: CentralShieldResponse;
  /** The Firewall Manager WAF policy, absent under the distributed model. */
  readonly wafPolicyId?: string;
  readonly shieldPolicyId?: string;
  /** The organization Config rules that report on every account. */
  readonly configRuleNames: readonly string[];
}

export type GovernanceStackOutputKey = keyof GovernanceStackOutputs;
export type GovernanceStackReference = { readonly [K in GovernanceStackOutputKey]-?: pulumi.Output<GovernanceStackOutputs[K]> };

const REQUIRED: readonly GovernanceStackOutputKey[] = ["model", "scopeTag", "firstRuleGroups", "lastRuleGroups", "centralWcu", "shieldAutomaticResponse", "configRuleNames"];
const OPTIONAL: readonly GovernanceStackOutputKey[] = ["wafPolicyId", "shieldPolicyId"];

/** Reads the governance stack's outputs with their types, e.g. `readGovernanceStack(new pulumi.StackReference("acme/edge-governance/prod"))`. */
export function readGovernanceStack(ref: pulumi.StackReference): GovernanceStackReference {
  const entries = [
    ...REQUIRED.map((key) => [key, ref.requireOutput(key)] as const),
    ...OPTIONAL.map((key) => [key, ref.getOutput(key)] as const),
  ];
  return Object.fromEntries(entries) as unknown as GovernanceStackReference;
}

/** The AWS managed groups the central policy runs, first set then last. */
export function centralManagedGroups(outputs: Pick<GovernanceStackOutputs, "firstRuleGroups" | "lastRuleGroups">): string[] {
  return [...outputs.firstRuleGroups, ...outputs.lastRuleGroups].filter((g) => g.kind === "managed").map((g) => g.name);
}
