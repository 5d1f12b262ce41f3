import { z } from "zod";
import { ALWAYS, listOf, strictObject, text, whenValid } from "../shared/schema/fields";
import { cidrsOverlap, isCidr, NAME_ALLOWED, NAME_PATTERN } from "./configRules";

const VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** @default cidrBlock of a created VPC */
export const DEFAULT_VPC_CIDR = "10.0.0.0/16";
/** Each AZ of a created VPC gets a subnet 4 bits smaller than the VPC (subnetCidrs.ts): 16 at most. */
const MAX_ZONES = 16;

/** EC2 takes /16 to /28 (docs/aws-facts.md); a created VPC stops at /24 so each AZ's subnet, 4 bits smaller, is at most /28. */
const CREATED_CIDR = 'allowed: an aligned IPv4 CIDR from /16 to /24, e.g. "10.20.0.0/16"';
const EXISTING_CIDR = 'the VPC\'s IPv4 CIDR, e.g. "10.1.0.0/16" (VPC links reach existing targets only inside it)';
const SUBNETS = 'two or more distinct private subnet ids ("subnet-...") in different AZs';
const ZONES = `2 to ${MAX_ZONES} distinct AZs of the integration's region, e.g. ["eu-west-1a", "eu-west-1b"]`;
const ENDPOINTS = "allowed: true (default: ECR, CloudWatch Logs, STS and S3 endpoints, without which a Fargate task cannot pull its image) or false";

/**
 * One VPC: created (private subnets only, `cidrBlock` + `availabilityZones`, VPC endpoints unless
 * `vpcEndpoints: false`) or existing (`vpcId` + `subnetIds` + `cidrBlock`), never both. Naming `vpcId`
 * or `subnetIds` makes it existing.
 */
const vpcFields = strictObject({
  name: text(NAME_PATTERN, NAME_ALLOWED),
  /** Created: /16 to /24, each AZ gets a subnet 4 bits smaller. @default "10.0.0.0/16". Existing: the VPC's own CIDR, required. */
  cidrBlock: z.string({ error: `allowed: ${EXISTING_CIDR}` }).optional(),
  /** Created only: at least two AZs of the region (ALBs need two). @default ["<region>a", "<region>b"] */
  availabilityZones: listOf(z.string({ error: 'allowed: an AZ name such as "eu-west-1a"' }), `allowed: ${ZONES}`).optional(),
  /** Created only: the VPC endpoints a Fargate service needs without internet access (ECR API and Docker, Logs, STS; S3 gateway). @default true */
  vpcEndpoints: z.boolean({ error: ENDPOINTS }).optional(),
  /** Existing only: the VPC's id. */
  vpcId: text(VPC_ID, 'allowed: a VPC id like "vpc-0abc12345def67890"').optional(),
  /** Existing only: private subnets for load balancers and VPC links, at least two AZs. */
  subnetIds: listOf(text(SUBNET_ID, `allowed: ${SUBNETS}`), `allowed: ${SUBNETS}`).optional(),
});
type VpcFields = z.output<typeof vpcFields>;
type Issue = { readonly path: keyof VpcFields; readonly message: string };

/** Which keys a created or an existing VPC takes; looks only at presence and plain types, so it holds beside malformed values. */
function kindIssues(vpc: Partial<Record<keyof VpcFields, unknown>>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: keyof VpcFields, message: string) => issues.push({ path, message });
  const { cidrBlock, availabilityZones: zones, subnetIds } = vpc;
  if (vpc.vpcId === undefined && subnetIds === undefined) {
    if (typeof cidrBlock === "string" && !isCidr(cidrBlock, 16, 24)) add("cidrBlock", CREATED_CIDR);
    const distinct = Array.isArray(zones) && zones.length >= 2 && zones.length <= MAX_ZONES && new Set(zones).size === zones.length;
    if (zones !== undefined && Array.isArray(zones) && !distinct) add("availabilityZones", `allowed: ${ZONES}`);
    return issues;
  }
  if (zones !== undefined) add("availabilityZones", "an existing VPC (vpcId + subnetIds) or a new one (availabilityZones), not both");
  if (vpc.vpcEndpoints !== undefined) {
    add("vpcEndpoints", "the stack creates VPC endpoints only in VPCs it creates; an existing VPC's owners provide egress (endpoints or NAT); remove it");
  }
  if (vpc.vpcId === undefined) add("vpcId", 'required with subnetIds: the existing VPC\'s id, like "vpc-0abc12345def67890"');
  if (subnetIds === undefined) add("subnetIds", `required with vpcId: ${SUBNETS}`);
  else if (Array.isArray(subnetIds) && (subnetIds.length < 2 || new Set(subnetIds).size !== subnetIds.length)) add("subnetIds", `allowed: ${SUBNETS}`);
  if (cidrBlock === undefined) add("cidrBlock", `required for an existing VPC: ${EXISTING_CIDR}`);
  else if (typeof cidrBlock === "string" && !isCidr(cidrBlock, 16, 28)) add("cidrBlock", `allowed: ${EXISTING_CIDR}`);
  return issues;
}

export const vpcSchema = vpcFields
  .superRefine((vpc, ctx) => {
    for (const { path, message } of kindIssues(vpc)) ctx.addIssue({ code: "custom", path: [path], input: vpc[path], message });
  }, ALWAYS)
  .transform(({ name, cidrBlock, availabilityZones, vpcEndpoints, vpcId, subnetIds }) => {
    if (vpcId !== undefined && subnetIds !== undefined && cidrBlock !== undefined) return { name, vpcId, subnetIds, cidrBlock };
    // The default AZs are the region's, which the section decides (privateIntegrationSchema.ts).
    return { name, cidrBlock: cidrBlock ?? DEFAULT_VPC_CIDR, availabilityZones, vpcEndpoints: vpcEndpoints ?? true };
  });

/**
 * `vpcs`: names unique, CIDRs disjoint. Two VPCs with overlapping CIDRs can never be peered (AWS fails
 * the peering connection at once; docs/aws-facts.md), so services split over them could not later be
 * reached from one network; the default CIDR counts, so two created VPCs need their own.
 */
export const vpcsSchema = listOf(vpcSchema, "allowed: a non-empty list of VPCs, each { name, availabilityZones?, cidrBlock?, vpcEndpoints? } or { name, vpcId, subnetIds, cidrBlock }")
  .min(1, { error: "allowed: a non-empty list of VPCs, each { name, availabilityZones?, cidrBlock?, vpcEndpoints? } or { name, vpcId, subnetIds, cidrBlock }" })
  .superRefine((vpcs, ctx) => {
    vpcs.forEach((vpc, i) => {
      const first = vpcs.findIndex((other) => other.name === vpc.name);
      if (first < i) {
        ctx.addIssue({ code: "custom", path: [i, "name"], input: vpc.name, message: `allowed: a name no other VPC has (vpcs[${first}] is also "${vpc.name}")` });
        return;
      }
      const overlapping = vpcs.slice(0, i).find((other) => cidrsOverlap(other.cidrBlock, vpc.cidrBlock));
      if (overlapping) {
        ctx.addIssue({
          code: "custom", path: [i, "cidrBlock"], input: vpc.cidrBlock,
          message: `${vpc.cidrBlock === DEFAULT_VPC_CIDR ? `the default ${DEFAULT_VPC_CIDR} ` : ""}overlaps VPC "${overlapping.name}" (${overlapping.cidrBlock}); ` +
            `VPCs "${overlapping.name}" and "${vpc.name}" need disjoint CIDRs (overlapping VPCs can never be peered)`,
        });
      }
    });
  }, whenValid());
