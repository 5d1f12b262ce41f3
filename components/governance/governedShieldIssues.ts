import { ShieldSettings } from "../shield/settings";
import { GovernanceDecisions } from "./decisions";
import { GovernanceIssue } from "./governanceIssue";

/**
 * What hybrid and centralized rule out in the `shield` settings (paths under `shield`):
 * - Shield's automatic mitigation configured by the stack: AWS WAF Developer Guide, "Web ACL management for
 *   AWS WAF policies": a resource with automatic application layer DDoS mitigation configured that comes into
 *   scope of a Firewall Manager WAF policy is marked noncompliant and not protected;
 * - the stack's own protection while the central Shield Advanced policy protects the distribution (two owners);
 * - under centralized, what needs the stack's own web ACL: a mitigation group, the WAF log bucket for the SRT.
 */
export function governedShieldIssues(decisions: GovernanceDecisions, shield: ShieldSettings): GovernanceIssue[] {
  if (decisions.model === "distributed" || !shield.enabled) return [];
  const issues: GovernanceIssue[] = [];
  if (shield.layer7Mitigation === "automatic-response") {
    issues.push({
      path: ["layer7Mitigation"],
      input: shield.layer7Mitigation,
      message: `allowed: "none" or "anti-ddos-rule-group" under governance.model ${decisions.model}: Firewall Manager does not protect a distribution whose Shield automatic mitigation the stack configures`,
    });
  }
  if (decisions.shield === "firewall-manager") {
    issues.push({ path: ["enabled"], input: true, message: "false: the security team's Firewall Manager Shield Advanced policy protects the distribution and runs its automatic response" });
    return issues;
  }
  if (decisions.webAcl !== "none") return issues;
  if (shield.layer7Mitigation === "anti-ddos-rule-group") {
    issues.push({ path: ["layer7Mitigation"], input: shield.layer7Mitigation, message: 'allowed: "none" under governance.model centralized: the stack has no web ACL to hold the Anti-DDoS group (ask for it in the central policy)' });
  }
  if (shield.srtAccess.enabled && shield.srtAccess.shareWafLogBucket) {
    issues.push({ path: ["srtAccess", "shareWafLogBucket"], input: true, message: "false under governance.model centralized: the web ACL and its logs are Firewall Manager's (grant the SRT the central log bucket there)" });
  }
  return issues;
}
