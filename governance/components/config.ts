/**
 * The governance program's configuration (`edge-governance:<key>` in `Pulumi.<stack>.yaml`), one zod schema
 * with its defaults; `parseGovernanceConfig` returns it typed or throws one ConfigError naming every problem.
 */
import { z } from "zod";
import { DEFAULT_SCOPE_TAG, GOVERNANCE_MODELS, scopeTagSchema } from "../../components/governance";
import { decodeConfigValue } from "../../components/config/namespace";
import { tagsSchema } from "../../components/config/tags";
import { isAwsRegion } from "../../components/shared/region";
import { choice, flag, listOf, strictObject, text, whenValid } from "../../components/shared/schema/fields";
import { parseWith } from "../../components/shared/schema/parse";
import { AUTOMATIC_RESPONSE_ACTIONS } from "../../components/shield/settings";
import { wafPolicySchema } from "./wafPolicyConfig";

export const CONFIG_NAMESPACE = "edge-governance";

const account = text(/^\d{12}$/, "allowed: a 12-digit AWS account ID");
const orgUnit = text(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, "allowed: an organizational unit ID such as ou-ab12-cdef3456");

const shieldSchema = strictObject({
  enabled: flag().default(true),
  automaticResponse: choice(AUTOMATIC_RESPONSE_ACTIONS, " (AWS advises COUNT until a traffic baseline exists)").default("COUNT"),
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

const scopeSchema = strictObject({
  orgUnits: listOf(orgUnit).default([]),
  accounts: listOf(account).default([]),
  excludeAccounts: listOf(account).default([]),
  resourceTag: scopeTagSchema.default(DEFAULT_SCOPE_TAG),
}).superRefine((scope, ctx) => {
  // FMS API Reference, Policy: "You can specify inclusions or exclusions, but not both."
  if (scope.excludeAccounts.length > 0 && scope.orgUnits.length + scope.accounts.length > 0) {
    ctx.addIssue({ code: "custom", path: ["excludeAccounts"], input: scope.excludeAccounts, message: "allowed only without orgUnits and accounts: Firewall Manager takes inclusions or exclusions, not both" });
  }
}, whenValid());

export const governanceProgramSchema = strictObject({
  model: choice(GOVERNANCE_MODELS).default("hybrid"),
  scope: scopeSchema.prefault({}),
  waf: wafPolicySchema.optional(),
  shield: shieldSchema.prefault({}),
  configRules: configRulesSchema.prefault({}),
  tags: tagsSchema.default({}),
}).superRefine((c, ctx) => {
  if (c.model === "distributed") {
    if (c.waf !== undefined) ctx.addIssue({ code: "custom", path: ["waf"], input: c.waf, message: "nothing under model distributed: app teams own their web ACLs; the security team watches through the Config rules" });
    return;
  }
  if (c.waf === undefined) {
    ctx.addIssue({ code: "custom", path: ["waf"], input: c.waf, message: `required with model ${c.model}: the Firewall Manager WAF policy (at least logging: { destinationArn } or false)` });
  } else if (c.waf.logging === undefined) {
    ctx.addIssue({ code: "custom", path: ["waf", "logging"], input: undefined, message: "required: { destinationArn } (an aws-waf-logs-* Firehose stream in us-east-1 or S3 bucket), or false" });
  }
}, whenValid("model", "waf"));

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
