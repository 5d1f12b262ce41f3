/**
 * The security team's own rule groups (`waf.customRuleGroups`): the few rules every edge gets, written once.
 * Each becomes an `aws.wafv2.RuleGroup` (CLOUDFRONT scope, us-east-1) whose capacity is the WCU estimate
 * of its rules. Allow rules are not offered: in a first rule group an allow ends evaluation before the app's rules.
 */
import { z } from "zod";
import { choice, intIn, listOf, strictObject, text } from "../../components/shared/schema/fields";
import { cidrVersion } from "../../components/waf/cidr";
import { isWafCountryCode } from "../../components/waf/countryCodes";
import { PATH_PREFIX } from "../../components/waf/parseMatch";
import { EVALUATION_WINDOWS, HTTP_METHODS } from "../../components/waf/types";

/** Rate-based rule bounds (AWS WAF Developer Guide, "Rate-based rule statement"): 10 to 2,000,000,000. */
const MIN_RATE = 10;
const MAX_RATE = 2_000_000_000;
/** AWS's limit of addresses per IP set. */
const MAX_IP_SET_ADDRESSES = 10_000;

export const GROUP_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const GROUP_NAME_TEXT = "allowed: 1-32 of a-z 0-9 -, starting with a letter";

const windowSec = z.number({ error: "allowed: 60, 120, 300 or 600 seconds" }).refine((v) => (EVALUATION_WINDOWS as readonly number[]).includes(v), {
  error: "allowed: 60, 120, 300 or 600 seconds",
});

export const centralRateRuleSchema = strictObject({
  /** The rule is `rate-<name>`. */
  name: text(/^[a-z0-9][a-z0-9-]{0,40}$/, "allowed: 1-41 of a-z 0-9 -"),
  limit: intIn(MIN_RATE, MAX_RATE, `allowed: a whole number of requests per window from ${MIN_RATE} to ${MAX_RATE}`),
  windowSec: windowSec.default(300),
  /** Only requests under this path (URL-decoded first); absent: every request. */
  pathPrefix: text(PATH_PREFIX, "allowed: a path prefix starting with /").optional(),
  methods: listOf(choice(HTTP_METHODS)).default([]),
  action: choice(["block", "count"]).default("block"),
});

const cidr = z.string({ error: "allowed: an IPv4 or IPv6 CIDR block such as 192.0.2.0/24 or 2001:db8::/32" }).refine((c) => cidrVersion(c) !== undefined, {
  error: "allowed: an IPv4 or IPv6 CIDR block such as 192.0.2.0/24 or 2001:db8::/32",
});
const country = z.string({ error: "allowed: an ISO 3166-1 alpha-2 country code AWS WAF knows, e.g. US, DE, JP" }).refine(isWafCountryCode, {
  error: "allowed: an ISO 3166-1 alpha-2 country code AWS WAF knows, e.g. US, DE, JP",
});

export const customRuleGroupSchema = strictObject({
  /** Addresses every edge refuses (403), IPv4 and IPv6 mixed; one IP set per version. */
  denyCidrs: listOf(cidr).default([]),
  geo: strictObject({ mode: choice(["block", "allow"]), countries: listOf(country).min(1, { error: "allowed: at least one country code" }) }).optional(),
  rateLimits: listOf(centralRateRuleSchema).default([]),
}).superRefine((group, ctx) => {
  if (group.denyCidrs.length === 0 && group.geo === undefined && group.rateLimits.length === 0) {
    ctx.addIssue({ code: "custom", path: [], message: "required: at least one rule (denyCidrs, geo or rateLimits); AWS WAF needs rules in a rule group" });
  }
  for (const version of ["IPV4", "IPV6"] as const) {
    const count = group.denyCidrs.filter((c) => cidrVersion(c) === version).length;
    if (count > MAX_IP_SET_ADDRESSES) ctx.addIssue({ code: "custom", path: ["denyCidrs"], message: `at most ${MAX_IP_SET_ADDRESSES} ${version} blocks per IP set` });
  }
  const seen = new Set<string>();
  group.rateLimits.forEach((rule, index) => {
    if (seen.has(rule.name)) ctx.addIssue({ code: "custom", path: ["rateLimits", index, "name"], message: `allowed: a name no other rate limit of this group uses` });
    seen.add(rule.name);
  });
});

export type CustomRuleGroupSettings = z.output<typeof customRuleGroupSchema>;
export type CentralRateRule = z.output<typeof centralRateRuleSchema>;
export const groupName = text(GROUP_NAME, GROUP_NAME_TEXT);
