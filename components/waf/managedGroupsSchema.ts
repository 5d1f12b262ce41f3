/**
 * `managedRuleGroups`: a map from rule group name to `true`, `false` or settings. AWS groups must be in the
 * catalogue, with rule names it knows; a third-party group names its `vendor` and gives its `wcu`. The
 * default groups are on unless set to `false`, others are opt-in; Shield's `anti-ddos-rule-group`
 * mitigation adds the Anti-DDoS group. The output is the enabled groups in evaluation order.
 */
import { z } from "zod";
import { choice, flag, intIn, strictObject, text, whenValid } from "../shared/schema/fields";
import { managedGroupFacts, MANAGED_GROUP_NAMES, ManagedRuleGroupFacts } from "./managedRuleCatalogue";
import { ANTI_DDOS_RULE_SET, BODY_SIZE_RULE, BOT_CONTROL_RULE_SET, CORE_RULE_SET, DEFAULT_MANAGED_GROUPS, MANAGED_GROUP_ORDER } from "./managedRuleGroups";
import { matchSchema } from "./matchSchema";
import { RULE_OVERRIDE_ACTIONS, WafContext } from "./types";
import { knownHint, switchedOn, toggled, wafNameField } from "./wafFields";

const AWS = "AWS";
const VERSION = /^Version_\d+(\.\d+)*$/;
/** VendorName: 1 to 128 characters with at least one that is not a space (API ManagedRuleGroupStatement). */
const VENDOR = /^(?=.*\S)[\s\S]{1,128}$/;
const GROUP_ALLOWED = "allowed: true, false or { enabled, vendor, version, overrideAction, ruleActionOverrides, scopeDown, wcu }";

const groupSettings = strictObject({
  enabled: flag().default(true),
  /** `AWS` for AWS Managed Rules (checked against the catalogue), or a third-party seller's vendor name. */
  vendor: text(VENDOR, "allowed: the seller's vendor name (1 to 128 characters), or AWS").default(AWS),
  /** Pinned version; absent follows AWS's default version. */
  version: text(VERSION, 'allowed: a version such as "Version_1.12"').optional(),
  /** `none` keeps each rule's own action. */
  overrideAction: choice(["none", "count"]).default("none"),
  ruleActionOverrides: z.record(wafNameField("allowed: a rule name of the group"), choice(RULE_OVERRIDE_ACTIONS), { error: "allowed: a map of rule name to allow, block or count" }).default({}),
  scopeDown: matchSchema.optional(),
  /** Capacity units of the group: the catalogue's figure by default; required for a third-party group. */
  wcu: intIn(1, 5000, "allowed: a whole number of WCU from 1 to 5000").optional(),
  inspectionLevel: choice(["COMMON", "TARGETED"]).optional(),
  /** Challenge actions only work for browsers; APIs keep them off. */
  challenge: choice(["ENABLED", "DISABLED"]).optional(),
  sensitivityToBlock: choice(["LOW", "MEDIUM", "HIGH"]).optional(),
});
type GroupSettings = z.output<typeof groupSettings>;
type Issue = { readonly path: readonly (string | number)[]; readonly message: string };
const defaults = () => groupSettings.parse({});

/** The groups as given: each on (its settings), or explicitly off (undefined). */
function givenGroups(map: Readonly<Record<string, boolean | GroupSettings>>): Map<string, Omit<GroupSettings, "enabled"> | undefined> {
  return new Map(Object.entries(map).map(([name, value]) => [name, switchedOn(value, defaults, true)]));
}

/** What the catalogue says about one enabled group's settings. */
function groupIssues(name: string, group: Omit<GroupSettings, "enabled">): Issue[] {
  const issues: Issue[] = [];
  const facts = group.vendor === AWS ? managedGroupFacts(name) : undefined;
  if (group.vendor === AWS && !facts) {
    return [{ path: [], message: `allowed: an AWS managed rule group usable at CLOUDFRONT scope${knownHint(name, MANAGED_GROUP_NAMES)} (a third-party group sets vendor and wcu)` }];
  }
  if (facts?.config === "atp" || facts?.config === "acfp") {
    return [{ path: [], message: `allowed: a group this module can configure: ${name} needs your login or registration endpoints (managedRuleGroupConfigs), which it does not build` }];
  }
  if (!facts && group.wcu === undefined) issues.push({ path: ["wcu"], message: `required for a ${group.vendor} group: its capacity as the seller publishes it` });
  if (facts && !facts.versioned && group.version !== undefined) issues.push({ path: ["version"], message: `allowed: nothing: ${name} has no versions to pin` });
  for (const rule of Object.keys(group.ruleActionOverrides)) {
    const at = ["ruleActionOverrides", rule];
    if (name === CORE_RULE_SET && rule === BODY_SIZE_RULE) {
      issues.push({ path: at, message: "allowed: nothing: this 8 KB rule always counts and waf.bodySize decides large bodies (bodySize.maxBytes: 8192 blocks the same ones)" });
    } else if (facts && !facts.rules.includes(rule)) {
      // AWS matches overrides on the exact rule name; a misspelt one would override nothing.
      issues.push({ path: at, message: `allowed: a rule of ${name}${knownHint(rule, facts.rules)}` });
    }
  }
  if (facts?.config !== "botControl" && group.inspectionLevel !== undefined) issues.push({ path: ["inspectionLevel"], message: `allowed only for AWS's ${BOT_CONTROL_RULE_SET}` });
  for (const key of ["challenge", "sensitivityToBlock"] as const) {
    if (facts?.config !== "antiDdos" && group[key] !== undefined) issues.push({ path: [key], message: `allowed only for AWS's ${ANTI_DDOS_RULE_SET}` });
  }
  return issues;
}

/** The configuration the catalogue says the group takes (Bot Control, Anti-DDoS); nothing for others. */
function groupConfig(facts: ManagedRuleGroupFacts | undefined, group: Omit<GroupSettings, "enabled">) {
  if (facts?.config === "botControl") return { kind: "botControl" as const, inspectionLevel: group.inspectionLevel ?? "COMMON" };
  if (facts?.config === "antiDdos") return { kind: "antiDdos" as const, challenge: group.challenge ?? "DISABLED", sensitivityToBlock: group.sensitivityToBlock ?? "LOW" };
  return undefined;
}

function toGroupSettings(name: string, group: Omit<GroupSettings, "enabled">) {
  const facts = group.vendor === AWS ? managedGroupFacts(name) : undefined;
  const config = groupConfig(facts, group);
  return {
    vendor: group.vendor,
    name,
    ...(group.version !== undefined ? { version: group.version } : {}),
    overrideAction: group.overrideAction,
    ruleActionOverrides: Object.entries(group.ruleActionOverrides).map(([rule, action]) => ({ name: rule, action })),
    ...(group.scopeDown ? { scopeDown: group.scopeDown } : {}),
    wcu: group.wcu ?? facts?.wcu ?? 0,
    ...(config ? { config } : {}),
  };
}

const rank = (name: string) => {
  const known = MANAGED_GROUP_ORDER.indexOf(name);
  return known >= 0 ? known : MANAGED_GROUP_ORDER.length;
};

export function managedGroupsSchema(context: WafContext) {
  const shieldNeedsAntiDdos = context.shieldMitigation === "anti-ddos-rule-group";
  return z
    .record(wafNameField("allowed: a managed rule group name of letters, digits, - or _, e.g. AWSManagedRulesLinuxRuleSet"), toggled(groupSettings, GROUP_ALLOWED), {
      error: "allowed: a map of managed rule group name to true, false or settings",
    })
    .superRefine((map, ctx) => {
      for (const [name, group] of givenGroups(map)) {
        if (group === undefined) {
          if (name === ANTI_DDOS_RULE_SET && shieldNeedsAntiDdos) ctx.addIssue({ code: "custom", path: [name], input: map[name], message: "allowed: true or settings: Shield mitigation anti-ddos-rule-group relies on this group" });
          continue;
        }
        for (const issue of groupIssues(name, group)) ctx.addIssue({ code: "custom", path: [name, ...issue.path], input: map[name], message: issue.message });
      }
    }, whenValid())
    .transform((map) => {
      const wanted = new Map<string, Omit<GroupSettings, "enabled"> | undefined>(DEFAULT_MANAGED_GROUPS.map((name) => [name, switchedOn(true, defaults, true)]));
      if (shieldNeedsAntiDdos) wanted.set(ANTI_DDOS_RULE_SET, switchedOn(true, defaults, true));
      for (const [name, group] of givenGroups(map)) wanted.set(name, group);
      const groups = [...wanted].flatMap(([name, group]) => (group ? [toGroupSettings(name, group)] : []));
      return groups.sort((a, b) => rank(a.name) - rank(b.name));
    });
}
export type ManagedGroupsInput = z.input<ReturnType<typeof managedGroupsSchema>>;
export type ManagedGroupSettings = z.output<ReturnType<typeof managedGroupsSchema>>[number];
export type ManagedGroupConfig = NonNullable<ManagedGroupSettings["config"]>;
