/**
 * Who owns web application protection, after AWS's "Operating models for Web App Security Governance in
 * AWS" (https://aws.amazon.com/blogs/architecture/operating-models-for-web-app-security-governance-in-aws/):
 * - `distributed`: each app team owns its web ACL as code; the security team watches through AWS Config;
 * - `hybrid`: the security team's Firewall Manager policy runs the first and last rule groups of every web
 *   ACL in scope; app teams keep their own web ACL with their rules in between;
 * - `centralized`: the security team's Firewall Manager policy owns the whole web ACL; app teams author no WAF.
 */
export const GOVERNANCE_MODELS = ["distributed", "hybrid", "centralized"] as const;
export type GovernanceModel = (typeof GOVERNANCE_MODELS)[number];

/** What Firewall Manager's Shield Advanced policy does at layer 7; `none`: the security team runs no such policy. */
export const CENTRAL_SHIELD_RESPONSES = ["COUNT", "BLOCK", "none"] as const;
export type CentralShieldResponse = (typeof CENTRAL_SHIELD_RESPONSES)[number];
