import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { mustGet } from "./mustGet";
import type { VpcPlacement } from "./privateNetwork";
import { CreatedVpcSettings, isExistingVpc, PrivateVpcSettings } from "./settings";

/**
 * Interface endpoints a Fargate task needs in a VPC without internet access: ECR's API and Docker
 * registry (image pull, platform 1.4.0+), CloudWatch Logs (the awslogs driver) and STS (SDKs that
 * assume roles). Image layers come from S3, through the gateway endpoint, not an interface one.
 */
export const INTERFACE_ENDPOINT_SERVICES = ["ecr.api", "ecr.dkr", "logs", "sts"] as const;

/**
 * Policy of the S3 gateway endpoint: ECR's image layers (the bucket AWS names for the minimum ECR
 * needs) and the account's own buckets. Backends may reach all of S3's addresses, so without it a
 * compromised task could write to any account's bucket; with it, only to this account's.
 */
export function s3EndpointPolicy(partition: string, region: string, accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "EcrImageLayers", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*` },
      { Sid: "OwnAccountBuckets", Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": accountId } } },
    ],
  });
}

/**
 * Creates the endpoints of every VPC created here that has not opted out: the interface endpoints,
 * with private DNS (the VPC has DNS support and hostnames) so the services' usual names resolve to
 * them, in the VPC's subnets behind its endpoint security group; and the S3 gateway endpoint on the
 * main route table, which the created subnets use. VPCs the stack only names get none.
 */
export function createVpcEndpoints(
  name: string,
  vpcs: readonly PrivateVpcSettings[],
  placements: ReadonlyMap<string, VpcPlacement>,
  securityGroups: ReadonlyMap<string, pulumi.Output<string>>,
  region: string,
  tags: Readonly<Record<string, string>>,
  parent: pulumi.Resource,
): void {
  const created = vpcs.filter((v): v is CreatedVpcSettings => !isExistingVpc(v) && v.vpcEndpoints);
  if (created.length === 0) return;
  const policy = pulumi.all([aws.getPartitionOutput({}, { parent }).partition, aws.getCallerIdentityOutput({}, { parent }).accountId])
    .apply(([partition, accountId]) => s3EndpointPolicy(partition, region, accountId));
  for (const vpc of created) {
    const placement = mustGet(placements, vpc.name, "VPC");
    for (const service of INTERFACE_ENDPOINT_SERVICES) {
      new aws.ec2.VpcEndpoint(`${name}-vpce-${vpc.name}-${service.replace(".", "-")}`, {
        vpcId: placement.vpcId,
        serviceName: `com.amazonaws.${region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: placement.subnetIds,
        securityGroupIds: [mustGet(securityGroups, `endpoints-${vpc.name}`, "security group")],
        region,
        tags: { ...tags, Name: `${name}-${vpc.name}-${service}` },
      }, { parent });
    }
    if (!placement.mainRouteTableId) throw new Error(`private integration internal error: created VPC "${vpc.name}" has no main route table`);
    new aws.ec2.VpcEndpoint(`${name}-vpce-${vpc.name}-s3`, {
      vpcId: placement.vpcId,
      serviceName: `com.amazonaws.${region}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: [placement.mainRouteTableId],
      policy,
      region,
      tags: { ...tags, Name: `${name}-${vpc.name}-s3` },
    }, { parent });
  }
}
