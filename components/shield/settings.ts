/**
 * Typed settings of the optional Shield Advanced layer, as produced by `parseShieldConfig`.
 * Only the parser builds these; components and the plan read them.
 */

/**
 * How application-layer (L7) DDoS attacks are mitigated:
 * - `automatic-response`: Shield's automatic mitigation adds `ShieldMitigationRuleGroup_*` to the web ACL (150 WCU);
 * - `anti-ddos-rule-group`: the WAF web ACL carries `AWSManagedRulesAntiDDoSRuleSet`, AWS's default for new customers
 *   since 2026-03-26;
 * - `none`: detection and SRT only.
 */
export const LAYER7_MITIGATIONS = ["automatic-response", "anti-ddos-rule-group", "none"] as const;
export type Layer7Mitigation = (typeof LAYER7_MITIGATIONS)[number];

/** What the automatic response does with the requests its rules match. */
export const AUTOMATIC_RESPONSE_ACTIONS = ["COUNT", "BLOCK"] as const;
export type AutomaticResponseAction = (typeof AUTOMATIC_RESPONSE_ACTIONS)[number];

/**
 * `assume-existing`: the account is already subscribed (nothing is created, nothing can be cancelled);
 * `create`: this stack subscribes the account, a one-year commitment kept on destroy (`skipDestroy`).
 */
export const SUBSCRIPTION_MODES = ["assume-existing", "create"] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

/** Which resources a protection group gathers, so Shield detects and reports on them together. */
export const PROTECTION_GROUP_SCOPES = ["all-cloudfront-distributions", "all-protected-resources", "this-distribution"] as const;
export type ProtectionGroupScope = (typeof PROTECTION_GROUP_SCOPES)[number];

/** How Shield combines the traffic of a group's members; AWS recommends MAX for CloudFront distributions. */
export const PROTECTION_GROUP_AGGREGATIONS = ["MAX", "SUM", "MEAN"] as const;
export type ProtectionGroupAggregation = (typeof PROTECTION_GROUP_AGGREGATIONS)[number];

/** Route 53 request intervals (seconds); 10 s is a "fast" check at a higher price. */
export const HEALTH_CHECK_INTERVALS = [10, 30] as const;
export type HealthCheckInterval = (typeof HEALTH_CHECK_INTERVALS)[number];

export interface AutomaticResponseSettings {
  readonly action: AutomaticResponseAction;
  /** Day (YYYY-MM-DD, UTC) since which the protection has seen traffic, i.e. how old its baseline is. */
  readonly protectedSince?: string;
  /** Set when BLOCK is wanted although the baseline is younger than AWS recommends. */
  readonly acknowledgeBlockWithoutBaseline: boolean;
}

/** CloudWatch alarm on CloudFront's `5xxErrorRate` (percent of requests), watched by a Route 53 health check. */
export interface Cloudfront5xxHealthCheckSettings {
  readonly thresholdPercent: number;
  /** Consecutive 60-second periods above the threshold before the alarm (and the health check) turns unhealthy. */
  readonly evaluationPeriods: number;
}

/** Route 53 HTTPS check of a path through CloudFront (WAF, signer and API included). */
export interface HttpsHealthCheckSettings {
  readonly path: string;
  /** Host to check, e.g. the distribution's alias; the distribution's own domain name when absent. */
  readonly fqdn?: string;
  readonly requestIntervalSeconds: HealthCheckInterval;
  readonly failureThreshold: number;
}

export interface HealthCheckSettings {
  readonly cloudfront5xx?: Cloudfront5xxHealthCheckSettings;
  readonly https?: HttpsHealthCheckSettings;
}

export interface NotificationSettings {
  /** Existing SNS topic in us-east-1; a new topic is created when absent. */
  readonly topicArn?: string;
  /** Email addresses subscribed to the topic (each must confirm the subscription). */
  readonly emails: readonly string[];
}

export interface SrtAccessSettings {
  readonly enabled: boolean;
  /** Existing role that already has `AWSShieldDRTAccessPolicy`; a new role is created when absent. */
  readonly roleArn?: string;
  /** Lets the SRT read the WAF log bucket (`DrtAccessLogBucketAssociation`). */
  readonly shareWafLogBucket: boolean;
}

export interface EmergencyContact {
  readonly email: string;
  /** E.164, e.g. `+14155550100`. */
  readonly phone?: string;
  readonly notes?: string;
}

export interface ProactiveEngagementSettings {
  readonly enabled: boolean;
  readonly contacts: readonly EmergencyContact[];
}

export interface ProtectionGroupSettings {
  readonly enabled: boolean;
  /** Account-unique group id; derived from the component name when absent. */
  readonly id?: string;
  readonly scope: ProtectionGroupScope;
  readonly aggregation: ProtectionGroupAggregation;
}

export interface ShieldSettings {
  /** Off unless the stack turns it on (the dev default). */
  readonly enabled: boolean;
  readonly subscription: SubscriptionMode;
  /** Always `none` when the layer is off, so the WAF reserves no capacity for it. */
  readonly layer7Mitigation: Layer7Mitigation;
  /** Present only when `layer7Mitigation` is `automatic-response`. */
  readonly automaticResponse?: AutomaticResponseSettings;
  readonly healthChecks: HealthCheckSettings;
  readonly notifications: NotificationSettings;
  readonly srtAccess: SrtAccessSettings;
  readonly proactiveEngagement: ProactiveEngagementSettings;
  readonly protectionGroup: ProtectionGroupSettings;
  /** Risky but valid choices, each with its reason; logged at deploy and printed by the plan. */
  readonly warnings: readonly string[];
}

/** WCU that Shield's automatic mitigation rule group takes in the web ACL (priority 10,000,000). */
export const AUTOMATIC_RESPONSE_WCU = 150;
