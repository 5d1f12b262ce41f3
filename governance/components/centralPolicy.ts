import { ALWAYS_REDACTED_HEADERS } from "../../components/waf/loggingSchema";
import type { GovernanceConfig } from "./config";
import { customGroupWcu, managedGroupStatement } from "./centralRules";
import { FmsRuleGroupRef, WafPolicyData } from "./managedServiceData";
import type { WafPolicySettings } from "./wafPolicyConfig";

/** One group of the first or last set with what it costs in every web ACL in scope. */
export interface PlannedRuleGroup {
  readonly name: string;
  readonly kind: "managed" | "custom";
  readonly wcu: number;
}

export interface CentralPolicyPlan {
  readonly first: readonly PlannedRuleGroup[];
  readonly last: readonly PlannedRuleGroup[];
  /** Both sets together: what every web ACL in scope keeps free for them. */
  readonly wcu: number;
}

/** The WAF policy's parts, as the policy runs them: first custom groups, the managed groups, last custom groups. */
type Policy = Pick<WafPolicySettings, "firstRuleGroups" | "lastRuleGroups" | "managedRuleGroups" | "customRuleGroups">;

/**
 * The first and last sets of the WAF policy with their WCU, before anything is created: a custom group costs
 * its capacity (its rules' WCU), a managed group its catalogue figure (no scope-down is allowed centrally).
 */
export function planCentralPolicy(waf: Policy): CentralPolicyPlan {
  const custom = (name: string): PlannedRuleGroup => ({ name, kind: "custom", wcu: customGroupWcu(waf.customRuleGroups[name]) });
  const first = [...waf.firstRuleGroups.map(custom), ...waf.managedRuleGroups.map((g): PlannedRuleGroup => ({ name: g.name, kind: "managed", wcu: g.wcu }))];
  const last = waf.lastRuleGroups.map(custom);
  return { first, last, wcu: [...first, ...last].reduce((sum, g) => sum + g.wcu, 0) };
}

/** The managed groups as Firewall Manager references them, with the overrides the edge's builder gives them. */
function managedRefs(waf: Policy): FmsRuleGroupRef[] {
  return waf.managedRuleGroups.map((group) => ({
    kind: "managed",
    vendor: group.vendor,
    name: group.name,
    ...(group.version ? { version: group.version } : {}),
    count: group.overrideAction === "count",
    ruleActionOverrides: managedGroupStatement(group).ruleActionOverrides.map((o) => ({ name: o.name, action: o.action.type })),
  }));
}

/**
 * What the WAF policy says under the model: hybrid retrofits the accounts' own web ACLs and leaves their
 * associations alone; centralized gives every distribution in scope Firewall Manager's web ACL, replacing one
 * an account associated itself.
 */
export function wafPolicyData(config: GovernanceConfig, waf: WafPolicySettings, arns: Readonly<Record<string, string>>): WafPolicyData {
  const hybrid = config.model === "hybrid";
  const custom = (names: readonly string[]) => names.map((name): FmsRuleGroupRef => ({ kind: "custom", arn: arns[name] }));
  return {
    first: [...custom(waf.firstRuleGroups), ...managedRefs(waf)],
    last: custom(waf.lastRuleGroups),
    overrideAction: waf.mode === "count" ? "COUNT" : "NONE",
    defaultAction: "ALLOW",
    overrideCustomerWebACLAssociation: !hybrid,
    ...(waf.logging ? { logging: { destinationArn: waf.logging.destinationArn, redactedHeaders: [...new Set([...ALWAYS_REDACTED_HEADERS, ...waf.logging.redactedHeaders])] } } : {}),
    ...(hybrid ? { webACLSource: "RETROFIT_EXISTING" as const } : {}),
  };
}
