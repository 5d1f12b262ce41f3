import { ANONYMOUS_IP_LIST, IP_REPUTATION_LIST } from "../waf/managedRuleGroups";
import { WafSettings } from "../waf/types";
import { governanceDecisions } from "./decisions";
import { GovernanceSettings } from "./schema";

/** Lines the offline plan prints about the operating model: what Firewall Manager owns and what the stack leaves to it. */
export function describeGovernance(governance: GovernanceSettings, waf: WafSettings): string[] {
  const decisions = governanceDecisions(governance);
  const central = governance.central;
  if (decisions.model === "distributed" || central === undefined) return [];
  const tag = Object.entries(decisions.distributionTags).map(([key, value]) => `${key}=${value}`).join(", ");
  const shield = decisions.shield === "firewall-manager" ? `Shield Advanced: Firewall Manager's policy, automatic response ${central.shieldAutomaticResponse}` : "Shield Advanced: the stack's own (no central Shield policy)";
  if (decisions.webAcl === "none") {
    return [`Governance: centralized; no web ACL of the stack's own: Firewall Manager associates the security team's, and the distribution ignores changes to webAclId; tagged ${tag}`, `  ${shield}`];
  }
  const shieldShare = decisions.centralReserveWcu > central.wcu ? ` + ${decisions.centralReserveWcu - central.wcu} for Shield's automatic-response group` : "";
  const lines = [
    `Governance: hybrid; Firewall Manager inserts the security team's first and last rule groups into this web ACL, which keeps ${decisions.centralReserveWcu} WCU free for them (${central.wcu}${shieldShare}); tagged ${tag}`,
  ];
  if (central.managedRuleGroups.length > 0) lines.push(`  run by Firewall Manager, not in this web ACL: ${central.managedRuleGroups.join(", ")}`);
  if (waf.kind === "existing") lines.push(`  the existing web ACL must keep ${decisions.centralReserveWcu} WCU free for them`);
  const reputationCentral = [IP_REPUTATION_LIST, ANONYMOUS_IP_LIST].some((g) => central.managedRuleGroups.includes(g));
  if (waf.kind === "managed" && waf.rateLimits.ipReputation === undefined && reputationCentral) {
    lines.push("  rateLimits.ipReputation off: the reputation groups whose labels it rate-limits run centrally");
  }
  lines.push(`  ${shield}`);
  return lines;
}
