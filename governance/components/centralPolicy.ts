import { ALWAYS_REDACTED_HEADERS } from "../../components/waf/parseLogging";
import { CentralWafSettings, entryName, GovernanceConfig, isManagedEntry, RuleGroupEntry } from "./config";
import { entryWcu } from "./centralGroupRules";
import { FmsRuleGroupRef, WafPolicyData } from "./managedServiceData";

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

/** The first and last sets of the WAF policy with their WCU, before anything is created. */
export function planCentralPolicy(waf: CentralWafSettings): CentralPolicyPlan {
  const plan = (entries: readonly RuleGroupEntry[]): PlannedRuleGroup[] =>
    entries.map((e) => ({ name: entryName(e), kind: isManagedEntry(e) ? "managed" : "custom", wcu: entryWcu(e, waf) }));
  const first = plan(waf.firstRuleGroups);
  const last = plan(waf.lastRuleGroups);
  return { first, last, wcu: [...first, ...last].reduce((sum, g) => sum + g.wcu, 0) };
}

function refs(entries: readonly RuleGroupEntry[], arns: Readonly<Record<string, string>>): FmsRuleGroupRef[] {
  return entries.map((e): FmsRuleGroupRef => {
    if (!isManagedEntry(e)) return { kind: "custom", arn: arns[entryName(e)] };
    const overrides = Object.entries(e.ruleActionOverrides).map(([name, action]) => ({ name, action }));
    return { kind: "managed", name: e.managed, ...(e.version ? { version: e.version } : {}), ruleActionOverrides: overrides };
  });
}

/**
 * What the WAF policy says under the model: hybrid retrofits the accounts' own web ACLs and leaves their
 * associations alone; centralized gives every distribution in scope Firewall Manager's web ACL, replacing one
 * an account associated itself.
 */
export function wafPolicyData(config: GovernanceConfig, waf: CentralWafSettings, arns: Readonly<Record<string, string>>): WafPolicyData {
  const hybrid = config.model === "hybrid";
  return {
    first: refs(waf.firstRuleGroups, arns),
    last: refs(waf.lastRuleGroups, arns),
    overrideAction: waf.mode === "count" ? "COUNT" : "NONE",
    defaultAction: "ALLOW",
    overrideCustomerWebACLAssociation: !hybrid,
    ...(waf.logging ? { logging: { destinationArn: waf.logging.destinationArn, redactedHeaders: [...new Set([...ALWAYS_REDACTED_HEADERS, ...waf.logging.redactedHeaders])] } } : {}),
    ...(hybrid ? { webACLSource: "RETROFIT_EXISTING" as const } : {}),
  };
}
