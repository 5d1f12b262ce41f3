import { ShieldSettings } from "../shield/settings";
import { Problems } from "../shared/validation";
import { buildWafRules } from "../waf/buildWafRules";
import { PLACEHOLDER_IP_SET_ARNS } from "../waf/config";
import { ANONYMOUS_IP_LIST, CORE_RULE_SET, IP_REPUTATION_LIST } from "../waf/managedRuleGroups";
import { ManagedWafSettings, WafSettings } from "../waf/types";
import { wcuBudget } from "../waf/wcuEstimate";
import { GovernanceDecisions, governanceDecisions } from "./decisions";
import { CentralPolicy, GovernanceSettings } from "./schema";

export interface GovernedSections {
  readonly waf: WafSettings;
  readonly shield: ShieldSettings;
  /** Whether the stack file has a `waf` key at all (its absence means the defaults). */
  readonly wafConfigured: boolean;
}

export interface GovernedStack {
  readonly decisions: GovernanceDecisions;
  /** The WAF settings the edge builds its web ACL from under the model. */
  readonly waf: WafSettings;
  /** What the model changed, for the offline plan. */
  readonly notes: readonly string[];
}

/**
 * Applies the operating model to the parsed `waf` and `shield` sections: records in `problems` every
 * setting the model rules out (named in the config's own terms) and returns the WAF settings to build.
 */
export function governStack(settings: GovernanceSettings, sections: GovernedSections, problems: Problems): GovernedStack {
  const decisions = governanceDecisions(settings);
  const central = settings.central;
  if (decisions.model === "distributed" || central === undefined) return { decisions, waf: sections.waf, notes: [] };
  checkShield(decisions, sections.shield, problems);
  if (decisions.webAcl === "none") {
    problems.check(
      !sections.wafConfigured || sections.waf.kind === "disabled",
      "waf",
      sections.waf.kind,
      "nothing (or enabled: false) under governance.model centralized: the security team's Firewall Manager policy owns the web ACL",
    );
    return { decisions, waf: { kind: "disabled" }, notes: [`Governance: centralized; Firewall Manager associates the security team's web ACL, and the distribution ignores changes to webAclId`] };
  }
  return hybridWaf(decisions, central, sections.waf, problems);
}

function checkShield(decisions: GovernanceDecisions, shield: ShieldSettings, problems: Problems): void {
  if (!shield.enabled) return;
  // Firewall Manager Developer Guide, "Web ACL management for AWS WAF policies": a resource with automatic
  // application layer DDoS mitigation configured is marked noncompliant and not protected by a WAF policy.
  problems.check(
    shield.layer7Mitigation !== "automatic-response",
    "shield.layer7Mitigation",
    shield.layer7Mitigation,
    `allowed: "none" or "anti-ddos-rule-group" under governance.model ${decisions.model}: Firewall Manager cannot apply its WAF policy to a distribution whose Shield automatic mitigation the stack configures`,
  );
  problems.check(
    decisions.shield === "stack",
    "shield.enabled",
    true,
    "false: the security team's Firewall Manager Shield Advanced policy protects the distribution and runs its automatic response",
  );
  problems.check(
    decisions.webAcl !== "none" || shield.layer7Mitigation === "none",
    "shield.layer7Mitigation",
    shield.layer7Mitigation,
    'allowed: "none" under governance.model centralized: the stack has no web ACL to hold a mitigation group (ask for it in the central policy)',
  );
}

/** Hybrid: the app's web ACL without the groups the central policy runs, budgeted with the central groups. */
function hybridWaf(decisions: GovernanceDecisions, central: CentralPolicy, waf: WafSettings, problems: Problems): GovernedStack {
  const notes = [`Governance: hybrid; Firewall Manager inserts the security team's first and last rule groups (${decisions.centralReserveWcu} WCU kept free)`];
  if (waf.kind === "disabled") {
    problems.add("waf.enabled", false, "true under governance.model hybrid: without its own web ACL the distribution gets Firewall Manager's, which the next update would remove (use model centralized)");
    return { decisions, waf, notes };
  }
  if (waf.kind === "existing") {
    return { decisions, waf, notes: [...notes, `  the existing web ACL must keep ${decisions.centralReserveWcu} WCU free for them`] };
  }
  const centralGroups = new Set(central.managedRuleGroups);
  const kept = waf.managedRuleGroups.filter((g) => !centralGroups.has(g.name));
  const moved = waf.managedRuleGroups.filter((g) => centralGroups.has(g.name)).map((g) => g.name);
  if (moved.length > 0) notes.push(`  run centrally, left out of this web ACL: ${moved.join(", ")}`);

  const keptNames = kept.map((g) => g.name);
  const { blanket, uri, ipReputation } = waf.rateLimits;
  // Its scope-down reads the reputation groups' labels, which the rule builder takes from this web ACL's own groups.
  const keepReputation = ipReputation !== undefined && (keptNames.includes(IP_REPUTATION_LIST) || keptNames.includes(ANONYMOUS_IP_LIST));
  if (ipReputation && !keepReputation) notes.push("  rateLimits.ipReputation left out: the reputation groups it rate-limits run centrally");
  problems.check(
    waf.bodySize.mode === "count" || !centralGroups.has(CORE_RULE_SET),
    "waf.bodySize.action",
    waf.bodySize.mode,
    `count under governance.model hybrid: ${CORE_RULE_SET} runs in the security team's rule groups, which decide its SizeRestrictions_BODY`,
  );

  const governed: ManagedWafSettings = {
    ...waf,
    managedRuleGroups: kept,
    rateLimits: { uri, ...(blanket ? { blanket } : {}), ...(keepReputation && ipReputation ? { ipReputation } : {}) },
    capacity: { limit: waf.capacity.limit, reserve: decisions.centralReserveWcu },
  };
  const budget = wcuBudget(buildWafRules(governed, PLACEHOLDER_IP_SET_ARNS), governed.capacity.limit, governed.capacity.reserve);
  problems.check(
    budget.withinBudget,
    "waf.capacity",
    budget.total + budget.reserve,
    `at most ${budget.limit} WCU: this web ACL's rules take ${budget.total} and the security team's Firewall Manager groups ${budget.reserve}` +
      " (governance.central.wcu, plus 150 when its Shield policy runs the automatic response); disable groups here or raise capacity.limit with capacity.acceptExtraFees",
  );
  return { decisions, waf: governed, notes };
}
