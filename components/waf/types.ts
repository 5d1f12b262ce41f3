/**
 * The WAF's choices and context, and the settings types: `z.input` of the schemas is what a stack file or a
 * library user writes, `z.output` (re-exported here) the settings the rule builders and the component use.
 */

/** `count` turns every rule's action into count, to observe a new environment before blocking. */
export const ROLLOUT_MODES = ["enforce", "count"] as const;
export type WafRolloutMode = (typeof ROLLOUT_MODES)[number];

/** How Shield Advanced mitigates layer-7 floods; it changes the WAF budget and managed groups. */
export type ShieldMitigation = "automatic-response" | "anti-ddos-rule-group" | "none";

/** What the rest of the stack tells the WAF schema. */
export interface WafContext {
  readonly shieldMitigation: ShieldMitigation;
  /** The monitoring's opt-in rate-limit probe (components/monitoring/rateLimitProbe.ts), a rule of the web ACL when given. @default none */
  readonly rateLimitProbe?: RateLimitProbe;
  /**
   * The signer's `authorizationHeader`, where it moves the viewer's Authorization: rules may not read the viewer's
   * own copy of it (signerHeaders.ts). @default "x-forwarded-authorization"
   */
  readonly authorizationHeader?: string;
}

/** A rate-based rule that counts only requests carrying `headerName: token`, for `npm run verify -- --rate-limit-probe`. */
export interface RateLimitProbe {
  /** Lowercase, as AWS WAF matches single headers. */
  readonly headerName: string;
  /** Matched exactly; it scopes the rule and guards nothing. */
  readonly token: string;
  readonly limit: number;
  readonly windowSec: number;
  readonly ruleName: string;
}

export const EVALUATION_WINDOWS = [60, 120, 300, 600] as const;
export type EvaluationWindowSec = (typeof EVALUATION_WINDOWS)[number];

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Rate-based rules cannot allow (AWS rejects it). */
export const RATE_ACTIONS = ["block", "count"] as const;
export type RateAction = (typeof RATE_ACTIONS)[number];
export const CUSTOM_RULE_ACTIONS = ["allow", "block", "count"] as const;
export type CustomRuleAction = (typeof CUSTOM_RULE_ACTIONS)[number];
/** Rule-level override inside a managed group. Challenge/CAPTCHA are left out: API clients cannot solve them. */
export const RULE_OVERRIDE_ACTIONS = ["allow", "block", "count"] as const;
export type RuleOverrideAction = (typeof RULE_OVERRIDE_ACTIONS)[number];
/** Group-level override: `none` keeps each rule's own action. */
export type GroupOverrideAction = "none" | "count";

export const HEADER_OPERATORS = ["EXACTLY", "STARTS_WITH", "ENDS_WITH", "CONTAINS"] as const;
export type HeaderOperator = (typeof HEADER_OPERATORS)[number];
export const LABEL_SCOPES = ["LABEL", "NAMESPACE"] as const;
export type LabelScope = (typeof LABEL_SCOPES)[number];

/** How much of a body AWS WAF inspects for CloudFront; above 16 KB costs extra. */
export const BODY_INSPECTION_LIMITS = ["KB_16", "KB_32", "KB_48", "KB_64"] as const;
export type BodyInspectionLimit = (typeof BODY_INSPECTION_LIMITS)[number];

/** The inspection limits in bytes (API AssociationConfig, RequestBodyAssociatedResourceTypeConfig). */
export const INSPECTION_LIMIT_BYTES: Readonly<Record<BodyInspectionLimit, number>> = {
  KB_16: 16_384,
  KB_32: 32_768,
  KB_48: 49_152,
  KB_64: 65_536,
};

/** A problem found in the `waf` settings: where (a path in them), the value, and what is allowed. */
export interface WafIssue {
  readonly path: readonly (string | number)[];
  readonly input: unknown;
  readonly message: string;
}

export type { MatchInput, MatchSpec } from "./matchSchema";
export type { CustomRuleSettings } from "./customRulesSchema";
export type { AggregationKey, RateAggregation, RateLimitSettings, RateRuleSettings, UriRateRuleSettings } from "./rateLimitsSchema";
export type { ManagedGroupConfig, ManagedGroupSettings } from "./managedGroupsSchema";
export type { LogDestination, WafLoggingSettings } from "./loggingSchema";
export type { BodySizeSettings, ManagedWafSettings, WafInput, WafSettings } from "./wafSchema";
