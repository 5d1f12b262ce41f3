import { isPlainObject, oneOf, Problems } from "../shared/validation";
import { didYouMean } from "./didYouMean";
import { MANAGED_GROUP_NAMES, managedGroupFacts, ManagedRuleGroupFacts } from "./managedRuleCatalogue";
import { ANTI_DDOS_RULE_SET, BODY_SIZE_RULE, BOT_CONTROL_RULE_SET, CORE_RULE_SET, DEFAULT_MANAGED_GROUPS, MANAGED_GROUP_ORDER } from "./managedRuleGroups";
import { readBool, readEnum, readInt, readObject, readString } from "./parseHelpers";
import { parseMatchSpec } from "./parseMatch";
import { GroupOverrideAction, ManagedGroupConfig, ManagedGroupSettings, RuleOverrideAction, WafContext } from "./types";
import { isValidWafName } from "./visibility";

const GROUP_KEYS = ["enabled", "vendor", "version", "overrideAction", "ruleActionOverrides", "scopeDown", "wcu", "inspectionLevel", "challenge", "sensitivityToBlock"];
const VERSION = /^Version_\d+(\.\d+)*$/;
const OVERRIDE_ACTIONS: readonly RuleOverrideAction[] = ["allow", "block", "count"];
/** VendorName: 1 to 128 characters with at least one that is not a space (API ManagedRuleGroupStatement). */
const VENDOR = /^(?=.*\S)[\s\S]{1,128}$/;
const AWS = "AWS";

/**
 * `managedRuleGroups` is a map from rule group name to `true`, `false` or settings. AWS groups
 * must be in the catalogue, with rule names it knows; a third-party group names its `vendor` and
 * gives its `wcu`. Defaults are on unless set to `false`; others are opt-in. Shield's `anti-ddos-rule-group` mitigation adds the
 * Anti-DDoS group. Returns the enabled groups in evaluation order.
 */
export function parseManagedGroups(problems: Problems, field: string, raw: unknown, context: WafContext): ManagedGroupSettings[] {
  const map: Record<string, unknown> = {};
  if (raw !== undefined && !isPlainObject(raw)) problems.add(field, raw, "a map of AWS managed rule group name to true, false or settings");
  else Object.assign(map, raw);
  const wanted = new Map<string, unknown>();
  for (const name of DEFAULT_MANAGED_GROUPS) wanted.set(name, true);
  for (const [name, value] of Object.entries(map)) wanted.set(name, value);
  if (context.shieldMitigation === "anti-ddos-rule-group") {
    const given = map[ANTI_DDOS_RULE_SET];
    const off = given === false || (isPlainObject(given) && given.enabled === false);
    problems.check(!off, `${field}.${ANTI_DDOS_RULE_SET}`, given, "enabled: Shield mitigation anti-ddos-rule-group relies on this group");
    if (!off && given === undefined) wanted.set(ANTI_DDOS_RULE_SET, true);
  }
  const groups: ManagedGroupSettings[] = [];
  for (const [name, value] of wanted) {
    const group = parseGroup(problems, `${field}.${name}`, name, value);
    if (group) groups.push(group);
  }
  const rank = (name: string) => {
    const known = MANAGED_GROUP_ORDER.indexOf(name);
    return known >= 0 ? known : MANAGED_GROUP_ORDER.length;
  };
  return groups.sort((a, b) => rank(a.name) - rank(b.name));
}

function parseGroup(problems: Problems, field: string, name: string, raw: unknown): ManagedGroupSettings | undefined {
  if (raw === false) return undefined;
  if (!problems.check(isValidWafName(name), field, name, "a managed rule group name of letters, digits, - or _, e.g. AWSManagedRulesLinuxRuleSet")) return undefined;
  const o = raw === true ? {} : readObject(problems, field, raw, GROUP_KEYS);
  if (!o) return void problems.add(field, raw, "true, false or { enabled, vendor, version, overrideAction, ruleActionOverrides, scopeDown, wcu }");
  if (!readBool(problems, `${field}.enabled`, o.enabled, true)) return undefined;
  const vendor = o.vendor === undefined ? AWS : readString(problems, `${field}.vendor`, o.vendor, VENDOR, "the seller's vendor name (1 to 128 characters), or AWS");
  if (vendor === undefined) return undefined;
  const facts = vendor === AWS ? awsGroup(problems, field, name) : undefined;
  if (vendor === AWS && !facts) return undefined;
  if (!facts) problems.check(o.wcu !== undefined, `${field}.wcu`, o.wcu, `required for a ${vendor} group: its capacity as the seller publishes it`);
  const wcu = readInt(problems, `${field}.wcu`, o.wcu, 1, 5000, facts?.wcu ?? 0);
  const version = readString(problems, `${field}.version`, o.version, VERSION, "a version such as Version_1.12");
  if (facts && !facts.versioned) problems.check(version === undefined, `${field}.version`, o.version, `nothing: ${name} has no versions to pin`);
  const overrideAction = readEnum<GroupOverrideAction>(problems, `${field}.overrideAction`, o.overrideAction, ["none", "count"], "none");
  const ruleActionOverrides = parseRuleOverrides(problems, `${field}.ruleActionOverrides`, o.ruleActionOverrides, name, facts);
  const scopeDown = o.scopeDown === undefined ? undefined : parseMatchSpec(problems, `${field}.scopeDown`, o.scopeDown);
  const config = parseGroupConfig(problems, field, facts, o);
  return {
    vendor,
    name,
    ...(version ? { version } : {}),
    overrideAction,
    ruleActionOverrides,
    ...(scopeDown ? { scopeDown } : {}),
    wcu,
    ...(config ? { config } : {}),
  };
}

/** The catalogue entry of an AWS group this module can configure; a problem (with a hint) otherwise. */
function awsGroup(problems: Problems, field: string, name: string): ManagedRuleGroupFacts | undefined {
  const facts = managedGroupFacts(name);
  if (!facts) {
    return void problems.add(field, name, `an AWS managed rule group usable at CLOUDFRONT scope; ${didYouMean(name, MANAGED_GROUP_NAMES)} (a third-party group sets vendor and wcu)`);
  }
  if (facts.config === "atp" || facts.config === "acfp") {
    return void problems.add(field, name, `a group this module can configure: ${name} needs your login or registration endpoints (managedRuleGroupConfigs), which it does not build`);
  }
  return facts;
}

function parseRuleOverrides(
  problems: Problems,
  field: string,
  raw: unknown,
  group: string,
  facts: ManagedRuleGroupFacts | undefined,
): ManagedGroupSettings["ruleActionOverrides"] {
  if (raw === undefined) return [];
  if (!isPlainObject(raw)) {
    problems.add(field, raw, `a map of rule name to ${oneOf(OVERRIDE_ACTIONS)}`);
    return [];
  }
  const overrides: { name: string; action: RuleOverrideAction }[] = [];
  for (const [rule, action] of Object.entries(raw)) {
    if (group === CORE_RULE_SET && rule === BODY_SIZE_RULE) {
      problems.add(`${field}.${rule}`, action, "nothing: this 8 KB rule always counts and waf.bodySize decides large bodies (bodySize.maxBytes: 8192 blocks the same ones)");
      continue;
    }
    if (!problems.check(isValidWafName(rule), `${field}.${rule}`, rule, "a rule name of the group")) continue;
    // AWS matches overrides on the exact rule name; a misspelt one would override nothing.
    if (facts && !problems.check(facts.rules.includes(rule), `${field}.${rule}`, rule, `a rule of ${group}; ${didYouMean(rule, facts.rules)}`)) continue;
    if (isOverrideAction(action)) overrides.push({ name: rule, action });
    else problems.add(`${field}.${rule}`, action, oneOf(OVERRIDE_ACTIONS));
  }
  return overrides;
}

function isOverrideAction(value: unknown): value is RuleOverrideAction {
  return (OVERRIDE_ACTIONS as readonly unknown[]).includes(value);
}

/** The configuration the catalogue says the group takes (Bot Control, Anti-DDoS); nothing for others. */
function parseGroupConfig(problems: Problems, field: string, facts: ManagedRuleGroupFacts | undefined, o: Record<string, unknown>): ManagedGroupConfig | undefined {
  const kind = facts?.config;
  if (kind !== "botControl") problems.check(o.inspectionLevel === undefined, `${field}.inspectionLevel`, o.inspectionLevel, `only for AWS's ${BOT_CONTROL_RULE_SET}`);
  if (kind !== "antiDdos") {
    for (const key of ["challenge", "sensitivityToBlock"]) problems.check(o[key] === undefined, `${field}.${key}`, o[key], `only for AWS's ${ANTI_DDOS_RULE_SET}`);
  }
  if (kind === "botControl") {
    return { kind: "botControl", inspectionLevel: readEnum(problems, `${field}.inspectionLevel`, o.inspectionLevel, ["COMMON", "TARGETED"] as const, "COMMON") };
  }
  if (kind === "antiDdos") {
    return {
      kind: "antiDdos",
      challenge: readEnum(problems, `${field}.challenge`, o.challenge, ["ENABLED", "DISABLED"] as const, "DISABLED"),
      sensitivityToBlock: readEnum(problems, `${field}.sensitivityToBlock`, o.sensitivityToBlock, ["LOW", "MEDIUM", "HIGH"] as const, "LOW"),
    };
  }
  return undefined;
}
