import { centralPolicyFor } from "../../components/governance";
import { ALWAYS_REDACTED_HEADERS } from "../../components/waf/loggingSchema";
import { CentralPolicyPlan, PlannedRuleGroup } from "./centralPolicy";
import { GovernanceConfig } from "./config";
import { orgConfigRuleSpecs } from "./orgConfigRules";

/** What the offline plan says about the governance program beyond its resources. */
export function describeGovernancePlan(config: GovernanceConfig, plan: CentralPolicyPlan): string[] {
  const { scope } = config;
  const where = [
    scope.orgUnits.length > 0 ? `OUs ${scope.orgUnits.join(", ")}` : "",
    scope.accounts.length > 0 ? `accounts ${scope.accounts.join(", ")}` : "",
    scope.excludeAccounts.length > 0 ? `the organization except ${scope.excludeAccounts.join(", ")}` : "",
  ].filter(Boolean);
  const lines = [`Governance: model ${config.model}; distributions tagged ${scope.resourceTag.key}=${scope.resourceTag.value} in ${where.join(" and ") || "the whole organization"}`];
  const waf = config.waf;
  if (waf) {
    const logging = waf.logging ? `${waf.logging.destinationArn}; redacted: ${[...new Set([...ALWAYS_REDACTED_HEADERS, ...waf.logging.redactedHeaders])].join(", ")}` : "off";
    const source = config.model === "hybrid" ? "retrofits the accounts' web ACLs" : "associates its own web ACL, replacing the accounts'";
    lines.push(`WAF policy (WAFV2, ${source}), mode ${waf.mode}, logging ${logging}`);
    const width = Math.max(...[...plan.first, ...plan.last].map((g) => g.name.length));
    const row = (set: string, g: PlannedRuleGroup) => `  ${set.padEnd(5)} ${g.name.padEnd(width)}  ${g.kind.padEnd(7)} ${String(g.wcu).padStart(4)} WCU`;
    lines.push(...plan.first.map((g) => row("first", g)), ...plan.last.map((g) => row("last", g)));
    lines.push(`  total ${plan.wcu} WCU, kept free in every web ACL in scope`);
    // The edge's body-too-large rule is in the app's web ACL, which centralized has not.
    if (config.model === "centralized" && !waf.firstRuleGroups.some((name) => waf.customRuleGroups[name]?.bodySize)) {
      lines.push("  Note: no first group has bodySize, and the stacks in scope have no web ACL of their own: bodies over 16 KB reach the managed groups half-read (padding hides a payload)");
    }
  } else {
    lines.push("WAF policy: none (distributed: app teams own their web ACLs)");
  }
  lines.push(config.shield.enabled ? `Shield Advanced policy: automatic application layer response ${config.shield.automaticResponse}` : "Shield Advanced policy: none");
  const rules = orgConfigRuleSpecs(config);
  lines.push(rules.length > 0 ? `Organization Config rules: ${rules.map((r) => `${r.rule} (${r.region}${r.excludedAccounts?.length ? `, except ${r.excludedAccounts.join(", ")}` : ""})`).join(", ")}` : "Organization Config rules: none");
  if (config.model !== "distributed") {
    const central = centralPolicyFor({ model: config.model, scopeTag: scope.resourceTag, firstRuleGroups: plan.first, lastRuleGroups: plan.last, centralWcu: plan.wcu, shieldAutomaticResponse: config.shield.enabled ? config.shield.automaticResponse : "none", configRuleNames: [] });
    lines.push(`Edge stacks in scope set edge-security:governance to ${JSON.stringify({ model: config.model, central })}`);
  }
  return lines;
}
