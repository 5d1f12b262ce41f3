/**
 * The opt-in rate-limit probe: a rate-based rule that only counts requests carrying the stack's probe token
 * in one header, with the lowest limit AWS WAF allows (10 per 60 s) and the web ACL's usual 429. `npm run verify
 * -- --rate-limit-probe` drives it to prove that rate limiting answers 429 end to end. It always blocks, also in
 * count rollout: no request without the token can ever match it. The WAF places it: given in the WAF's context
 * (`wafSchema({ ..., rateLimitProbe })`), it is one of the web ACL's rules (components/waf/buildWafRules.ts).
 */
import { createHash } from "node:crypto";
import { flag, strictObject, text } from "../shared/schema/fields";
import { PRIORITY } from "../waf/priorities";
import type { RateLimitProbe } from "../waf/types";

export { rateLimitProbeRule } from "../waf/buildWafRules";
export type { RateLimitProbe } from "../waf/types";

export const PROBE_RULE_NAME = "rate-limit-probe";
/** AWS WAF's minimum rate limit and shortest evaluation window (rate-based rule statement). */
export const PROBE_LIMIT = 10;
export const PROBE_WINDOW_SEC = 60;
/** After the URI rules (9,100-9,190), before the blanket rule (9,900): see components/waf/priorities.ts. */
export const PROBE_PRIORITY = PRIORITY.rateLimitProbe;
/** Rate-based rule (2) + a single-header string match without transformation (2). */
export const PROBE_RULE_WCU = 4;

export const rateLimitProbeSchema = strictObject({
  enabled: flag().default(false),
  /** The header that carries the token; lowercase, as AWS WAF matches single headers. */
  headerName: text(/^x-[a-z0-9-]{1,38}$/, "allowed: x- and 1-38 lowercase letters, digits or -").default("x-edge-rate-probe"),
});

/**
 * The stack's token: stable for a project and stack, distinct between stacks. It scopes the rule, it guards
 * nothing (whoever sends it can only rate-limit their own requests), so it may appear in outputs.
 */
export function probeToken(project: string, stack: string): string {
  return createHash("sha256").update(`edge-security rate-limit probe\n${project}\n${stack}`).digest("hex").slice(0, 32);
}

export function rateLimitProbe(headerName: string, token: string): RateLimitProbe {
  return { headerName, token, limit: PROBE_LIMIT, windowSec: PROBE_WINDOW_SEC, ruleName: PROBE_RULE_NAME };
}

/** The probe a stack's monitoring settings put in its web ACL (none unless the section and the probe are on). */
export function configuredRateLimitProbe(
  settings: { readonly enabled: boolean; readonly rateLimitProbe: { readonly enabled: boolean; readonly headerName: string } },
  project: string,
  stack: string,
): RateLimitProbe | undefined {
  return settings.enabled && settings.rateLimitProbe.enabled ? rateLimitProbe(settings.rateLimitProbe.headerName, probeToken(project, stack)) : undefined;
}
