/**
 * `edge-governance:waf`, the Firewall Manager WAF policy: the AWS managed groups with the edge's own schema
 * (`managedRuleGroups`: the same names, catalogue, defaults, WCU and checks as the edge's `waf.managedRuleGroups`),
 * the security team's custom rule groups, where each runs, and the policy's logging.
 * Evaluation order in every web ACL in scope: `firstRuleGroups`, the managed groups (in the catalogue's order),
 * the app's own rules, then `lastRuleGroups`.
 */
import { z } from "zod";
import { parseArn } from "../../components/shared/arn";
import { choice, flag, listOf, strictObject, text, whenValid } from "../../components/shared/schema/fields";
import { isPlainObject } from "../../components/shared/validation";
import { MAX_CAPACITY } from "../../components/waf/capacitySchema";
import { isWafLogDestination, ALWAYS_REDACTED_HEADERS } from "../../components/waf/loggingSchema";
import { managedGroupsSchema } from "../../components/waf/managedGroupsSchema";
import { MAX_RATE_RULES } from "../../components/waf/priorities";
import { ROLLOUT_MODES } from "../../components/waf/types";
import { PLACEHOLDER_IP_SET_ARNS } from "../../components/waf/wafRule";
import { planCentralPolicy } from "./centralPolicy";
import { customGroupRules } from "./centralRules";
import { customRuleGroupSchema, groupName } from "./ruleGroupConfig";

const HEADER = /^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
/** SecurityServicePolicyData: at most 20 redacted fields, three of them always taken. */
const MAX_REDACTED_FIELDS = 20;
const MAX_EXTRA_REDACTED = MAX_REDACTED_FIELDS - ALWAYS_REDACTED_HEADERS.length;

const loggingSchema = strictObject({
  /** Firewall Manager logs to Firehose or S3 only (SecurityServicePolicyData), named aws-waf-logs-*. */
  destinationArn: z.string({ error: "allowed: an aws-waf-logs-* Firehose stream in us-east-1 or S3 bucket" }).refine((v) => isWafLogDestination(v) && parseArn(v)?.service !== "logs", {
    error: "allowed: arn:aws:firehose:us-east-1:<account>:deliverystream/aws-waf-logs-<name> or arn:aws:s3:::aws-waf-logs-<bucket> (Firewall Manager does not log to CloudWatch Logs)",
  }),
  /** Added to the headers always redacted (authorization, x-forwarded-authorization, cookie). */
  redactedHeaders: listOf(text(HEADER, "allowed: a lower-case header name"))
    .max(MAX_EXTRA_REDACTED, { error: `allowed: at most ${MAX_EXTRA_REDACTED} headers (Firewall Manager takes ${MAX_REDACTED_FIELDS} redacted fields, three always redacted)` })
    .default([]),
});

/**
 * The edge's managed-group schema, less what a Firewall Manager rule group reference cannot carry: a
 * scope-down statement, and the managedRuleGroupConfigs that Bot Control and Anti-DDoS take.
 */
const centralManagedGroups = managedGroupsSchema({ shieldMitigation: "none" })
  .prefault({})
  .superRefine((groups, ctx) => {
    for (const group of groups) {
      if (group.scopeDown) ctx.addIssue({ code: "custom", path: [group.name, "scopeDown"], input: group.scopeDown, message: "allowed: nothing: the Firewall Manager policy data this program writes has no scope-down for a group (docs/aws-facts.md)" });
      if (group.config) {
        ctx.addIssue({ code: "custom", path: [group.name], input: group.name, message: `allowed: a group without managedRuleGroupConfigs: ${group.name} needs them, and this program's policy data carries none` });
      }
    }
  });

export const wafPolicySchema = strictObject({
  /** `count` overrides every central group to count, to observe before blocking. */
  mode: choice(ROLLOUT_MODES).default("count"),
  /** Firewall Manager applies the policy to resources already in scope (not only reports them). */
  remediation: flag().default(true),
  managedRuleGroups: centralManagedGroups,
  /** Custom groups run first, before the managed groups. */
  firstRuleGroups: listOf(groupName).default([]),
  /** Custom groups run last, after the app's rules. */
  lastRuleGroups: listOf(groupName).default([]),
  customRuleGroups: z.record(groupName, customRuleGroupSchema, { error: "allowed: a map of rule group name to its rules" }).default({}),
  /** Required (checked by the program's schema, to say so plainly): a destination, or `false` for none. */
  logging: z.union([loggingSchema, z.literal(false, { error: "allowed: { destinationArn } or false" })]).optional(),
})
  // Reads only the sets and the groups' names, so a problem inside a group does not hide a wrong reference.
  .superRefine((waf, ctx) => {
    if (!isPlainObject(waf.customRuleGroups)) return;
    const used = new Map<string, string>();
    for (const set of ["firstRuleGroups", "lastRuleGroups"] as const) {
      waf[set].forEach((name, index) => {
        const first = used.get(name);
        if (first) ctx.addIssue({ code: "custom", path: [set, index], input: name, message: `allowed: a group not already in ${first}` });
        else used.set(name, `${set}[${index}]`);
        if (waf.customRuleGroups[name] === undefined) {
          ctx.addIssue({ code: "custom", path: [set, index], input: name, message: `allowed: a group defined in waf.customRuleGroups (${Object.keys(waf.customRuleGroups).join(", ") || "none defined"})` });
        }
      });
    }
    for (const name of Object.keys(waf.customRuleGroups).filter((n) => !used.has(n))) {
      ctx.addIssue({ code: "custom", path: ["customRuleGroups", name], input: name, message: "used in firstRuleGroups or lastRuleGroups (an unused group would still be created and paid for)" });
    }
  }, whenValid("firstRuleGroups", "lastRuleGroups"))
  // The sums read every group's rules, so they wait until the whole policy is valid.
  .superRefine((waf, ctx) => {
    if (waf.managedRuleGroups.length + waf.firstRuleGroups.length + waf.lastRuleGroups.length === 0) {
      ctx.addIssue({ code: "custom", path: ["managedRuleGroups"], input: {}, message: "required: at least one managed or custom rule group: Firewall Manager's WAF policy needs one" });
    }
    const rateRules = Object.values(waf.customRuleGroups).flatMap((g) => customGroupRules(g, PLACEHOLDER_IP_SET_ARNS)).filter((r) => r.statement.type === "rateBased").length;
    if (rateRules > MAX_RATE_RULES) {
      ctx.addIssue({ code: "custom", path: ["customRuleGroups"], input: rateRules, message: `allowed: at most ${MAX_RATE_RULES} rate-based rules in all (AWS's limit per web ACL, which every central group joins; these make ${rateRules})` });
    }
    const { wcu } = planCentralPolicy(waf);
    if (wcu > MAX_CAPACITY) {
      ctx.addIssue({ code: "custom", path: ["managedRuleGroups"], input: wcu, message: `allowed: groups of at most ${MAX_CAPACITY} WCU in all, a web ACL's maximum (these take ${wcu})` });
    }
  }, whenValid());

export type WafPolicySettings = z.output<typeof wafPolicySchema>;
