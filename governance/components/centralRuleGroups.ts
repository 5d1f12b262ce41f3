import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../../components/shared/region";
import { customResponseBodies } from "../../components/waf/toPulumiRules";
import { visibilityConfig } from "../../components/waf/visibility";
import { cidrVersion } from "../../components/waf/cidr";
import { IpSetArns } from "../../components/waf/wafRule";
import { customGroupRules, customGroupWcu } from "./centralRules";
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
      const denySet = (version: "IPV4" | "IPV6") => {
        const addresses = settings.denyCidrs.filter((c) => cidrVersion(c) === version);
        if (addresses.length === 0) return undefined;
        const setName = `${groupName}-deny-${version.toLowerCase()}`;
        return new aws.wafv2.IpSet(setName, { ...common, name: setName, ipAddressVersion: version, addresses, description: `deny list of ${groupName}` }, { parent: this }).arn;
      };
      const ipSets: IpSetArns<pulumi.Input<string>> = { denyIpv4: denySet("IPV4"), denyIpv6: denySet("IPV6") };
      wcu[group] = customGroupWcu(settings);
      arns[group] = new aws.wafv2.RuleGroup(groupName, {
        ...common,
        namePrefix: `${groupName}-`,
        description: `Central rule group ${group}, run by the Firewall Manager WAF policy`,
        capacity: wcu[group],
        rules: toRuleGroupRules(group, customGroupRules(settings, ipSets)),
        customResponseBodies: customResponseBodies(),
        visibilityConfig: visibilityConfig(groupName),
      }, { parent: this }).arn;
    }
    this.arns = arns;
    this.wcu = wcu;
    this.registerOutputs({ arns });
  }
}
