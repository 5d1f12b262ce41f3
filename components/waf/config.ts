import { parseArn } from "../shared/arn";
import { EDGE_REGION } from "../shared/region";
import { isPlainObject, Problems } from "../shared/validation";
import { buildWafRules } from "./buildWafRules";
import { cidrVersion } from "./cidr";
import { isWafCountryCode } from "./countryCodes";
import { ANONYMOUS_IP_LIST, IP_REPUTATION_LIST } from "./managedRuleGroups";
import { readBool, readEnum, readInt, readList, readObject, required } from "./parseHelpers";
import { parseLogging } from "./parseLogging";
import { parseManagedGroups } from "./parseManagedGroups";
import { parseCustomRules } from "./parseMatch";
import { parseRateLimits } from "./parseRateLimits";
import { BodyInspectionLimit, BodySizeSettings, INSPECTION_LIMIT_BYTES, ManagedWafSettings, WafContext, WafRolloutMode, WafSettings } from "./types";
import { validateWafRules } from "./validateWafRules";
import { isWafPath, WAF_PATH_ALLOWED } from "./wafPath";
import { IpSetArns } from "./wafRule";
import { AUTOMATIC_RESPONSE_WCU } from "../shield/settings";

/** The WCU the base price covers, the hard maximum, and Shield's automatic-mitigation group. */
export const BASE_CAPACITY = 1500;
export const MAX_CAPACITY = 5000;
/** AWS's limit of addresses per IP set. */
export const MAX_IP_SET_ADDRESSES = 10_000;

const MANAGED_KEYS = ["mode", "managedRuleGroups", "bodySize", "bodyInspectionLimit", "rateLimits", "ipSets", "geo", "customRules", "logging", "capacity"];
const TOP_KEYS = ["enabled", "existingWebAclArn", ...MANAGED_KEYS];
const WEB_ACL_ARN = /^global\/webacl\/[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9-]{1,128}$/;

/** Placeholder ARNs so the parser can build (and budget) the exact rules before the IP sets exist. */
export const PLACEHOLDER_IP_SET_ARNS: IpSetArns<string> = {
  allowIpv4: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/allow-ipv4/00000000-0000-0000-0000-000000000001`,
  allowIpv6: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/allow-ipv6/00000000-0000-0000-0000-000000000002`,
  denyIpv4: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/deny-ipv4/00000000-0000-0000-0000-000000000003`,
  denyIpv6: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/deny-ipv6/00000000-0000-0000-0000-000000000004`,
};

/** Whether `value` is a CLOUDFRONT-scope web ACL ARN (us-east-1, `global/webacl/<name>/<id>`). */
export function isCloudFrontWebAclArn(value: unknown): value is string {
  const arn = parseArn(value);
  return !!arn && arn.service === "wafv2" && arn.region === EDGE_REGION && /^\d{12}$/.test(arn.account) && WEB_ACL_ARN.test(arn.resource);
}

/**
 * Parses the `waf` config section: applies the defaults, records every problem in `problems`
 * (the caller throws once for the whole stack) and returns best-effort settings.
 */
export function parseWafConfig(raw: unknown, problems: Problems, context: WafContext, field = "waf"): WafSettings {
  if (raw !== undefined && !isPlainObject(raw)) problems.add(field, raw, "an object (the edge-security:waf config key)");
  const o = readObject(problems, field, isPlainObject(raw) ? raw : undefined, TOP_KEYS) ?? {};
  if (!readBool(problems, `${field}.enabled`, o.enabled, true)) return { kind: "disabled" };
  if (o.existingWebAclArn !== undefined) {
    problems.check(
      isCloudFrontWebAclArn(o.existingWebAclArn),
      `${field}.existingWebAclArn`,
      o.existingWebAclArn,
      `a CLOUDFRONT web ACL ARN: arn:aws:wafv2:${EDGE_REGION}:<account>:global/webacl/<name>/<id>`,
    );
    for (const key of MANAGED_KEYS.filter((k) => o[k] !== undefined)) {
      problems.add(`${field}.${key}`, o[key], "nothing: existingWebAclArn reuses a web ACL, so its rules are managed elsewhere (use one or the other)");
    }
    return { kind: "existing", existingWebAclArn: String(o.existingWebAclArn) };
  }

  const managedRuleGroups = parseManagedGroups(problems, `${field}.managedRuleGroups`, o.managedRuleGroups, context);
  const logging = parseLogging(problems, `${field}.logging`, o.logging);
  const bodyInspectionLimit = readEnum<BodyInspectionLimit>(problems, `${field}.bodyInspectionLimit`, o.bodyInspectionLimit, ["KB_16", "KB_32", "KB_48", "KB_64"], "KB_16");
  const settings: ManagedWafSettings = {
    kind: "managed",
    mode: readEnum<WafRolloutMode>(problems, `${field}.mode`, o.mode, ["enforce", "count"], "enforce"),
    managedRuleGroups,
    bodySize: parseBodySize(problems, `${field}.bodySize`, o.bodySize, bodyInspectionLimit),
    bodyInspectionLimit,
    rateLimits: parseRateLimits(problems, `${field}.rateLimits`, o.rateLimits),
    ipSets: parseIpSets(problems, `${field}.ipSets`, o.ipSets),
    ...parseGeo(problems, `${field}.geo`, o.geo),
    customRules: parseCustomRules(problems, `${field}.customRules`, o.customRules),
    ...(logging ? { logging } : {}),
    capacity: parseCapacity(problems, `${field}.capacity`, o.capacity, context),
  };
  const names = managedRuleGroups.map((g) => g.name);
  if (settings.rateLimits.ipReputation) {
    problems.check(
      names.includes(IP_REPUTATION_LIST) || names.includes(ANONYMOUS_IP_LIST),
      `${field}.rateLimits.ipReputation`,
      settings.rateLimits.ipReputation,
      `enabled only with ${IP_REPUTATION_LIST} or ${ANONYMOUS_IP_LIST}, whose labels it rate-limits (or set enabled: false)`,
    );
  }
  validateWafRules(buildWafRules(settings, PLACEHOLDER_IP_SET_ARNS), settings.capacity, problems, field);
  return settings;
}

function parseBodySize(problems: Problems, field: string, raw: unknown, limit: BodyInspectionLimit): BodySizeSettings {
  const o = readObject(problems, field, raw, ["action", "maxBytes", "allowedPaths"]) ?? {};
  if (o.action === "paths") problems.add(`${field}.action`, o.action, "block or count: paths was replaced, allowedPaths now exempts paths from the block");
  const action = o.action === "paths" ? "block" : readEnum(problems, `${field}.action`, o.action, ["block", "count"] as const, "block");
  const limitBytes = INSPECTION_LIMIT_BYTES[limit];
  const beyond = typeof o.maxBytes === "number" && o.maxBytes > limitBytes;
  if (beyond) problems.add(`${field}.maxBytes`, o.maxBytes, `at most ${limitBytes}, the bodyInspectionLimit ${limit}: WAF sees no more of a body; raise bodyInspectionLimit (up to KB_64) or use allowedPaths`);
  const maxBytes = beyond ? limitBytes : readInt(problems, `${field}.maxBytes`, o.maxBytes, 0, limitBytes, limitBytes);
  const allowedPaths = readList(problems, `${field}.allowedPaths`, o.allowedPaths, isWafPath, WAF_PATH_ALLOWED);
  return { action, maxBytes, allowedPaths };
}

function parseIpSets(problems: Problems, field: string, raw: unknown): ManagedWafSettings["ipSets"] {
  const o = readObject(problems, field, raw, ["allow", "deny"]) ?? {};
  const isCidr = (c: unknown): c is string => cidrVersion(c) !== undefined;
  const list = (key: "allow" | "deny") => {
    const cidrs = readList(problems, `${field}.${key}`, o[key], isCidr, "an IPv4 or IPv6 CIDR block such as 192.0.2.0/24 or 2001:db8::/32");
    for (const version of ["IPV4", "IPV6"]) {
      const count = cidrs.filter((c) => cidrVersion(c) === version).length;
      problems.check(count <= MAX_IP_SET_ADDRESSES, `${field}.${key}`, count, `at most ${MAX_IP_SET_ADDRESSES} ${version} blocks per IP set`);
    }
    return [...new Set(cidrs)];
  };
  return { allow: list("allow"), deny: list("deny") };
}

function parseGeo(problems: Problems, field: string, raw: unknown): Pick<ManagedWafSettings, "geo"> {
  const o = readObject(problems, field, raw, ["mode", "countries"]);
  if (!o) return {};
  const mode = readEnum(problems, `${field}.mode`, o.mode, ["block", "allow"] as const, "block");
  required(problems, `${field}.mode`, o.mode, "block (these countries) or allow (only these countries)");
  const countries = readList(problems, `${field}.countries`, o.countries, isWafCountryCode, "an ISO 3166-1 alpha-2 country code AWS WAF knows, e.g. US, DE, JP");
  problems.check(countries.length > 0, `${field}.countries`, o.countries, "at least one country code");
  return countries.length > 0 ? { geo: { mode, countries } } : {};
}

function parseCapacity(problems: Problems, field: string, raw: unknown, context: WafContext): ManagedWafSettings["capacity"] {
  const o = readObject(problems, field, raw, ["limit", "acceptExtraFees"]) ?? {};
  const limit = readInt(problems, `${field}.limit`, o.limit, 1, MAX_CAPACITY, BASE_CAPACITY);
  const acceptExtraFees = readBool(problems, `${field}.acceptExtraFees`, o.acceptExtraFees, false);
  problems.check(limit <= BASE_CAPACITY || acceptExtraFees, `${field}.limit`, limit, `at most ${BASE_CAPACITY}, or set capacity.acceptExtraFees: true (AWS charges for WCU above ${BASE_CAPACITY}; maximum ${MAX_CAPACITY})`);
  return { limit, reserve: context.shieldMitigation === "automatic-response" ? AUTOMATIC_RESPONSE_WCU : 0 };
}
