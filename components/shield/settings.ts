/**
 * The Shield layer's choices and the types of its settings. The types come from `shieldSchema`
 * (shieldSchema.ts), the one source of truth: `ShieldInput` is what a stack file or a library user writes,
 * `ShieldSettings` what the components and the plan read.
 */
import type { z } from "zod";
import type { shieldSchema } from "./shieldSchema";

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

/** WCU that Shield's automatic mitigation rule group takes in the web ACL (priority 10,000,000). */
export const AUTOMATIC_RESPONSE_WCU = 150;

/** The `shield` settings as written: every field optional, with the schema's defaults. */
export type ShieldInput = z.input<ReturnType<typeof shieldSchema>>;
/** The parsed settings; they parse again to themselves, so a component may take them as its input. */
export type ShieldSettings = z.output<ReturnType<typeof shieldSchema>>;
export type AutomaticResponseSettings = NonNullable<ShieldSettings["automaticResponse"]>;
export type HealthCheckSettings = ShieldSettings["healthChecks"];
/** `false` when the 5xx check is off. */
export type Cloudfront5xxHealthCheckSettings = Exclude<HealthCheckSettings["cloudfront5xx"], false>;
export type HttpsHealthCheckSettings = NonNullable<HealthCheckSettings["https"]>;
export type NotificationSettings = ShieldSettings["notifications"];
export type SrtAccessSettings = ShieldSettings["srtAccess"];
export type ProactiveEngagementSettings = ShieldSettings["proactiveEngagement"];
export type EmergencyContact = ProactiveEngagementSettings["contacts"][number];
export type ProtectionGroupSettings = ShieldSettings["protectionGroup"];
