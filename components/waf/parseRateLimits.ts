import { isPlainObject, oneOf, Problems } from "../shared/validation";
import { checkManagedLabel, isHttpMethod, readPath } from "./parseMatch";
import { readBool, readEnum, readInt, readList, readObject, required } from "./parseHelpers";
import {
  AggregationKey,
  EVALUATION_WINDOWS,
  EvaluationWindowSec,
  HTTP_METHODS,
  ManagedWafSettings,
  RateAction,
  RateAggregation,
  RateRuleSettings,
  UriRateRuleSettings,
} from "./types";
import { isValidWafName } from "./visibility";

export const DEFAULT_BLANKET_LIMIT = 2000;
export const DEFAULT_REPUTATION_LIMIT = 100;
const RATE_KEYS = ["enabled", "limit", "windowSec", "aggregation", "action"] as const;
const MAX_LIMIT = 2_000_000_000;
const KEY_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;

/** The three layers: blanket per client, URI-specific, and IP reputation (scoped to reputation labels). */
export function parseRateLimits(problems: Problems, field: string, raw: unknown): ManagedWafSettings["rateLimits"] {
  const o = readObject(problems, field, raw, ["blanket", "uri", "ipReputation"]) ?? {};
  const blanket = parseRateRule(problems, `${field}.blanket`, o.blanket, DEFAULT_BLANKET_LIMIT, false);
  const ipReputation = parseRateRule(problems, `${field}.ipReputation`, o.ipReputation, DEFAULT_REPUTATION_LIMIT, true);
  return {
    ...(blanket ? { blanket } : {}),
    uri: parseUriRules(problems, `${field}.uri`, o.uri),
    ...(ipReputation ? { ipReputation } : {}),
  };
}

/** One rate rule with defaults; `undefined` when disabled. */
function parseRateRule(problems: Problems, field: string, raw: unknown, defaultLimit: number, hasScopeDown: boolean): RateRuleSettings | undefined {
  if (raw === false) return undefined;
  const o = readObject(problems, field, raw, RATE_KEYS) ?? {};
  if (!readBool(problems, `${field}.enabled`, o.enabled, true)) return undefined;
  return rateFields(problems, field, o, defaultLimit, hasScopeDown);
}

function rateFields(problems: Problems, field: string, o: Record<string, unknown>, defaultLimit: number, hasScopeDown: boolean): RateRuleSettings {
  return {
    limit: readInt(problems, `${field}.limit`, o.limit, 10, MAX_LIMIT, defaultLimit),
    windowSec: readEnum<EvaluationWindowSec>(problems, `${field}.windowSec`, o.windowSec, EVALUATION_WINDOWS, 300),
    aggregation: parseAggregation(problems, `${field}.aggregation`, o.aggregation, hasScopeDown),
    action: readEnum<RateAction>(problems, `${field}.action`, o.action, ["block", "count"], "block"),
  };
}

function parseUriRules(problems: Problems, field: string, raw: unknown): UriRateRuleSettings[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(field, raw, "a list of { name, pathPrefix, methods, limit, windowSec, aggregation, action }");
    return [];
  }
  const rules: UriRateRuleSettings[] = [];
  raw.forEach((item, i) => {
    const at = `${field}[${i}]`;
    const o = readObject(problems, at, item, ["name", "pathPrefix", "methods", ...RATE_KEYS.slice(1)]);
    if (!o) return problems.add(at, item, "a rule { name, pathPrefix, limit }");
    const name = isValidWafName(o.name) && o.name.length <= 119 ? o.name : undefined;
    problems.check(name !== undefined, `${at}.name`, o.name, "required; letters, digits, - or _, at most 119 characters (the rule is rate-uri-<name>)");
    const pathPrefix = readPath(problems, `${at}.pathPrefix`, o.pathPrefix);
    required(problems, `${at}.pathPrefix`, o.pathPrefix, "a path prefix such as /pets");
    required(problems, `${at}.limit`, o.limit, "an integer of at least 10");
    const methods = readList(problems, `${at}.methods`, o.methods, isHttpMethod, oneOf(HTTP_METHODS));
    const rate = rateFields(problems, at, o, DEFAULT_BLANKET_LIMIT, true);
    if (name !== undefined && pathPrefix !== undefined) rules.push({ name, pathPrefix, methods, ...rate });
  });
  return rules;
}

/** `IP` (default), `CONSTANT` (needs a scope-down) or `{ customKeys: [...] }`. */
function parseAggregation(problems: Problems, field: string, raw: unknown, hasScopeDown: boolean): RateAggregation {
  if (raw === undefined || raw === "IP") return { kind: "IP" };
  if (raw === "CONSTANT") {
    problems.check(hasScopeDown, field, raw, "IP or customKeys: CONSTANT aggregation needs a scope-down statement and this rule has none");
    return { kind: "CONSTANT" };
  }
  if (raw === "FORWARDED_IP") {
    problems.add(field, raw, "IP, CONSTANT or { customKeys }: behind CloudFront a forwarded IP header can be spoofed; use IP");
    return { kind: "IP" };
  }
  const o = isPlainObject(raw) ? readObject(problems, field, raw, ["customKeys"]) : undefined;
  if (!o || !Array.isArray(o.customKeys) || o.customKeys.length < 1 || o.customKeys.length > 5) {
    problems.add(isPlainObject(raw) ? `${field}.customKeys` : field, isPlainObject(raw) ? raw.customKeys : raw, 'IP, CONSTANT or { customKeys: [1 to 5 keys] }');
    return { kind: "IP" };
  }
  const keys = o.customKeys
    .map((k, i) => parseKey(problems, `${field}.customKeys[${i}]`, k))
    .filter((k): k is AggregationKey => k !== undefined);
  return keys.length === o.customKeys.length ? { kind: "CUSTOM_KEYS", keys } : { kind: "IP" };
}

const KEY_ALLOWED = "exactly one of { ip: true }, { header: name }, { queryArgument: name }, { cookie: name }, { labelNamespace: ns: }";

function parseKey(problems: Problems, field: string, raw: unknown): AggregationKey | undefined {
  const entries = isPlainObject(raw) ? Object.entries(raw) : [];
  if (entries.length !== 1) return void problems.add(field, raw, KEY_ALLOWED);
  const [kind, value] = entries[0];
  if (kind === "ip" && value === true) return { kind: "ip" };
  if ((kind === "header" || kind === "queryArgument" || kind === "cookie") && typeof value === "string" && KEY_NAME.test(value)) {
    return { kind, name: kind === "header" ? value.toLowerCase() : value };
  }
  if (kind === "labelNamespace" && typeof value === "string" && /^[0-9A-Za-z_:-]{1,1024}:$/.test(value)) {
    checkManagedLabel(problems, `${field}.${kind}`, value);
    return { kind, namespace: value };
  }
  return void problems.add(`${field}.${kind}`, value, KEY_ALLOWED);
}
