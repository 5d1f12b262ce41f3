import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { isExistingVpc, PrivateVpcSettings } from "./settings";
import { subnetCidrs } from "./subnetCidrs";

/** Where a VPC's load balancers and VPC links go. */
export interface VpcPlacement {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<string>[];
  readonly cidrBlock: string;
  /** The route table of a VPC created here (its subnets use the main one), for the S3 gateway endpoint. */
  readonly mainRouteTableId?: pulumi.Output<string>;
}

/**
 * Creates the VPCs to create (private subnets only: no internet gateway, no NAT, no public IPs;
 * the main route table stays local) and passes existing ones through. Keyed by VPC name.
 */
export function createVpcs(
  name: string,
  vpcs: readonly PrivateVpcSettings[],
  region: string,
  tags: Readonly<Record<string, string>>,
  parent: pulumi.Resource,
): Map<string, VpcPlacement> {
  const placements = new Map<string, VpcPlacement>();
  for (const vpc of vpcs) {
    if (isExistingVpc(vpc)) {
      placements.set(vpc.name, { vpcId: vpc.vpcId, subnetIds: [...vpc.subnetIds], cidrBlock: vpc.cidrBlock });
      continue;
    }
    const created = new aws.ec2.Vpc(`${name}-vpc-${vpc.name}`, {
      cidrBlock: vpc.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      region,
      tags: { ...tags, Name: `${name}-${vpc.name}` },
    }, { parent });
    const cidrs = subnetCidrs(vpc.cidrBlock, vpc.availabilityZones.length);
    const subnets = vpc.availabilityZones.map((zone, i) => new aws.ec2.Subnet(`${name}-vpc-${vpc.name}-${zone}`, {
      vpcId: created.id,
      availabilityZone: zone,
      cidrBlock: cidrs[i],
      mapPublicIpOnLaunch: false,
      region,
      tags: { ...tags, Name: `${name}-${vpc.name}-private-${zone}` },
    }, { parent }));
    placements.set(vpc.name, { vpcId: created.id, subnetIds: subnets.map((s) => s.id), cidrBlock: vpc.cidrBlock, mainRouteTableId: created.mainRouteTableId });
  }
  return placements;
}
