import { checkKnownKeys, isPlainObject, Problems } from "../shared/validation";
import { isCidr, NAME_ALLOWED, NAME_PATTERN } from "./configRules";
import type { PrivateVpcSettings } from "./settings";

const VPC_KEYS = ["name", "cidrBlock", "availabilityZones", "vpcEndpoints", "vpcId", "subnetIds"];
const VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** @default cidrBlock of a created VPC */
export const DEFAULT_VPC_CIDR = "10.0.0.0/16";

/**
 * Parses `vpcs`: each is created (private subnets only, `cidrBlock` + `availabilityZones`, VPC
 * endpoints unless `vpcEndpoints: false`) or existing (`vpcId` + `subnetIds` + `cidrBlock`), never
 * both. `region` is undefined when invalid.
 */
export function parseVpcs(raw: unknown, problems: Problems, field: string, region: string | undefined): ParsedVpcs {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(field, raw, "allowed: a non-empty list of VPCs, each { name, availabilityZones?, cidrBlock?, vpcEndpoints? } or { name, vpcId, subnetIds, cidrBlock }");
    return { vpcs: [], declared: new Set() };
  }
  const seen = new Map<string, number>();
  const vpcs: PrivateVpcSettings[] = [];
  raw.forEach((item: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isPlainObject(item)) return problems.add(at, item, "allowed: an object with name and either availabilityZones or vpcId + subnetIds");
    const before = problems.all.length;
    checkKnownKeys(problems, at, item, VPC_KEYS);
    const name = item.name;
    if (problems.check(typeof name === "string" && NAME_PATTERN.test(name), `${at}.name`, name, NAME_ALLOWED)) {
      const first = seen.get(name as string);
      if (first !== undefined) problems.add(`${at}.name`, name, `already used by ${field}[${first}]; VPC names are unique`);
      else seen.set(name as string, i);
    }
    const existing = item.vpcId !== undefined || item.subnetIds !== undefined;
    const vpc = existing ? parseExisting(item, problems, at) : parseCreated(item, problems, at, region);
    if (vpc && problems.all.length === before) vpcs.push({ ...vpc, name: name as string } as PrivateVpcSettings);
  });
  return { vpcs, declared: new Set(seen.keys()) };
}

export interface ParsedVpcs {
  /** The VPCs without problems. */
  readonly vpcs: PrivateVpcSettings[];
  /** Every well-formed VPC name, valid or not, so services are not also blamed for a VPC's own problem. */
  readonly declared: ReadonlySet<string>;
}

type Unnamed<T> = T extends unknown ? Omit<T, "name"> : never;

function parseExisting(item: Record<string, unknown>, problems: Problems, at: string): Unnamed<PrivateVpcSettings> | undefined {
  if (item.availabilityZones !== undefined) {
    problems.add(`${at}.availabilityZones`, item.availabilityZones, "an existing VPC (vpcId + subnetIds) or a new one (availabilityZones), not both");
  }
  if (item.vpcEndpoints !== undefined) {
    problems.add(`${at}.vpcEndpoints`, item.vpcEndpoints, "the stack creates VPC endpoints only in VPCs it creates; an existing VPC's owners provide egress (endpoints or NAT); remove it");
  }
  const { vpcId, subnetIds, cidrBlock } = item;
  problems.check(typeof vpcId === "string" && VPC_ID.test(vpcId), `${at}.vpcId`, vpcId, "allowed: a VPC id like \"vpc-0abc12345def67890\"");
  const subnetsOk = Array.isArray(subnetIds) && subnetIds.length >= 2 && new Set(subnetIds).size === subnetIds.length &&
    subnetIds.every((s) => typeof s === "string" && SUBNET_ID.test(s));
  problems.check(subnetsOk, `${at}.subnetIds`, subnetIds, "allowed: two or more distinct private subnet ids (\"subnet-...\") in different AZs");
  problems.check(isCidr(cidrBlock, 16, 28), `${at}.cidrBlock`, cidrBlock, "allowed: the VPC's IPv4 CIDR, e.g. \"10.1.0.0/16\" (VPC links reach existing targets only inside it)");
  if (!subnetsOk) return undefined;
  return { kind: "existing", vpcId: vpcId as string, subnetIds: subnetIds as string[], cidrBlock: cidrBlock as string };
}

function parseCreated(item: Record<string, unknown>, problems: Problems, at: string, region: string | undefined): Unnamed<PrivateVpcSettings> | undefined {
  const cidrBlock = item.cidrBlock ?? DEFAULT_VPC_CIDR;
  problems.check(isCidr(cidrBlock, 16, 24), `${at}.cidrBlock`, cidrBlock, "allowed: an aligned IPv4 CIDR from /16 to /24, e.g. \"10.20.0.0/16\"");
  if (region === undefined) return undefined;
  const zones = item.availabilityZones ?? [`${region}a`, `${region}b`];
  const zonesOk = Array.isArray(zones) && zones.length >= 2 && zones.length <= 16 && new Set(zones).size === zones.length &&
    zones.every((z) => typeof z === "string" && new RegExp(`^${region}[a-z]$`).test(z));
  problems.check(zonesOk, `${at}.availabilityZones`, zones, `allowed: 2 to 16 distinct AZs of ${region}, e.g. ["${region}a", "${region}b"]`);
  const vpcEndpoints = item.vpcEndpoints ?? true;
  problems.check(typeof vpcEndpoints === "boolean", `${at}.vpcEndpoints`, vpcEndpoints,
    "allowed: true (default: ECR, CloudWatch Logs, STS and S3 endpoints, without which a Fargate task cannot pull its image) or false");
  if (!zonesOk || typeof vpcEndpoints !== "boolean") return undefined;
  return { kind: "create", cidrBlock: cidrBlock as string, availabilityZones: zones as string[], vpcEndpoints };
}
