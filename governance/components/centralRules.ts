/**
 * The central rules in the edge's own rule model, built by the edge's own rule builder, so a central rule and
 * an app rule with the same settings match, answer (JSON 403, 429 with `Retry-After`) and cost the same.
 */
import { MAX_CAPACITY } from "../../components/waf/capacitySchema";
import { buildWafRules } from "../../components/waf/buildWafRules";
import { ManagedGroupSettings, ManagedWafSettings } from "../../components/waf/types";
import { IpSetArns, ManagedGroupStatement, PLACEHOLDER_IP_SET_ARNS, WafRule } from "../../components/waf/wafRule";
import { statementWcu } from "../../components/waf/wcuEstimate";
import type { CustomRuleGroupSettings } from "./ruleGroupConfig";

const NO_GROUP: CustomRuleGroupSettings = { denyCidrs: [], rateLimits: { uri: [] } };

/** Rules as the web ACL settings the edge's rule builder takes: the custom group's, and the managed groups given. */
function asWebAclSettings(group: CustomRuleGroupSettings, managedRuleGroups: readonly ManagedGroupSettings[] = []): ManagedWafSettings {
  return {
    kind: "managed",
    mode: "enforce",
    managedRuleGroups: [...managedRuleGroups],
    bodySize: group.bodySize ?? { action: "block", maxBytes: 0, allowedPaths: [] },
    bodyInspectionLimit: "KB_16",
    rateLimits: group.rateLimits,
    ipSets: { allow: [], deny: group.denyCidrs },
    ...(group.geo ? { geo: group.geo } : {}),
    customRules: [],
    capacity: { limit: MAX_CAPACITY, reserve: 0 },
  };
}

/**
 * The rules of one custom group: `deny-ip-set`, `geo-block`/`geo-allow-only`, `body-too-large` (only when
 * the group sets `bodySize`; the builder always adds it to a web ACL), `rate-uri-<name>`, `rate-blanket`.
 * Names and priorities are the group's own.
 */
export function customGroupRules<A>(group: CustomRuleGroupSettings, ipSets: IpSetArns<A>): WafRule<A>[] {
  return buildWafRules(asWebAclSettings(group), ipSets).filter((rule) => group.bodySize !== undefined || rule.source[0] !== "bodySize");
}

/** The capacity a custom group needs: the WCU of its rules (a rule group's `capacity`, fixed at creation). */
export function customGroupWcu(group: CustomRuleGroupSettings): number {
  return customGroupRules(group, PLACEHOLDER_IP_SET_ARNS).reduce((sum, rule) => sum + statementWcu(rule.statement), 0);
}

/** A managed group's statement as the edge builds it: its overrides, with the Core rule set's 8 KB body rule counting. */
export function managedGroupStatement(group: ManagedGroupSettings): ManagedGroupStatement<string> {
  for (const rule of buildWafRules(asWebAclSettings(NO_GROUP, [group]), PLACEHOLDER_IP_SET_ARNS)) {
    if (rule.statement.type === "managedGroup") return rule.statement;
  }
  throw new Error(`unreachable: the rule builder builds a rule for managed group ${group.name}`);
}
