import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../../components/shared/region";
import { customResponseBodies } from "../../components/waf/toPulumiRules";
import { visibilityConfig } from "../../components/waf/visibility";
import { cidrsOf, customGroupWcu, centralGroupRules, GroupIpSets } from "./centralGroupRules";
import { CustomRuleGroupSettings } from "./ruleGroupConfig";
import { toRuleGroupRules } from "./toRuleGroupRules";

export interface CentralRuleGroupsArgs {
  /** `waf.customRuleGroups`: one rule group each. */
  readonly groups: Readonly<Record<string, CustomRuleGroupSettings>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The security team's own rule groups, CLOUDFRONT scope in us-east-1, with their deny IP sets. Each group's
 * capacity is the WCU estimate of its rules. Capacity cannot change after creation, so a group whose rules
 * outgrow it is replaced: its name is generated (`namePrefix`), the new group is created first, the policy
 * moves to it, then the old one is deleted.
 */
export class CentralRuleGroups extends pulumi.ComponentResource {
  /** Per group name: the rule group's ARN, for the Firewall Manager policy. */
  readonly arns: Readonly<Record<string, pulumi.Output<string>>>;
  /** Per group name: its capacity (WCU). */
  readonly wcu: Readonly<Record<string, number>>;

  constructor(name: string, args: CentralRuleGroupsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-governance:waf:CentralRuleGroups", name, {}, opts);
    const tags = { ...args.tags };
    const common = { scope: "CLOUDFRONT", region: EDGE_REGION, tags };
    const arns: Record<string, pulumi.Output<string>> = {};
    const wcu: Record<string, number> = {};
    for (const [group, settings] of Object.entries(args.groups)) {
      const groupName = `${name}-${group}`;
      const ipSets: GroupIpSets<pulumi.Input<string>> = Object.fromEntries(
        (["IPV4", "IPV6"] as const)
          .filter((version) => cidrsOf(settings, version).length > 0)
          .map((version) => {
            const setName = `${groupName}-deny-${version.toLowerCase()}`;
            const set = new aws.wafv2.IpSet(setName, { ...common, name: setName, ipAddressVersion: version, addresses: cidrsOf(settings, version), description: `deny list of ${groupName}` }, { parent: this });
            return [version, set.arn];
          }),
      );
      wcu[group] = customGroupWcu(group, settings);
      arns[group] = new aws.wafv2.RuleGroup(groupName, {
        ...common,
        namePrefix: `${groupName}-`,
        description: `Central rule group ${group}, run by the Firewall Manager WAF policy`,
        capacity: wcu[group],
        rules: toRuleGroupRules(centralGroupRules(group, settings, ipSets)),
        customResponseBodies: customResponseBodies(),
        visibilityConfig: visibilityConfig(groupName),
      }, { parent: this }).arn;
    }
    this.arns = arns;
    this.wcu = wcu;
    this.registerOutputs({ arns });
  }
}
