/**
 * The governance program's configuration (`edge-governance:<key>` in `Pulumi.<stack>.yaml`), one zod schema
 * with its defaults; `parseGovernanceConfig` returns it typed or throws one ConfigError naming every problem.
 */
import { z } from "zod";
import { choice, flag, intIn, listOf, strictObject, text } from "../../components/shared/schema/fields";
import { parseArn } from "../../components/shared/arn";
import { parseWith } from "../../components/shared/schema/parse";
import { decodeConfigValue } from "../../components/config/stackConfig";
import { isAwsRegion } from "../../components/shared/region";
import { DEFAULT_SCOPE_TAG, GOVERNANCE_MODELS, scopeTagSchema, tagKey, tagValue } from "../../components/governance";
import { ALWAYS_REDACTED_HEADERS, isWafLogDestination } from "../../components/waf/parseLogging";
import { CORE_RULE_SET, IP_REPUTATION_LIST, MANAGED_GROUP_WCU } from "../../components/waf/managedRuleGroups";
import { customRuleGroupSchema, groupName } from "./ruleGroupConfig";

export const CONFIG_NAMESPACE = "edge-governance";

const account = text(/^\d{12}$/, "allowed: a 12-digit AWS account ID");
const orgUnit = text(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, "allowed: an organizational unit ID such as ou-ab12-cdef3456");
const HEADER = /^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const MAX_REDACTED_FIELDS = 20;

const managedEntry = strictObject({
  managed: text(/^[A-Za-z0-9_-]{1,128}$/, "allowed: an AWS managed rule group name such as AWSManagedRulesCommonRuleSet"),
  /** Pinned version; absent follows AWS's default version (`versionEnabled` stays unset). */
  version: text(/^Version_\d+\.\d+$/, "allowed: a version such as Version_1.12").optional(),
  ruleActionOverrides: z.record(text(/^[A-Za-z0-9_-]{1,128}$/, "allowed: a rule name of the group"), choice(["allow", "block", "count"])).default({}),
  /** The group's WCU, required for groups outside the project's table. */
  wcu: intIn(1, 5000, "allowed: the group's WCU, a whole number from 1 to 5000").optional(),
});
const customEntry = strictObject({ custom: groupName });
const entry = z.union([managedEntry, customEntry]);
export type ManagedEntry = z.output<typeof managedEntry>;
export type CustomEntry = z.output<typeof customEntry>;
export type RuleGroupEntry = ManagedEntry | CustomEntry;

/** Whether an entry names an AWS managed group (else one of `customRuleGroups`). */
export function isManagedEntry(entry: RuleGroupEntry): entry is ManagedEntry {
  return typeof entry.managed === "string";
}

/** The group an entry names. */
export function entryName(entry: RuleGroupEntry): string {
  return isManagedEntry(entry) ? entry.managed : entry.custom;
}

/** AWS's baseline for APIs, first in every web ACL; the Core set's 8 KB body rule only counts (JSON APIs). */
export const DEFAULT_FIRST_RULE_GROUPS: readonly RuleGroupEntry[] = [
  { managed: IP_REPUTATION_LIST, ruleActionOverrides: {} },
  { managed: CORE_RULE_SET, ruleActionOverrides: { SizeRestrictions_BODY: "count" } },
  { managed: "AWSManagedRulesKnownBadInputsRuleSet", ruleActionOverrides: {} },
];

const loggingSchema = strictObject({
  /** Firewall Manager logs to Firehose or S3 only (SecurityServicePolicyData), named aws-waf-logs-*. */
  destinationArn: z.string({ error: "allowed: an aws-waf-logs-* Firehose stream in us-east-1 or S3 bucket" }).refine((v) => isWafLogDestination(v) && parseArn(v)?.service !== "logs", {
    error: "allowed: arn:aws:firehose:us-east-1:<account>:deliverystream/aws-waf-logs-<name> or arn:aws:s3:::aws-waf-logs-<bucket> (Firewall Manager does not log to CloudWatch Logs)",
  }),
  /** Added to the headers always redacted (ALWAYS_REDACTED_HEADERS: authorization, x-forwarded-authorization, cookie). */
  redactedHeaders: listOf(text(HEADER, "allowed: a lower-case header name"))
    // SecurityServicePolicyData: at most 20 redactedFields, three of them always taken.
    .max(MAX_REDACTED_FIELDS - ALWAYS_REDACTED_HEADERS.length, { error: `allowed: at most ${MAX_REDACTED_FIELDS - ALWAYS_REDACTED_HEADERS.length} headers (Firewall Manager takes 20 redacted fields, three always redacted)` })
    .default([]),
});

const wafSchema = strictObject({
  /** `count` overrides every central group to count, to observe before blocking. */
  mode: choice(["enforce", "count"]).default("count"),
  /** Firewall Manager applies the policy to resources already in scope (not only report them). */
  remediation: flag().default(true),
  firstRuleGroups: listOf(entry).default([...DEFAULT_FIRST_RULE_GROUPS]),
  lastRuleGroups: listOf(entry).default([]),
  customRuleGroups: z.record(groupName, customRuleGroupSchema).default({}),
  /** Required (checked below, to say so plainly): a destination, or `false` for none. */
  logging: z.union([loggingSchema, z.literal(false, { error: "allowed: { destinationArn } or false" })]).optional(),
});

const shieldSchema = strictObject({
  enabled: flag().default(true),
  automaticResponse: choice(["COUNT", "BLOCK"], " (AWS advises COUNT until a traffic baseline exists)").default("COUNT"),
  remediation: flag().default(true),
});

const apiGatewayRuleSchema = strictObject({
  regions: listOf(z.string().refine(isAwsRegion, { error: "allowed: an AWS region such as eu-west-1" })).min(1, { error: "allowed: at least one region" }),
  /** Accounts whose stages are protected at CloudFront instead (IAM-only, signed by the edge): the exemption. */
  excludedAccounts: listOf(account).default([]),
});

const configRulesSchema = strictObject({
  enabled: flag().default(true),
  /** `api-gw-associated-with-waf` in these regions; off unless given. */
  apiGateway: apiGatewayRuleSchema.optional(),
});

export const governanceProgramSchema = strictObject({
  model: choice(GOVERNANCE_MODELS).default("hybrid"),
  scope: strictObject({
    orgUnits: listOf(orgUnit).default([]),
    accounts: listOf(account).default([]),
    excludeAccounts: listOf(account).default([]),
    resourceTag: scopeTagSchema.default(DEFAULT_SCOPE_TAG),
  }).default({ orgUnits: [], accounts: [], excludeAccounts: [], resourceTag: DEFAULT_SCOPE_TAG }),
  waf: wafSchema.optional(),
  shield: shieldSchema.default({ enabled: true, automaticResponse: "COUNT", remediation: true }),
  configRules: configRulesSchema.default({ enabled: true }),
  tags: z.record(tagKey, tagValue).default({}),
}).superRefine((c, ctx) => {
  // FMS API Reference, Policy: "You can specify inclusions or exclusions, but not both."
  if (c.scope.excludeAccounts.length > 0 && c.scope.orgUnits.length + c.scope.accounts.length > 0) {
    ctx.addIssue({ code: "custom", path: ["scope", "excludeAccounts"], message: "allowed only without orgUnits and accounts: Firewall Manager takes inclusions or exclusions, not both" });
  }
  if (c.model === "distributed") {
    if (c.waf !== undefined) ctx.addIssue({ code: "custom", path: ["waf"], message: "nothing under model distributed: app teams own their web ACLs; the security team watches through the Config rules" });
    return;
  }
  if (c.waf === undefined) {
    ctx.addIssue({ code: "custom", path: ["waf"], message: `required with model ${c.model}: the Firewall Manager WAF policy (at least logging: { destinationArn } or false)` });
    return;
  }
  if (c.waf.logging === undefined) {
    ctx.addIssue({ code: "custom", path: ["waf", "logging"], message: "required: { destinationArn } (an aws-waf-logs-* Firehose stream in us-east-1 or S3 bucket), or false" });
  }
  checkRuleGroupRefs(c.waf, ctx);
});

function checkRuleGroupRefs(waf: z.output<typeof wafSchema>, ctx: z.RefinementCtx): void {
  const used = new Map<string, string>();
  for (const set of ["firstRuleGroups", "lastRuleGroups"] as const) {
    waf[set].forEach((e, index) => {
      const name = entryName(e);
      const at = ["waf", set, index];
      const first = used.get(name);
      if (first) ctx.addIssue({ code: "custom", path: at, message: `allowed: a group not already in ${first}` });
      used.set(name, `${set}[${index}]`);
      if (!isManagedEntry(e) && waf.customRuleGroups[name] === undefined) {
        ctx.addIssue({ code: "custom", path: [...at, "custom"], message: `allowed: a group defined in waf.customRuleGroups (${Object.keys(waf.customRuleGroups).join(", ") || "none defined"})` });
      }
      if (isManagedEntry(e) && e.wcu === undefined && MANAGED_GROUP_WCU[e.managed] === undefined) {
        ctx.addIssue({ code: "custom", path: [...at, "wcu"], message: `required for ${e.managed}, which is not in the WCU table (components/waf/managedRuleGroups.ts)` });
      }
    });
  }
  for (const name of Object.keys(waf.customRuleGroups)) {
    if (!used.has(name)) ctx.addIssue({ code: "custom", path: ["waf", "customRuleGroups", name], message: "used in firstRuleGroups or lastRuleGroups (an unused group would still be created and paid for)" });
  }
  if (waf.firstRuleGroups.length + waf.lastRuleGroups.length === 0) {
    ctx.addIssue({ code: "custom", path: ["waf", "firstRuleGroups"], message: "required: at least one rule group in firstRuleGroups or lastRuleGroups" });
  }
}

export type GovernanceConfig = z.output<typeof governanceProgramSchema>;
export type CentralWafSettings = NonNullable<GovernanceConfig["waf"]>;

/**
 * The program's config from all of a stack's config (Pulumi's strings; structured values are JSON): every
 * `edge-governance:` key, typed, or one ConfigError naming every problem before any resource is created.
 */
export function parseGovernanceConfig(all: Readonly<Record<string, string>>): GovernanceConfig {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const raw = Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), decodeConfigValue(value)]),
  );
  return parseWith(governanceProgramSchema, raw, `Invalid ${CONFIG_NAMESPACE} configuration`);
}
