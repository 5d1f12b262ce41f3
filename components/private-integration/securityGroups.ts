import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { mustGet } from "./mustGet";
import type { PrivatePlan } from "./privatePlan";
import type { VpcPlacement } from "./privateNetwork";
import { GroupRef, RulePeer, securityRules } from "./securityRules";
import type { PrivateServiceSettings, PrivateVpcSettings } from "./settings";

const PURPOSE: Record<GroupRef["kind"], string> = {
  link: "API Gateway VPC link",
  nlb: "internal NLB",
  alb: "internal ALB",
  backend: "backends of one microservice",
  endpoints: "VPC endpoints of VPC",
};

export interface SecurityGroupArgs {
  readonly name: string;
  readonly plan: PrivatePlan;
  readonly services: readonly PrivateServiceSettings[];
  readonly vpcSettings: readonly PrivateVpcSettings[];
  readonly vpcs: ReadonlyMap<string, VpcPlacement>;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Creates one security group per link, NLB, ALB, service backend and endpoint set, and the rules
 * of `securityRules`. Returns the group ids keyed `<kind>-<key>`.
 */
export function createSecurityGroups(args: SecurityGroupArgs, parent: pulumi.Resource): Map<string, pulumi.Output<string>> {
  const { name, plan, vpcs, region, tags } = args;
  const { groups, rules } = securityRules(plan, args.services, args.vpcSettings);
  const vpcOf = vpcOfGroup(plan);
  const ids = new Map<string, pulumi.Output<string>>();
  for (const g of groups) {
    const vpc = mustGet(vpcs, vpcOf(g), "VPC");
    // The provider removes the allow-all egress rule AWS adds to every new group, whether or not
    // inline rules are given; no inline rules here, so the standalone rules below are all there is.
    const sg = new aws.ec2.SecurityGroup(`${name}-sg-${g.kind}-${g.key}`, {
      description: `${PURPOSE[g.kind]} ${g.key}, managed by edge-security`,
      vpcId: vpc.vpcId,
      region,
      tags: { ...tags, Name: `${name}-${g.kind}-${g.key}` },
    }, { parent });
    ids.set(`${g.kind}-${g.key}`, sg.id);
  }
  // S3's AWS-managed prefix list (the gateway endpoint's destinations), looked up once, in the region.
  const s3PrefixList = rules.some((r) => r.peer.kind === "prefixList")
    ? aws.ec2.getManagedPrefixListOutput({ name: `com.amazonaws.${region}.s3`, region }, { parent }).id
    : undefined;
  const peerOf = (peer: RulePeer) => {
    switch (peer.kind) {
      case "vpcCidr": return { cidrIpv4: mustGet(vpcs, peer.key, "VPC").cidrBlock };
      case "prefixList": return { prefixListId: s3PrefixList };
      default: return { referencedSecurityGroupId: mustGet(ids, `${peer.kind}-${peer.key}`, "security group") };
    }
  };
  for (const rule of rules) {
    const common = {
      securityGroupId: mustGet(ids, `${rule.group.kind}-${rule.group.key}`, "security group"),
      ipProtocol: "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      description: `${rule.direction === "ingress" ? "from" : "to"} ${rule.peer.kind} ${rule.peer.key}`,
      region,
      tags,
      ...peerOf(rule.peer),
    };
    if (rule.direction === "ingress") new aws.vpc.SecurityGroupIngressRule(`${name}-sg-rule-${rule.key}`, common, { parent });
    else new aws.vpc.SecurityGroupEgressRule(`${name}-sg-rule-${rule.key}`, common, { parent });
  }
  return ids;
}

/** The VPC each group lives in. */
function vpcOfGroup(plan: PrivatePlan): (g: GroupRef) => string {
  const nlbs = new Map(plan.nlbs.map((n) => [n.key, n.vpc]));
  const albs = new Map(plan.albs.map((a) => [a.key, a.vpc]));
  const services = new Map(plan.services.map((s) => [s.name, s.vpc]));
  return (g) => {
    if (g.kind === "link" || g.kind === "endpoints") return g.key;
    return mustGet(g.kind === "nlb" ? nlbs : g.kind === "alb" ? albs : services, g.key, `${g.kind} of a security group`);
  };
}
