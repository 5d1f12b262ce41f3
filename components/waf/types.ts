/**
 * Typed WAF settings: the result of `parseWafConfig`, with every default applied.
 * Choices are literal unions; the parser rejects anything else.
 */

/** `count` turns every rule's action into count, to observe a new environment before blocking. */
export type WafRolloutMode = "enforce" | "count";

/** How Shield Advanced mitigates layer-7 floods; it changes the WAF budget and managed groups. */
export type ShieldMitigation = "automatic-response" | "anti-ddos-rule-group" | "none";

/** What the rest of the stack tells the WAF parser. */
export interface WafContext {
  readonly shieldMitigation: ShieldMitigation;
}

export const EVALUATION_WINDOWS = [60, 120, 300, 600] as const;
export type EvaluationWindowSec = (typeof EVALUATION_WINDOWS)[number];

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Rate-based rules cannot allow (AWS rejects it). */
export type RateAction = "block" | "count";
export type CustomRuleAction = "allow" | "block" | "count";
/** Rule-level override inside a managed group. Challenge/CAPTCHA are left out: API clients cannot solve them. */
export type RuleOverrideAction = "allow" | "block" | "count";
/** Group-level override: `none` keeps each rule's own action. */
export type GroupOverrideAction = "none" | "count";

/** One component of a custom aggregation key. Behind CloudFront the client IP is `ip`, never a forwarded header. */
export type AggregationKey =
  | { readonly kind: "ip" }
  | { readonly kind: "header"; readonly name: string }
  | { readonly kind: "queryArgument"; readonly name: string }
  | { readonly kind: "cookie"; readonly name: string }
  | { readonly kind: "labelNamespace"; readonly namespace: string };

export type RateAggregation =
  | { readonly kind: "IP" }
  | { readonly kind: "CONSTANT" }
  | { readonly kind: "CUSTOM_KEYS"; readonly keys: readonly AggregationKey[] };

export interface RateRuleSettings {
  /** Requests per evaluation window and aggregation instance, at least 10. */
  readonly limit: number;
  readonly windowSec: EvaluationWindowSec;
  readonly aggregation: RateAggregation;
  readonly action: RateAction;
}

/** A lower limit for one expensive or sensitive path. */
export interface UriRateRuleSettings extends RateRuleSettings {
  /** Rule name suffix: the rule is `rate-uri-<name>`. */
  readonly name: string;
  readonly pathPrefix: string;
  /** Empty: every method. */
  readonly methods: readonly HttpMethod[];
}

export type HeaderOperator = "EXACTLY" | "STARTS_WITH" | "ENDS_WITH" | "CONTAINS";
export type LabelScope = "LABEL" | "NAMESPACE";

/** A request condition; every given field must match (AND), `negate` inverts the whole. */
export interface MatchSpec {
  readonly pathPrefix?: string;
  readonly methods?: readonly HttpMethod[];
  readonly header?: { readonly name: string; readonly value: string; readonly operator: HeaderOperator };
  readonly countries?: readonly string[];
  readonly label?: { readonly scope: LabelScope; readonly key: string };
  /** Body larger than this many bytes; bodies beyond the inspection limit count as larger. */
  readonly bodyLargerThan?: number;
  readonly negate: boolean;
}

export interface CustomRuleSettings {
  readonly name: string;
  /** In the application range (see `PRIORITY`). */
  readonly priority: number;
  readonly action: CustomRuleAction;
  readonly match: MatchSpec;
}

export type ManagedGroupConfig =
  | { readonly kind: "botControl"; readonly inspectionLevel: "COMMON" | "TARGETED" }
  | {
      readonly kind: "antiDdos";
      /** Challenge actions only work for browsers; APIs keep them off. */
      readonly challenge: "ENABLED" | "DISABLED";
      readonly sensitivityToBlock: "LOW" | "MEDIUM" | "HIGH";
    };

export interface ManagedGroupSettings {
  /** `AWS` for AWS Managed Rules (checked against the catalogue), or a third-party seller's vendor name. */
  readonly vendor: string;
  /** Rule group name, e.g. `AWSManagedRulesCommonRuleSet`. */
  readonly name: string;
  /** Pinned version, e.g. `Version_1.12`; absent follows AWS's default version. */
  readonly version?: string;
  readonly overrideAction: GroupOverrideAction;
  readonly ruleActionOverrides: readonly { readonly name: string; readonly action: RuleOverrideAction }[];
  readonly scopeDown?: MatchSpec;
  /** Capacity units of the group itself (the catalogue's figure, or the configured `wcu`). */
  readonly wcu: number;
  readonly config?: ManagedGroupConfig;
}

/**
 * Bodies larger than `maxBytes` (default: the inspection limit) are blocked, or only counted,
 * except under `allowedPaths`. Managed groups inspect only the first `bodyInspectionLimit` bytes,
 * so a body beyond it could hide a payload behind padding; the rule treats such bodies as larger
 * (oversize handling MATCH). The Core rule set's own 8 KB `SizeRestrictions_BODY` always counts.
 */
export interface BodySizeSettings {
  readonly action: "block" | "count";
  /** At most the inspection limit in bytes. */
  readonly maxBytes: number;
  /** Paths (and everything below them) that may send larger bodies, inspected only up to the limit. */
  readonly allowedPaths: readonly string[];
}

/** How much of a body AWS WAF inspects for CloudFront; above 16 KB costs extra. */
export type BodyInspectionLimit = "KB_16" | "KB_32" | "KB_48" | "KB_64";

/** The inspection limits in bytes (API AssociationConfig, RequestBodyAssociatedResourceTypeConfig). */
export const INSPECTION_LIMIT_BYTES: Readonly<Record<BodyInspectionLimit, number>> = {
  KB_16: 16_384,
  KB_32: 32_768,
  KB_48: 49_152,
  KB_64: 65_536,
};

export type LogDestination =
  | { readonly kind: "cloudwatch"; readonly retentionDays: number }
  | { readonly kind: "existing"; readonly arn: string };

export interface WafLoggingSettings {
  readonly destination: LogDestination;
  /** Lower-case header names, always including `authorization`, `x-forwarded-authorization`, `cookie`. */
  readonly redactedHeaders: readonly string[];
  /** `blocked-and-counted` keeps only requests that were blocked or counted. */
  readonly filter: "all" | "blocked-and-counted";
}

export interface ManagedWafSettings {
  readonly kind: "managed";
  readonly mode: WafRolloutMode;
  /** Enabled groups only, in evaluation order. */
  readonly managedRuleGroups: readonly ManagedGroupSettings[];
  readonly bodySize: BodySizeSettings;
  readonly bodyInspectionLimit: BodyInspectionLimit;
  readonly rateLimits: {
    readonly blanket?: RateRuleSettings;
    readonly uri: readonly UriRateRuleSettings[];
    readonly ipReputation?: RateRuleSettings;
  };
  /** CIDRs (IPv4 and IPv6 mixed); split into one IP set per version. */
  readonly ipSets: { readonly allow: readonly string[]; readonly deny: readonly string[] };
  readonly geo?: { readonly mode: "block" | "allow"; readonly countries: readonly string[] };
  readonly customRules: readonly CustomRuleSettings[];
  readonly logging?: WafLoggingSettings;
  readonly capacity: {
    /** Maximum WCU for the web ACL including the reserve: 1,500 unless extra fees are accepted, at most 5,000. */
    readonly limit: number;
    /** Held back for Shield Advanced's automatic-mitigation rule group (150), else 0. */
    readonly reserve: number;
  };
}

export type WafSettings =
  | { readonly kind: "disabled" }
  | { readonly kind: "existing"; readonly existingWebAclArn: string }
  | ManagedWafSettings;
