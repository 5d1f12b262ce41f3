/**
 * The security team's own rule groups (`waf.customRuleGroups`): the few rules every edge gets, written once,
 * with the edge's own WAF schemas (`ipSets.deny`, `geo`, `bodySize`, `rateLimits`), so a central rule and an
 * app rule with the same settings are the same rule, checked and costed alike. Each group becomes an
 * `aws.wafv2.RuleGroup` (CLOUDFRONT scope, us-east-1) whose capacity is the WCU estimate of its rules.
 * Allow rules are not offered: an allow in a central group ends evaluation before the app's rules.
 */
import { z } from "zod";
import { strictObject, text, whenValid } from "../../components/shared/schema/fields";
import { isPlainObject } from "../../components/shared/validation";
import { geoSchema, ipSetsSchema } from "../../components/waf/accessSchemas";
import { rateLimitsSchema } from "../../components/waf/rateLimitsSchema";
import { signerHeaderProblem } from "../../components/waf/signerHeaders";
import { INSPECTION_LIMIT_BYTES } from "../../components/waf/types";
import { validateWafRules } from "../../components/waf/validateWafRules";
import { bodySizeSchema } from "../../components/waf/wafSchema";
import { PLACEHOLDER_IP_SET_ARNS } from "../../components/waf/wafRule";
import { customGroupRules } from "./centralRules";

/** A group's capacity is what its rules take (checked in centralPolicy against the web ACL maximum), so no budget here. */
const NO_BUDGET = { limit: Number.MAX_SAFE_INTEGER, reserve: 0 };

export const GROUP_NAME = /^[a-z][a-z0-9-]{0,31}$/;
export const groupName = text(GROUP_NAME, "allowed: a rule group name of 1-32 a-z 0-9 -, starting with a letter");

/** The body inspection limit every web ACL has unless its owner raises it (KB_16); a central rule cannot count on more. */
export const CENTRAL_BODY_LIMIT = INSPECTION_LIMIT_BYTES.KB_16;

const ALLOW_REFUSED = "allowed: nothing: an allow in the security team's rule group would end evaluation before the app's rules and the rest of the policy";

/** AWS WAF quotas, "Maximum number of rate-based rules per rule group" (docs/aws-facts.md). */
export const MAX_RATE_RULES_PER_GROUP = 4;

/** The edge's rate limits, each off unless given (a central group has no default rule). */
const groupRateLimits = z.preprocess((value) => (isPlainObject(value) ? { blanket: false, ipReputation: false, ...value } : value), rateLimitsSchema);

export const customRuleGroupSchema = strictObject({
  /** Addresses every edge in scope refuses (JSON 403); IPv4 and IPv6 mixed, one IP set per version. */
  ipSets: strictObject({ deny: ipSetsSchema.shape.deny, allow: z.undefined({ error: ALLOW_REFUSED }).optional() }).optional(),
  geo: geoSchema.optional(),
  /** Bodies over `maxBytes` (at most the default 16 KB inspection limit) blocked or counted, except under `allowedPaths`. */
  bodySize: bodySizeSchema.optional(),
  /** `blanket` and `uri` as in the edge's `waf.rateLimits`; nothing by default. */
  rateLimits: groupRateLimits.optional(),
})
  .superRefine((group, ctx) => {
    const rules = (group.ipSets?.deny.length ?? 0) + (group.geo ? 1 : 0) + (group.bodySize ? 1 : 0) + (group.rateLimits?.blanket ? 1 : 0) + (group.rateLimits?.uri.length ?? 0);
    if (rules === 0) ctx.addIssue({ code: "custom", path: [], input: group, message: "required: at least one rule (ipSets.deny, geo, bodySize or rateLimits); AWS WAF needs rules in a rule group" });
  }, whenValid())
  .superRefine((group, ctx) => {
    if ((group.bodySize?.maxBytes ?? 0) <= CENTRAL_BODY_LIMIT) return;
    const message = `allowed: at most ${CENTRAL_BODY_LIMIT}, the inspection limit (KB_16) every web ACL has unless its owner raises it: WAF sees no more of a body`;
    ctx.addIssue({ code: "custom", path: ["bodySize", "maxBytes"], input: group.bodySize?.maxBytes, message });
  }, whenValid("bodySize"))
  .superRefine((group, ctx) => {
    const rated = (group.rateLimits?.blanket ? 1 : 0) + (group.rateLimits?.uri.length ?? 0);
    if (rated > MAX_RATE_RULES_PER_GROUP) {
      const message = `allowed: at most ${MAX_RATE_RULES_PER_GROUP} rate-based rules in a rule group (AWS WAF quota; the blanket rule and each uri rule count; these make ${rated}): split them into another group`;
      ctx.addIssue({ code: "custom", path: ["rateLimits"], input: rated, message });
    }
    (group.rateLimits?.uri ?? []).forEach((rule, index) => {
      if (rule.aggregation.kind !== "CUSTOM_KEYS") return;
      const at = ["rateLimits", "uri", index, "aggregation"];
      if (rule.aggregation.keys.some((k) => k.kind === "labelNamespace")) {
        ctx.addIssue({ code: "custom", path: at, input: rule.aggregation, message: "allowed: keys other than labelNamespace: a central group cannot count on the labels of rules that run before it in every web ACL" });
      }
      rule.aggregation.keys.forEach((key, k) => {
        // The same signer runs in every edge stack in scope: a header it drops or relocates never reaches the API as WAF reads it.
        const message = key.kind === "header" ? signerHeaderProblem(key.name) : undefined;
        if (message) ctx.addIssue({ code: "custom", path: [...at, "customKeys", k, "header"], input: key.name, message });
      });
    });
    if (group.rateLimits?.ipReputation) {
      const message = "allowed: false: its scope-down reads the reputation groups' labels, which a rule group has no source of; the managed IP reputation groups block those clients";
      ctx.addIssue({ code: "custom", path: ["rateLimits", "ipReputation"], input: group.rateLimits.ipReputation, message });
    }
  }, whenValid("rateLimits"))
  .transform((group) => ({
    denyCidrs: group.ipSets?.deny ?? [],
    ...(group.geo ? { geo: group.geo } : {}),
    ...(group.bodySize ? { bodySize: { action: group.bodySize.action, maxBytes: group.bodySize.maxBytes ?? CENTRAL_BODY_LIMIT, allowedPaths: group.bodySize.allowedPaths } } : {}),
    rateLimits: group.rateLimits ?? { uri: [] },
  }))
  // The same checks as the edge's own rules: unique names, nesting, at most 10 rate-based rules.
  .superRefine((group, ctx) => {
    for (const issue of validateWafRules(customGroupRules(group, PLACEHOLDER_IP_SET_ARNS), NO_BUDGET)) ctx.addIssue({ code: "custom", path: [...issue.path], input: issue.input, message: issue.message });
  });

export type CustomRuleGroupInput = z.input<typeof customRuleGroupSchema>;
export type CustomRuleGroupSettings = z.output<typeof customRuleGroupSchema>;
