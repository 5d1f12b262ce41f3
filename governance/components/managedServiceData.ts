/**
 * Pure builders of `securityServicePolicyData.managedServiceData`, the JSON string Firewall Manager takes.
 * Formats: FMS API Reference, SecurityServicePolicyData, examples "WAFV2 - Firewall Manager support for WAF
 * managed rule group versioning", "WAFV2 - Logging configurations" and "Specification for SHIELD_ADVANCED
 * for Amazon CloudFront distributions" (https://docs.aws.amazon.com/fms/2018-01-01/APIReference/API_SecurityServicePolicyData.html).
 *
 * AWS returns the JSON with its optional keys present (null or []) and in its own order; a program that
 * leaves them out shows a diff on every update (hashicorp/terraform-provider-aws#21894, #23953; the
 * provider suppresses some since PR #32860). So every key of the documented WAFV2 format is written,
 * always, in one fixed order: null (or the examples' []) where unset. AWS's examples show only some unset
 * keys (`customRequestHandling`, `tokenDomains`, `excludeRules`, ...); which of the others (`captchaConfig`,
 * `challengeConfig`, `associationConfig`, `webACLSource`, `ruleActionOverrides`, `loggingFilterConfigs`) it
 * returns as null when unset is not documented: unconfirmed (docs/aws-facts.md).
 */

/** A managed rule group or one of the security team's rule groups, as Firewall Manager references it. */
export type FmsRuleGroupRef =
  | {
      readonly kind: "managed";
      /** `AWS`, or a third-party seller's vendor name. */
      readonly vendor: string;
      readonly name: string;
      /** Pinned version; absent follows AWS's default version. */
      readonly version?: string;
      /** The group's own override to count (the policy's `COUNT` counts every group anyway). */
      readonly count?: boolean;
      readonly ruleActionOverrides: readonly { readonly name: string; readonly action: "allow" | "block" | "count" }[];
    }
  | { readonly kind: "custom"; readonly arn: string };

export interface WafPolicyData {
  /** Run first in every web ACL in scope, in this order. */
  readonly first: readonly FmsRuleGroupRef[];
  /** Run last, in this order. */
  readonly last: readonly FmsRuleGroupRef[];
  /** `COUNT` overrides every group's result to count (rollout). */
  readonly overrideAction: "NONE" | "COUNT";
  /** Default action of the web ACLs Firewall Manager creates (retrofitted ones keep theirs). */
  readonly defaultAction: "ALLOW" | "BLOCK";
  /** `true` replaces a web ACL an account associated with Firewall Manager's. */
  readonly overrideCustomerWebACLAssociation: boolean;
  /** Added to web ACLs that log nowhere yet; Firehose or S3 only. */
  readonly logging?: { readonly destinationArn: string; readonly redactedHeaders: readonly string[] };
  /** `RETROFIT_EXISTING`: keep the accounts' web ACLs and insert the first and last groups into them. */
  readonly webACLSource?: "RETROFIT_EXISTING";
}

function ruleGroupEntry(ref: FmsRuleGroupRef, overrideAction: WafPolicyData["overrideAction"]) {
  const managed = ref.kind === "managed";
  return {
    ruleGroupArn: managed ? null : ref.arn,
    overrideAction: { type: managed && ref.count ? "COUNT" : overrideAction },
    managedRuleGroupIdentifier: managed
      ? {
          versionEnabled: ref.version === undefined ? null : true,
          version: ref.version ?? null,
          vendorName: ref.vendor,
          managedRuleGroupName: ref.name,
          managedRuleGroupConfigs: null,
        }
      : null,
    ruleGroupType: managed ? "ManagedRuleGroup" : "RuleGroup",
    excludeRules: [],
    sampledRequestsEnabled: true,
    // Firewall Manager takes rule action overrides for managed groups only.
    ruleActionOverrides: managed && ref.ruleActionOverrides.length > 0 ? ref.ruleActionOverrides.map((o) => ({ name: o.name, actionToUse: { [o.action]: {} } })) : null,
  };
}

/** The `WAFV2` policy data, every documented key present, in a fixed order. */
export function wafv2ManagedServiceData(data: WafPolicyData): string {
  return JSON.stringify({
    type: "WAFV2",
    preProcessRuleGroups: data.first.map((r) => ruleGroupEntry(r, data.overrideAction)),
    postProcessRuleGroups: data.last.map((r) => ruleGroupEntry(r, data.overrideAction)),
    defaultAction: { type: data.defaultAction },
    customRequestHandling: null,
    customResponse: null,
    overrideCustomerWebACLAssociation: data.overrideCustomerWebACLAssociation,
    loggingConfiguration: data.logging
      ? {
          logDestinationConfigs: [data.logging.destinationArn],
          redactedFields: data.logging.redactedHeaders.map((h) => ({ redactedFieldType: "SingleHeader", redactedFieldValue: h })),
          loggingFilterConfigs: null,
        }
      : null,
    sampledRequestsEnabledForDefaultActions: true,
    // Unset: the web ACLs keep their own (a policy that sets them overwrites the accounts' web ACLs).
    captchaConfig: null,
    challengeConfig: null,
    tokenDomains: null,
    associationConfig: null,
    // Firewall Manager creates a web ACL in an account only when a resource there will use it.
    optimizeUnassociatedWebACL: true,
    webACLSource: data.webACLSource ?? null,
  });
}

/** The `SHIELD_ADVANCED` policy data for CloudFront: automatic application layer response enabled with `action`. */
export function shieldManagedServiceData(action: "COUNT" | "BLOCK"): string {
  return JSON.stringify({
    type: "SHIELD_ADVANCED",
    automaticResponseConfiguration: { automaticResponseStatus: "ENABLED", automaticResponseAction: action },
    overrideCustomerWebaclClassic: false,
    optimizeUnassociatedWebACL: true,
  });
}
