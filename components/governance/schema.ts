/**
 * `edge-security:governance`: which operating model the edge stack follows, and (for hybrid and
 * centralized) what the security team's Firewall Manager policy takes, copied from the governance stack's
 * outputs so the WAF budget is checked before anything is created, offline.
 */
import { z } from "zod";
import { choice, intIn, listOf, strictObject, text, whenValid } from "../shared/schema/fields";
import { MAX_CAPACITY } from "../waf/capacitySchema";
import { wafNameField } from "../waf/wafFields";
import { CENTRAL_SHIELD_RESPONSES, GOVERNANCE_MODELS } from "./models";
import { scopeTagSchema } from "./scopeTag";

export const centralPolicySchema = strictObject({
  /** The governance stack (`org/project/stack`) the values below were copied from; `centralDrift` compares them. */
  stack: text(/^[\w.-]+\/[\w.-]+\/[\w.-]+$/, "allowed: the governance stack's fully qualified name, org/project/stack").optional(),
  /** The governance stack's `centralWcu`: the first and last rule groups' capacity in every web ACL in scope. */
  wcu: intIn(0, MAX_CAPACITY, `allowed: a whole number of WCU from 0 to ${MAX_CAPACITY} (the governance stack's centralWcu output)`),
  /** The managed groups the central policy runs (`firstRuleGroups`/`lastRuleGroups` of kind managed); the stack's web ACL leaves them out. */
  managedRuleGroups: listOf(wafNameField("allowed: a managed rule group name such as AWSManagedRulesCommonRuleSet")).default([]),
  /** The governance stack's `scopeTag`: the edge tags its distribution with it. */
  scopeTag: scopeTagSchema,
  /** The governance stack's `shieldAutomaticResponse`. */
  shieldAutomaticResponse: choice(CENTRAL_SHIELD_RESPONSES, " (the governance stack's shieldAutomaticResponse output)").default("none"),
});

export const governanceSchema = strictObject({
  model: choice(GOVERNANCE_MODELS).default("distributed"),
  central: centralPolicySchema.optional(),
}).superRefine((g, ctx) => {
  if (g.model !== "distributed" && g.central === undefined) {
    ctx.addIssue({ code: "custom", path: ["central"], input: g.central, message: `required with model ${g.model}: the security team's policy as its governance stack exports it (wcu, managedRuleGroups, scopeTag, shieldAutomaticResponse)` });
  }
  if (g.model === "distributed" && g.central !== undefined) {
    ctx.addIssue({ code: "custom", path: ["central"], input: g.central, message: "allowed only with model hybrid or centralized: under distributed no Firewall Manager policy touches this stack's web ACL" });
  }
}, whenValid("model", "central"));

export type GovernanceInput = z.input<typeof governanceSchema>;
export type GovernanceSettings = z.output<typeof governanceSchema>;
export type CentralPolicy = z.output<typeof centralPolicySchema>;

/** The distributed model: the stack owns its web ACL and Shield, as without a `governance` section. */
export const DISTRIBUTED: GovernanceSettings = { model: "distributed" };
