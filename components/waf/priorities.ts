/**
 * Priority layout of the web ACL (lower runs first). Access control, then the baseline managed
 * groups, then application rules, then rate-based rules; Shield Advanced's automatic-mitigation
 * rule group sits at 10,000,000 and nothing may use it.
 */
export const PRIORITY = {
  allowIpSet: 0,
  denyIpSet: 10,
  geo: 20,
  /** Before the groups, as AWS advises for oversize bodies, and before any allow rule of the application. */
  bodySize: 30,
  /** Managed groups: 100, 110, 120 ... */
  managedStart: 100,
  managedStep: 10,
  /** Application rules: 1,000 to 8,999; default 1,000 + 10 x index. */
  appStart: 1000,
  appEnd: 8999,
  appStep: 10,
  rateIpReputation: 9000,
  /** URI-specific rate rules: 9,100, 9,110 ... */
  rateUriStart: 9100,
  rateUriStep: 10,
  /** The monitoring's rate-limit probe (rateLimitProbeRule.ts), after the URI rules, before the blanket rule. */
  rateLimitProbe: 9800,
  rateBlanket: 9900,
  shieldMitigation: 10_000_000,
} as const;

/** AWS allows at most 10 rate-based rules per web ACL. */
export const MAX_RATE_RULES = 10;
