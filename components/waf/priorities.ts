/**
 * Priority layout of the web ACL (lower runs first; docs/aws-facts.md, "WAF evaluates a web ACL's rules"). Access control and the body size, then every rate-based
 * rule that reads no labels, then the managed groups, then the rate rules that read the groups' labels, then
 * application rules; Shield Advanced's automatic-mitigation rule group sits at 10,000,000 and nothing may use it.
 *
 * Rate rules run before anything that can `allow`: under its limit a rate rule ends nothing (evaluation goes on),
 * while a matching `allow` (an application rule, or a group rule overridden to allow) ends evaluation, so a rate
 * rule after it would never count what it allowed. The bands hold the 10 rate rules AWS allows (MAX_RATE_RULES)
 * in any mix without a clash: at most 10 URI rules (the schema's cap), the probe and the blanket rule after them.
 */
export const PRIORITY = {
  allowIpSet: 0,
  denyIpSet: 10,
  geo: 20,
  /** Before the groups, as AWS advises for oversize bodies, and before any allow rule of the application. */
  bodySize: 30,
  /** URI-specific rate rules that read no labels, in list order: 100, 110 ... 190. */
  rateUriStart: 100,
  rateUriStep: 10,
  /** The monitoring's rate-limit probe (buildWafRules' rateLimitProbeRule), after the URI rules, before the blanket rule. */
  rateLimitProbe: 195,
  rateBlanket: 199,
  /** Managed groups: 200, 210, 220 ... */
  managedStart: 200,
  managedStep: 10,
  /** URI-specific rate rules keyed on a label namespace, in list order: 900, 910 ... 990, after the groups that add the labels. */
  rateLabelledUriStart: 900,
  /** After the groups whose labels it reads. */
  rateIpReputation: 995,
  /** Application rules: 1,000 to 8,999; default 1,000 + 10 x index. */
  appStart: 1000,
  appEnd: 8999,
  appStep: 10,
  shieldMitigation: 10_000_000,
} as const;

/** AWS allows at most 10 rate-based rules per web ACL. */
export const MAX_RATE_RULES = 10;
