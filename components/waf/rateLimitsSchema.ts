/** The three layers of rate limiting: blanket per client, URI-specific, and IP reputation (scoped to reputation labels). */
import { z } from "zod";
import { choice, flag, intIn, listOf, strictObject, text, whenValid } from "../shared/schema/fields";
import { oneOf } from "../shared/validation";
import { labelField } from "./matchSchema";
import { MAX_RATE_RULES } from "./priorities";
import { EVALUATION_WINDOWS, HTTP_METHODS, RATE_ACTIONS } from "./types";
import { switchedOn, toggled, wafPathField } from "./wafFields";

export const DEFAULT_BLANKET_LIMIT = 2000;
export const DEFAULT_REPUTATION_LIMIT = 100;
/** RateBasedStatement Limit: 10 to 2,000,000,000 requests per evaluation window. */
const MAX_LIMIT = 2_000_000_000;
/** Header, query argument and cookie names of a custom aggregation key. */
const KEY_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const KEY_ALLOWED = "allowed: exactly one of { ip: true }, { header: name }, { queryArgument: name }, { cookie: name }, { labelNamespace: ns: }";
const AGGREGATION_ALLOWED = 'allowed: "IP", "CONSTANT" or { customKeys: [1 to 5 keys] }';

const limitField = intIn(10, MAX_LIMIT, `allowed: a whole number of requests from 10 to ${MAX_LIMIT}`);
const windowField = z.literal(EVALUATION_WINDOWS, { error: `${oneOf(EVALUATION_WINDOWS)} (seconds)` });
const actionField = choice(RATE_ACTIONS, " (a rate-based rule cannot allow)");

const keyName = (allowed: string) => text(KEY_NAME, allowed).optional();
const aggregationKeySchema = strictObject({
  ip: z.literal(true, { error: "allowed: true" }).optional(),
  header: z.string({ error: "allowed: a header name" }).toLowerCase().regex(KEY_NAME, { error: "allowed: a header name, at most 64 characters" }).optional(),
  queryArgument: keyName("allowed: a query argument name, at most 64 characters"),
  cookie: keyName("allowed: a cookie name, at most 64 characters"),
  labelNamespace: labelField(/^[0-9A-Za-z_:-]{1,1024}:$/, "allowed: a label namespace ending in :").optional(),
})
  .superRefine((key, ctx) => {
    if (Object.values(key).filter((v) => v !== undefined).length !== 1) ctx.addIssue({ code: "custom", path: [], input: key, message: KEY_ALLOWED });
  }, whenValid())
  .transform((key) => {
    if (key.header !== undefined) return { kind: "header" as const, name: key.header };
    if (key.queryArgument !== undefined) return { kind: "queryArgument" as const, name: key.queryArgument };
    if (key.cookie !== undefined) return { kind: "cookie" as const, name: key.cookie };
    if (key.labelNamespace !== undefined) return { kind: "labelNamespace" as const, namespace: key.labelNamespace };
    return { kind: "ip" as const };
  });
export type AggregationKey = z.output<typeof aggregationKeySchema>;

/**
 * `IP` (default), `CONSTANT` (only with a scope-down: `scoped`) or `{ customKeys }` (not on the blanket rule,
 * the per-IP backstop: a request that lacks a custom key is not counted by that rule at all). Behind
 * CloudFront the client IP is `IP`.
 */
function aggregationField(scoped: boolean) {
  const simple = z.enum(["IP", "CONSTANT"], {
    error: (issue) => (issue.input === "FORWARDED_IP" ? `${AGGREGATION_ALLOWED}: behind CloudFront a forwarded IP header can be spoofed; use IP` : AGGREGATION_ALLOWED),
  });
  const custom = strictObject({ customKeys: listOf(aggregationKeySchema, AGGREGATION_ALLOWED).min(1, { error: AGGREGATION_ALLOWED }).max(5, { error: AGGREGATION_ALLOWED }) });
  return z
    .union([simple, custom])
    .superRefine((aggregation, ctx) => {
      if (scoped) return;
      if (aggregation === "CONSTANT") {
        ctx.addIssue({ code: "custom", path: [], input: aggregation, message: 'allowed: "IP": CONSTANT aggregation needs a scope-down statement and this rule has none' });
      } else if (aggregation !== "IP") {
        const message = 'allowed: "IP": the blanket rule is the per-IP backstop, and a request that lacks a custom key is not counted by that rule at all (key a rateLimits.uri rule instead)';
        ctx.addIssue({ code: "custom", path: [], input: aggregation, message });
      }
    })
    .transform((aggregation) => (typeof aggregation === "string" ? { kind: aggregation } : { kind: "CUSTOM_KEYS" as const, keys: aggregation.customKeys }))
    .prefault("IP");
}

function rateFields(defaultLimit: number, scoped: boolean) {
  return { limit: limitField.default(defaultLimit), windowSec: windowField.default(300), aggregation: aggregationField(scoped), action: actionField.default("block") };
}

/** The blanket or reputation rule: `false`, `true` or settings; on by default. */
function rateRule(defaultLimit: number, scoped: boolean) {
  const settings = strictObject({ enabled: flag().default(true), ...rateFields(defaultLimit, scoped) });
  const defaults = () => settings.parse({});
  return toggled(settings, "allowed: false, or { enabled, limit, windowSec, aggregation, action }")
    .optional()
    .transform((given) => switchedOn(given, defaults, true));
}

/** A lower limit for one expensive or sensitive path: the rule `rate-uri-<name>`. */
const uriRuleSchema = strictObject({
  name: text(/^[A-Za-z0-9_-]{1,119}$/, "allowed: letters, digits, - or _, at most 119 characters (the rule is rate-uri-<name>)"),
  pathPrefix: wafPathField,
  /** Empty: every method. */
  methods: listOf(choice(HTTP_METHODS)).default([]),
  ...rateFields(DEFAULT_BLANKET_LIMIT, true),
  limit: limitField,
});

export const rateLimitsSchema = strictObject({
  blanket: rateRule(DEFAULT_BLANKET_LIMIT, false),
  // 11 URI rules exceed AWS's 10 rate rules whatever else is on; the cap also keeps them in their priority bands.
  uri: listOf(uriRuleSchema, "allowed: a list of { name, pathPrefix, methods, limit, windowSec, aggregation, action }")
    .max(MAX_RATE_RULES, { error: `allowed: at most ${MAX_RATE_RULES} rules: AWS allows ${MAX_RATE_RULES} rate-based rules per web ACL, blanket and ipReputation included` })
    .default([]),
  ipReputation: rateRule(DEFAULT_REPUTATION_LIMIT, true),
}).transform(({ blanket, uri, ipReputation }) => ({ ...(blanket ? { blanket } : {}), uri, ...(ipReputation ? { ipReputation } : {}) }));
export type RateLimitsInput = z.input<typeof rateLimitsSchema>;
export type RateLimitSettings = z.output<typeof rateLimitsSchema>;
export type UriRateRuleSettings = RateLimitSettings["uri"][number];
export type RateRuleSettings = Omit<UriRateRuleSettings, "name" | "pathPrefix" | "methods">;
export type RateAggregation = RateRuleSettings["aggregation"];
