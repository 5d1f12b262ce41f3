import { oneOf, Problems } from "../shared/validation";
import { isWafCountryCode, WAF_COUNTRY_CODES } from "./countryCodes";
import { readBool, readEnum, readInt, readList, readObject, readString, required } from "./parseHelpers";
import { PRIORITY } from "./priorities";
import { CustomRuleAction, CustomRuleSettings, HeaderOperator, HTTP_METHODS, HttpMethod, LabelScope, MatchSpec } from "./types";
import { isValidWafName } from "./visibility";
import { isWafPath, WAF_PATH_ALLOWED } from "./wafPath";
import { didYouMean } from "./didYouMean";
import { AWS_MANAGED_LABEL_PREFIX, labelOwner, MANAGED_RULE_CATALOGUE } from "./managedRuleCatalogue";

/** What the provider's single_header name accepts (lowercase letters, digits, _ and -, at most 40). */
const HEADER_NAME = /^[a-z0-9_-]{1,40}$/;
const LABEL_KEY = /^[0-9A-Za-z_:-]{1,1024}$/;
const MATCH_KEYS = ["pathPrefix", "methods", "header", "countries", "label", "bodyLargerThan", "negate"] as const;

export function isHttpMethod(value: unknown): value is HttpMethod {
  return (HTTP_METHODS as readonly unknown[]).includes(value);
}

export function isCountry(value: unknown): value is string {
  return isWafCountryCode(value);
}

/** Parses a request condition (custom rule `match`, managed group `scopeDown`). */
export function parseMatchSpec(problems: Problems, field: string, raw: unknown): MatchSpec | undefined {
  const o = readObject(problems, field, raw, MATCH_KEYS);
  if (!o) {
    required(problems, field, raw, `an object with at least one of ${MATCH_KEYS.slice(0, 6).join(", ")}`);
    return undefined;
  }
  const pathPrefix = readPath(problems, `${field}.pathPrefix`, o.pathPrefix);
  const methods = readList(problems, `${field}.methods`, o.methods, isHttpMethod, oneOf(HTTP_METHODS));
  const countries = readList(problems, `${field}.countries`, o.countries, isCountry, `an ISO 3166-1 alpha-2 country code AWS WAF knows, e.g. ${WAF_COUNTRY_CODES.slice(0, 3).join(", ")}`);
  const header = parseHeader(problems, `${field}.header`, o.header);
  const label = parseLabel(problems, `${field}.label`, o.label);
  const bodyLargerThan = o.bodyLargerThan === undefined ? undefined : readInt(problems, `${field}.bodyLargerThan`, o.bodyLargerThan, 0, 21_474_836_480, 0);
  const negate = readBool(problems, `${field}.negate`, o.negate, false);
  const spec: MatchSpec = {
    ...(pathPrefix !== undefined ? { pathPrefix } : {}),
    ...(methods.length > 0 ? { methods } : {}),
    ...(header ? { header } : {}),
    ...(countries.length > 0 ? { countries } : {}),
    ...(label ? { label } : {}),
    ...(bodyLargerThan !== undefined ? { bodyLargerThan } : {}),
    negate,
  };
  const given = MATCH_KEYS.slice(0, 6).some((k) => o[k] !== undefined);
  problems.check(given, field, raw, `at least one condition: ${MATCH_KEYS.slice(0, 6).join(", ")}`);
  return spec;
}

/** A path in the form `isWafPath` admits; `undefined` when absent or wrong (the problem is recorded). */
export function readPath(problems: Problems, field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return problems.check(isWafPath(value), field, value, WAF_PATH_ALLOWED) ? (value as string) : undefined;
}

function parseHeader(problems: Problems, field: string, raw: unknown): MatchSpec["header"] {
  const o = readObject(problems, field, raw, ["name", "value", "operator"]);
  if (!o) return undefined;
  const lower = typeof o.name === "string" ? o.name.toLowerCase() : o.name;
  const name = readString(problems, `${field}.name`, lower, HEADER_NAME, "a header name of lowercase letters, digits, _ or -, at most 40 characters");
  required(problems, `${field}.name`, o.name, "a header name");
  // AWS counts the 200 in bytes, so non-ASCII text reaches it sooner.
  const value = readString(problems, `${field}.value`, o.value, /^[\s\S]{1,200}$/, "a string of 1 to 200 bytes");
  if (value !== undefined) problems.check(Buffer.byteLength(value) <= 200, `${field}.value`, value, "a string of 1 to 200 bytes");
  required(problems, `${field}.value`, o.value, "the value to compare");
  const operator = readEnum<HeaderOperator>(problems, `${field}.operator`, o.operator, ["EXACTLY", "STARTS_WITH", "ENDS_WITH", "CONTAINS"], "EXACTLY");
  return name !== undefined && value !== undefined ? { name, value, operator } : undefined;
}

function parseLabel(problems: Problems, field: string, raw: unknown): MatchSpec["label"] {
  const o = readObject(problems, field, raw, ["key", "scope"]);
  if (!o) return undefined;
  const key = readString(problems, `${field}.key`, o.key, LABEL_KEY, "a label or namespace of letters, digits, _, : or -");
  required(problems, `${field}.key`, o.key, "a label or namespace");
  const scope = readEnum<LabelScope>(problems, `${field}.scope`, o.scope, ["LABEL", "NAMESPACE"], "LABEL");
  if (key !== undefined) checkManagedLabel(problems, `${field}.key`, key);
  return key !== undefined ? { key, scope } : undefined;
}

/** A label under `awswaf:managed:aws:` must lie in a catalogue group's namespace (labels are case-sensitive). */
export function checkManagedLabel(problems: Problems, field: string, key: string): void {
  if (!key.startsWith(AWS_MANAGED_LABEL_PREFIX) || labelOwner(key)) return;
  const namespaces = MANAGED_RULE_CATALOGUE.map((g) => g.labelNamespace);
  problems.add(field, key, `a label in an AWS managed group's namespace; ${didYouMean(key.split(":").slice(0, 4).join(":") + ":", namespaces)}`);
}

/** Application rules, between the baseline groups and the rate-based rules. */
export function parseCustomRules(problems: Problems, field: string, raw: unknown): CustomRuleSettings[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(field, raw, "a list of rules { name, priority, action, match }");
    return [];
  }
  const rules: CustomRuleSettings[] = [];
  raw.forEach((item, i) => {
    const at = `${field}[${i}]`;
    const o = readObject(problems, at, item, ["name", "priority", "action", "match"]);
    if (!o) return problems.add(at, item, "a rule { name, priority, action, match }");
    const name = isValidWafName(o.name) ? o.name : undefined;
    problems.check(name !== undefined, `${at}.name`, o.name, "required; letters, digits, - or _, at most 128 characters");
    const priority = o.priority === undefined ? PRIORITY.appStart + i * PRIORITY.appStep : o.priority;
    const inRange = isAppPriority(priority);
    problems.check(
      inRange,
      `${at}.priority`,
      priority,
      `an integer from ${PRIORITY.appStart} to ${PRIORITY.appEnd}; other priorities are reserved (0-999 access control and managed groups, 9000-9999 rate rules, ${PRIORITY.shieldMitigation} Shield)`,
    );
    const action = readEnum<CustomRuleAction>(problems, `${at}.action`, o.action, ["allow", "block", "count"], "block");
    required(problems, `${at}.action`, o.action, oneOf(["allow", "block", "count"]));
    const match = parseMatchSpec(problems, `${at}.match`, o.match);
    if (name !== undefined && isAppPriority(priority) && match) rules.push({ name, priority, action, match });
  });
  return rules;
}

function isAppPriority(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= PRIORITY.appStart && value <= PRIORITY.appEnd;
}
