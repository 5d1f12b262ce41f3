/**
 * Priority layout of the web ACL (lower runs first). Access control and the body size, then every rate-based
 * rule that reads no labels, then the managed groups, then the rate rules that read the groups' labels, then
 * application rules; Shield Advanced's automatic-mitigation rule group sits at 10,000,000 and nothing may use it.
 *
 * Rate rules run before anything that can `allow`: under its limit a rate rule ends nothing (evaluation goes on),
 * while a matching `allow` (an application rule, or a group rule overridden to allow) ends evaluation, so a rate
 * rule after it would never count what it allowed. The Anti-DDoS group still sees every request under the
 * per-client limits.
 */
export const PRIORITY = {
  allowIpSet: 0,
  denyIpSet: 10,
  geo: 20,
  /** Before the groups, as AWS advises for oversize bodies, and before any allow rule of the application. */
  bodySize: 30,
  /** URI-specific rate rules that read no labels: 100, 110 ... (at most 9: 10 rate rules in all, the blanket one among them). */
  rateUriStart: 100,
  rateUriStep: 10,
  rateBlanket: 190,
  /** Managed groups: 200, 210, 220 ... */
  managedStart: 200,
  managedStep: 10,
  /** After the groups whose labels it reads. */
  rateIpReputation: 900,
  /** URI-specific rate rules keyed on a label namespace: 910, 920 ... after the groups that add the labels. */
  rateLabelledUriStart: 910,
  /** Application rules: 1,000 to 8,999; default 1,000 + 10 x index. */
  appStart: 1000,
  appEnd: 8999,
  appStep: 10,
  shieldMitigation: 10_000_000,
} as const;

/** AWS allows at most 10 rate-based rules per web ACL. */
export const MAX_RATE_RULES = 10;
