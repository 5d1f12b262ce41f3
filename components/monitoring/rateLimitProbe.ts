/**
 * The opt-in rate-limit probe: a rate-based rule that only counts requests carrying the stack's probe token
 * in one header, with the lowest limit AWS WAF allows (10 per 60 s) and the web ACL's usual 429. `npm run verify
 * -- --rate-limit-probe` drives it to prove that rate limiting answers 429 end to end. It always blocks, also in
 * count rollout: no request without the token can ever match it. A pure builder in the WAF's neutral rule shape;
 * the WAF module places it (see the report for the wiring).
 */
import { createHash } from "node:crypto";
import { flag, strictObject, text } from "../shared/schema/fields";
import { rateLimited } from "../waf/buildWafRules";
import type { WafRule } from "../waf/wafRule";

export const PROBE_RULE_NAME = "rate-limit-probe";
/** AWS WAF's minimum rate limit and shortest evaluation window (rate-based rule statement). */
export const PROBE_LIMIT = 10;
export const PROBE_WINDOW_SEC = 60;
/** After the URI rules (9,100-9,190), before the blanket rule (9,900): see components/waf/priorities.ts. */
export const PROBE_PRIORITY = 9800;
/** Rate-based rule (2) + a single-header string match without transformation (2). */
export const PROBE_RULE_WCU = 4;

export const rateLimitProbeSchema = strictObject({
  enabled: flag().default(false),
  /** The header that carries the token; lowercase, as AWS WAF matches single headers. */
  headerName: text(/^x-[a-z0-9-]{1,38}$/, "allowed: x- and 1-38 lowercase letters, digits or -").default("x-edge-rate-probe"),
});

export interface RateLimitProbe {
  readonly headerName: string;
  readonly token: string;
  readonly limit: number;
  readonly windowSec: number;
  readonly ruleName: string;
}

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

/** The rule, per client IP, scoped to `headerName: token` exactly; 429 JSON with `Retry-After: 60`. */
export function rateLimitProbeRule<A>(probe: RateLimitProbe): WafRule<A> {
  return {
    name: probe.ruleName,
    priority: PROBE_PRIORITY,
    metricName: probe.ruleName,
    source: ["monitoring", "rateLimitProbe"],
    statement: {
      type: "rateBased",
      limit: probe.limit,
      windowSec: probe.windowSec,
      aggregation: "IP",
      customKeys: [],
      scopeDown: { type: "byteMatch", field: { kind: "singleHeader", name: probe.headerName }, positional: "EXACTLY", search: probe.token, transforms: [] },
    },
    action: rateLimited(probe.windowSec),
  };
}
