import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { toPulumiRules } from "../../components/waf/toPulumiRules";
import { WafRule } from "../../components/waf/wafRule";

/**
 * Renders a custom group's rules to the typed `rules` of `aws.wafv2.RuleGroup`, through the web ACL renderer so
 * both stay one mechanism; each metric is named after its group (`<group>-<rule>`). A rule group holds only
 * rules with their own action (no managed group statements), which this refuses; for those the two provider
 * types differ only in optional fields the renderer never sets (e.g. `customRequestHandling`), hence the one
 * conversion below.
 */
export function toRuleGroupRules(group: string, rules: readonly WafRule<pulumi.Input<string>>[]): aws.types.input.wafv2.RuleGroupRule[] {
  for (const rule of rules) {
    if ("overrideAction" in rule) throw new Error(`rule group ${group}: a rule group cannot hold a managed rule group (${rule.name}); reference it in the policy instead`);
  }
  return toPulumiRules(rules.map((rule) => ({ ...rule, metricName: `${group}-${rule.metricName}` }))) as unknown as aws.types.input.wafv2.RuleGroupRule[];
}
