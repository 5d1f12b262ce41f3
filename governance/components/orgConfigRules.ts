import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../../components/shared/region";
import { GovernanceConfig } from "./config";

/** One organization Config rule: an AWS managed rule in a region, for every account of the organization. */
export interface OrgConfigRuleSpec {
  /** Short name, unique in the program; the rule is `<prefix>-<name>`. */
  readonly name: string;
  /** The managed rule's name in AWS's list (its page: https://docs.aws.amazon.com/config/latest/developerguide/<rule>.html). */
  readonly rule: string;
  /** The managed rule's identifier (AWS Config Developer Guide, "List of AWS Config Managed Rules"). */
  readonly identifier: string;
  readonly region: string;
  readonly resourceTypes?: readonly string[];
  /** Periodic rules run on a schedule instead of on configuration changes. */
  readonly periodic?: boolean;
  readonly excludedAccounts?: readonly string[];
  readonly description: string;
}

/**
 * The guardrails of AWS's operating-models blog, as AWS Config managed rules. CloudFront, its CLOUDFRONT web
 * ACLs and the Shield subscription are global, recorded in us-east-1, where the first rule is only available:
 * - cloudfront-associated-with-waf (CLOUDFRONT_ASSOCIATED_WITH_WAF), us-east-1 only;
 * - wafv2-logging-enabled (WAFV2_LOGGING_ENABLED);
 * - wafv2-webacl-not-empty (WAFV2_WEBACL_NOT_EMPTY);
 * - shield-advanced-enabled-autorenew (SHIELD_ADVANCED_ENABLED_AUTORENEW), periodic, with a Shield policy;
 * - api-gw-associated-with-waf (API_GW_ASSOCIATED_WITH_WAF), per region, only when asked: the edge's stages are
 *   IAM-only and protected at CloudFront, so their accounts are the exemption (`excludedAccounts`).
 * Sources: https://docs.aws.amazon.com/config/latest/developerguide/<rule-name>.html (checked 2026-12-01).
 */
export function orgConfigRuleSpecs(config: GovernanceConfig): OrgConfigRuleSpec[] {
  if (!config.configRules.enabled) return [];
  const specs: OrgConfigRuleSpec[] = [
    { name: "cloudfront-associated-with-waf", rule: "cloudfront-associated-with-waf", identifier: "CLOUDFRONT_ASSOCIATED_WITH_WAF", region: EDGE_REGION, resourceTypes: ["AWS::CloudFront::Distribution"], description: "CloudFront distributions are associated with a WAF web ACL" },
    { name: "wafv2-logging-enabled", rule: "wafv2-logging-enabled", identifier: "WAFV2_LOGGING_ENABLED", region: EDGE_REGION, resourceTypes: ["AWS::WAFv2::WebACL"], description: "WAFv2 web ACLs log their traffic" },
    { name: "wafv2-webacl-not-empty", rule: "wafv2-webacl-not-empty", identifier: "WAFV2_WEBACL_NOT_EMPTY", region: EDGE_REGION, resourceTypes: ["AWS::WAFv2::WebACL"], description: "WAFv2 web ACLs contain rules or rule groups" },
  ];
  if (config.shield.enabled) {
    specs.push({ name: "shield-advanced-enabled-autorenew", rule: "shield-advanced-enabled-autorenew", identifier: "SHIELD_ADVANCED_ENABLED_AUTORENEW", region: EDGE_REGION, periodic: true, description: "Shield Advanced is subscribed and renews automatically" });
  }
  for (const region of config.configRules.apiGateway?.regions ?? []) {
    specs.push({
      name: `api-gw-associated-with-waf-${region}`,
      rule: "api-gw-associated-with-waf",
      identifier: "API_GW_ASSOCIATED_WITH_WAF",
      region,
      resourceTypes: ["AWS::ApiGateway::Stage"],
      excludedAccounts: config.configRules.apiGateway?.excludedAccounts,
      description: "API Gateway stages use a regional web ACL (edge-fronted, IAM-only stages' accounts excluded)",
    });
  }
  return specs;
}

/** AWS Config API Reference, PutOrganizationConfigRule: OrganizationConfigRuleName is 1-64 characters (unconfirmed, docs/aws-facts.md). */
export const MAX_RULE_NAME = 64;

export interface OrgConfigRulesArgs {
  readonly specs: readonly OrgConfigRuleSpec[];
}

/**
 * The organization Config rules, created from the organization's management account or Config's delegated
 * administrator (which the Firewall Manager administrator account can be). Names are unique in the organization.
 */
export class OrgConfigRules extends pulumi.ComponentResource {
  readonly names: readonly string[];

  constructor(name: string, args: OrgConfigRulesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const names = args.specs.map((spec) => `${name}-${spec.name}`);
    const tooLong = names.filter((n) => n.length > MAX_RULE_NAME);
    if (tooLong.length > 0) throw new Error(`OrgConfigRules ${name}: rule names longer than ${MAX_RULE_NAME} characters (PutOrganizationConfigRule): ${tooLong.join(", ")}; use a shorter component name`);
    super("edge-governance:config:OrgConfigRules", name, {}, opts);
    this.names = args.specs.map((spec, index) => {
      const ruleName = names[index];
      new aws.cfg.OrganizationManagedRule(ruleName, {
        name: ruleName,
        region: spec.region,
        ruleIdentifier: spec.identifier,
        description: spec.description,
        ...(spec.resourceTypes ? { resourceTypesScopes: [...spec.resourceTypes] } : {}),
        ...(spec.periodic ? { maximumExecutionFrequency: "TwentyFour_Hours" } : {}),
        ...(spec.excludedAccounts && spec.excludedAccounts.length > 0 ? { excludedAccounts: [...spec.excludedAccounts] } : {}),
      }, { parent: this });
      return ruleName;
    });
    this.registerOutputs({ names: this.names });
  }
}
