/**
 * The `waf` section under an operating model. Distributed: the WAF's own schema. Hybrid: the same schema, but
 * the web ACL holds the app's rules only (the groups the central policy runs are off unless the section turns
 * them on, which is refused) and its budget keeps the central groups' WCU free. Centralized: no web ACL.
 */
import { z } from "zod";
import { isPlainObject } from "../shared/validation";
import { buildWafRules } from "../waf/buildWafRules";
import { ANONYMOUS_IP_LIST, DEFAULT_MANAGED_GROUPS, IP_REPUTATION_LIST } from "../waf/managedRuleGroups";
import { WafContext, WafSettings } from "../waf/types";
import { wafSchema } from "../waf/wafSchema";
import { PLACEHOLDER_IP_SET_ARNS } from "../waf/wafRule";
import { wcuBudget } from "../waf/wcuEstimate";
import { governanceDecisions } from "./decisions";
import { GovernanceIssue } from "./governanceIssue";
import { CentralPolicy, GovernanceSettings } from "./schema";

/** The `waf` settings schema of a stack with Shield mitigation `context.shieldMitigation` under `governance`. */
export function governedWafSchema(context: WafContext, governance: GovernanceSettings): z.ZodType<WafSettings, unknown> {
  const decisions = governanceDecisions(governance);
  const central = governance.central;
  if (decisions.webAcl === "own" || central === undefined) return wafSchema(context);
  if (decisions.webAcl === "none") return centralizedWaf;
  return z
    .preprocess((input) => appRulesOnly(input, central), wafSchema(context))
    .transform((settings): WafSettings => (settings.kind === "managed" ? { ...settings, capacity: { ...settings.capacity, reserve: settings.capacity.reserve + decisions.centralReserveWcu } } : settings))
    .superRefine((settings, ctx) => {
      for (const issue of governedWafIssues(governance, settings)) ctx.addIssue({ code: "custom", path: [...issue.path], input: issue.input, message: issue.message });
    });
}

const CENTRALIZED = "nothing (or enabled: false) under governance.model centralized: the security team's Firewall Manager policy owns the web ACL";

/** Centralized: the section may only be absent, empty or `enabled: false`; the stack builds no web ACL. */
const centralizedWaf = z
  .unknown()
  .superRefine((input, ctx) => {
    const nothing = input === undefined || input === null || (isPlainObject(input) && Object.entries(input).every(([key, value]) => key === "enabled" && value === false));
    if (!nothing) ctx.addIssue({ code: "custom", path: [], input, message: CENTRALIZED });
  })
  .transform((): WafSettings => ({ kind: "disabled" }));

/**
 * The section as the app's web ACL under hybrid reads it: a group the central policy runs is off unless the
 * section names it (which `governedWafIssues` refuses), and the IP-reputation rate rule is off unless given when
 * none of its label sources stays in this web ACL. Anything malformed is left for the WAF schema to report.
 */
function appRulesOnly(input: unknown, central: CentralPolicy): unknown {
  const section = input ?? {};
  if (!isPlainObject(section) || section.enabled === false || section.existingWebAclArn !== undefined) return input;
  const given = section.managedRuleGroups ?? {};
  if (!isPlainObject(given)) return input;
  const groups: Record<string, unknown> = { ...Object.fromEntries(central.managedRuleGroups.map((name) => [name, false])), ...given };
  const on = (name: string) => {
    const value = groups[name];
    return value === undefined ? DEFAULT_MANAGED_GROUPS.includes(name) : value === true || (isPlainObject(value) && value.enabled !== false);
  };
  const rateLimits = section.rateLimits ?? {};
  const reputationSource = on(IP_REPUTATION_LIST) || on(ANONYMOUS_IP_LIST);
  const limits = isPlainObject(rateLimits) && rateLimits.ipReputation === undefined && !reputationSource ? { ...rateLimits, ipReputation: false } : section.rateLimits;
  return { ...section, managedRuleGroups: groups, ...(limits !== undefined ? { rateLimits: limits } : {}) };
}

/**
 * What the model rules out in parsed `waf` settings (paths under `waf`): under centralized any web ACL; under
 * hybrid no web ACL, a central group run twice, a budget without the central groups' room. The schema above
 * and EdgeProtection (for settings a library user parsed) check the same.
 */
export function governedWafIssues(governance: GovernanceSettings, settings: WafSettings): GovernanceIssue[] {
  const decisions = governanceDecisions(governance);
  const central = governance.central;
  if (decisions.webAcl === "own" || central === undefined) return [];
  if (decisions.webAcl === "none") return settings.kind === "disabled" ? [] : [{ path: ["kind"], input: settings.kind, message: "disabled under governance.model centralized: the security team's Firewall Manager policy owns the web ACL" }];
  if (settings.kind === "disabled") {
    return [{ path: ["enabled"], input: false, message: "true under governance.model hybrid: without its own web ACL the distribution gets Firewall Manager's, which the next update would remove (use model centralized)" }];
  }
  if (settings.kind === "existing") return [];
  const twice = settings.managedRuleGroups.filter((g) => central.managedRuleGroups.includes(g.name));
  if (twice.length > 0) {
    return twice.map((g) => ({
      path: ["managedRuleGroups", g.name],
      input: g.name,
      message: "allowed: false under governance.model hybrid: the security team's Firewall Manager policy runs this group (governance.central.managedRuleGroups), so this web ACL would run it twice",
    }));
  }
  if (settings.capacity.reserve < decisions.centralReserveWcu) {
    const message = `at least ${decisions.centralReserveWcu}, the central groups' WCU: parse the settings with governedWafSchema, which keeps them free`;
    return [{ path: ["capacity", "reserve"], input: settings.capacity.reserve, message }];
  }
  const budget = wcuBudget(buildWafRules(settings, PLACEHOLDER_IP_SET_ARNS), settings.capacity.limit, settings.capacity.reserve);
  if (budget.withinBudget) return [];
  const shield = decisions.centralReserveWcu > central.wcu ? ` plus ${decisions.centralReserveWcu - central.wcu} for Shield's automatic-response group` : "";
  return [{
    path: ["capacity"],
    input: budget.total + budget.reserve,
    message:
      `allowed: at most ${budget.limit} WCU: this web ACL's rules take ${budget.total} and the security team's Firewall Manager groups ${central.wcu}${shield} (governance.central); ` +
      "disable groups here or raise capacity.limit with capacity.acceptExtraFees",
  }];
}
