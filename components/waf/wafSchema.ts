/**
 * `edge-security:waf`, the web ACL's settings, as one schema: a managed web ACL with safe defaults (an
 * absent section is one), `enabled: false`, or `existingWebAclArn` to reuse a web ACL managed elsewhere.
 * Built with the stack's context: Shield's layer-7 mitigation reserves WCU or adds the Anti-DDoS group.
 */
import { z } from "zod";
import { parseArn } from "../shared/arn";
import { EDGE_REGION } from "../shared/region";
import { choice, flag, intIn, listOf, strictObject } from "../shared/schema/fields";
import { oneOf } from "../shared/validation";
import { AUTOMATIC_RESPONSE_WCU } from "../shield/settings";
import { geoSchema, ipSetsSchema } from "./accessSchemas";
import { buildWafRules } from "./buildWafRules";
import { capacitySchema } from "./capacitySchema";
import { customRulesSchema } from "./customRulesSchema";
import { loggingSchema, loggingSettingsOf } from "./loggingSchema";
import { managedGroupsSchema } from "./managedGroupsSchema";
import { ANONYMOUS_IP_LIST, IP_REPUTATION_LIST } from "./managedRuleGroups";
import { rateLimitsSchema } from "./rateLimitsSchema";
import { signerHeaderIssues } from "./signerHeaders";
import { BODY_INSPECTION_LIMITS, INSPECTION_LIMIT_BYTES, ROLLOUT_MODES, WafContext, WafIssue } from "./types";
import { validateWafRules } from "./validateWafRules";
import { wafPathField } from "./wafFields";
import { PLACEHOLDER_IP_SET_ARNS } from "./wafRule";

const WEB_ACL_ARN = /^global\/webacl\/[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9-]{1,128}$/;
const ARN_ALLOWED = `allowed: a CLOUDFRONT web ACL ARN: arn:aws:wafv2:${EDGE_REGION}:<account>:global/webacl/<name>/<id>`;
const MANAGED_KEYS = ["mode", "managedRuleGroups", "bodySize", "bodyInspectionLimit", "rateLimits", "ipSets", "geo", "customRules", "logging", "capacity"] as const;

/** Whether `value` is a CLOUDFRONT-scope web ACL ARN (us-east-1, `global/webacl/<name>/<id>`). */
export function isCloudFrontWebAclArn(value: unknown): value is string {
  const arn = parseArn(value);
  return !!arn && arn.service === "wafv2" && arn.region === EDGE_REGION && /^\d{12}$/.test(arn.account) && WEB_ACL_ARN.test(arn.resource);
}

/**
 * Bodies larger than `maxBytes` (default and maximum: the inspection limit) are blocked, or only counted,
 * except under `allowedPaths`. Managed groups inspect only the first `bodyInspectionLimit` bytes, so a body
 * beyond it could hide a payload behind padding; the rule treats such bodies as larger (oversize MATCH).
 */
export const bodySizeSchema = strictObject({
  action: z.enum(["block", "count"], {
    error: (issue) => `${oneOf(["block", "count"])}${issue.input === "paths" ? ": paths was replaced, allowedPaths now exempts paths from the block" : ""}`,
  }).default("block"),
  maxBytes: intIn(0, INSPECTION_LIMIT_BYTES.KB_64, `allowed: a whole number of bytes from 0 to the bodyInspectionLimit (${INSPECTION_LIMIT_BYTES.KB_64} with KB_64)`).optional(),
  /** Paths (and everything below them) that may send larger bodies, inspected only up to the limit. */
  allowedPaths: listOf(wafPathField).default([]),
});

function sectionSchema(groups: ReturnType<typeof managedGroupsSchema>) {
  return strictObject({
    /** `false` is the explicit opt-out: no web ACL. */
    enabled: flag().default(true),
    existingWebAclArn: z.string({ error: ARN_ALLOWED }).refine(isCloudFrontWebAclArn, { error: ARN_ALLOWED }).optional(),
    mode: choice(ROLLOUT_MODES).optional(),
    managedRuleGroups: groups.optional(),
    bodySize: bodySizeSchema.optional(),
    bodyInspectionLimit: choice(BODY_INSPECTION_LIMITS, " (above KB_16 costs extra)").optional(),
    rateLimits: rateLimitsSchema.optional(),
    ipSets: ipSetsSchema.optional(),
    geo: geoSchema.optional(),
    customRules: customRulesSchema.optional(),
    logging: loggingSchema.optional(),
    capacity: capacitySchema.optional(),
  });
}
type Section = z.output<ReturnType<typeof sectionSchema>>;

/** The managed web ACL's settings, every default applied. */
function managedSettings(s: Section, context: WafContext, groups: ReturnType<typeof managedGroupsSchema>) {
  const bodyInspectionLimit = s.bodyInspectionLimit ?? "KB_16";
  const body = s.bodySize ?? bodySizeSchema.parse({});
  const logging = loggingSettingsOf(s.logging);
  const capacity = s.capacity ?? capacitySchema.parse({});
  return {
    kind: "managed" as const,
    mode: s.mode ?? "enforce",
    /** Enabled groups only, in evaluation order. */
    managedRuleGroups: s.managedRuleGroups ?? groups.parse({}),
    bodySize: { action: body.action, maxBytes: body.maxBytes ?? INSPECTION_LIMIT_BYTES[bodyInspectionLimit], allowedPaths: body.allowedPaths },
    bodyInspectionLimit,
    rateLimits: s.rateLimits ?? rateLimitsSchema.parse({}),
    ipSets: s.ipSets ?? ipSetsSchema.parse({}),
    ...(s.geo ? { geo: s.geo } : {}),
    customRules: s.customRules ?? [],
    ...(logging ? { logging } : {}),
    /** The limit includes `reserve`, held back for Shield Advanced's automatic-mitigation rule group. */
    capacity: { limit: capacity.limit, reserve: context.shieldMitigation === "automatic-response" ? AUTOMATIC_RESPONSE_WCU : 0 },
    /** The monitoring's probe rule, counted in the budget and the rate-rule limit like every other rule. */
    ...(context.rateLimitProbe ? { rateLimitProbe: context.rateLimitProbe } : {}),
  };
}
export type ManagedWafSettings = ReturnType<typeof managedSettings>;
export type BodySizeSettings = ManagedWafSettings["bodySize"];

/** What must hold between the managed settings, and of the rules they build. */
function managedIssues(settings: ManagedWafSettings, context: WafContext): WafIssue[] {
  const issues: WafIssue[] = signerHeaderIssues(settings, context.authorizationHeader);
  const limitBytes = INSPECTION_LIMIT_BYTES[settings.bodyInspectionLimit];
  if (settings.bodySize.maxBytes > limitBytes) {
    const message = `allowed: at most ${limitBytes}, the bodyInspectionLimit ${settings.bodyInspectionLimit}: WAF sees no more of a body; raise bodyInspectionLimit (up to KB_64) or use allowedPaths`;
    issues.push({ path: ["bodySize", "maxBytes"], input: settings.bodySize.maxBytes, message });
  }
  const names = settings.managedRuleGroups.map((g) => g.name);
  if (settings.rateLimits.ipReputation && !names.includes(IP_REPUTATION_LIST) && !names.includes(ANONYMOUS_IP_LIST)) {
    const message = `allowed: false unless ${IP_REPUTATION_LIST} or ${ANONYMOUS_IP_LIST} is on, whose labels this rule rate-limits`;
    issues.push({ path: ["rateLimits", "ipReputation"], input: settings.rateLimits.ipReputation, message });
  }
  return issues.length > 0 ? issues : validateWafRules(buildWafRules(settings, PLACEHOLDER_IP_SET_ARNS), settings.capacity);
}

/** The `waf` settings schema for a stack whose Shield mitigation is `context.shieldMitigation`. */
export function wafSchema(context: WafContext) {
  const groups = managedGroupsSchema(context);
  return sectionSchema(groups)
    .superRefine((s, ctx) => {
      if (!s.enabled || s.existingWebAclArn === undefined) return;
      for (const key of MANAGED_KEYS.filter((k) => s[k] !== undefined)) {
        ctx.addIssue({ code: "custom", path: [key], input: s[key], message: "allowed: nothing: existingWebAclArn reuses a web ACL, so its rules are managed elsewhere (use one or the other)" });
      }
    })
    .transform((s) => {
      if (!s.enabled) return { kind: "disabled" as const };
      if (s.existingWebAclArn !== undefined) return { kind: "existing" as const, existingWebAclArn: s.existingWebAclArn };
      return managedSettings(s, context, groups);
    })
    .superRefine((settings, ctx) => {
      if (settings.kind !== "managed") return;
      for (const issue of managedIssues(settings, context)) ctx.addIssue({ code: "custom", path: [...issue.path], input: issue.input, message: issue.message });
    });
}
export type WafInput = z.input<ReturnType<typeof wafSchema>>;
export type WafSettings = z.output<ReturnType<typeof wafSchema>>;
