/**
 * Carves `count` private subnets out of a VPC CIDR, each 4 bits smaller (a /16 gives /20s), in
 * order, so the subnet of an AZ keeps its CIDR when AZs are appended. At most 16 subnets.
 */
export function subnetCidrs(vpcCidr: string, count: number): string[] {
  const [base, bits] = vpcCidr.split("/");
  const prefix = Number(bits) + 4;
  if (prefix > 28 || count > 16) throw new RangeError(`cannot carve ${count} subnets of /${prefix} from ${vpcCidr}`);
  const start = base.split(".").reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - prefix);
  return Array.from({ length: count }, (_, i) => `${toDotted(start + i * size)}/${prefix}`);
}

function toDotted(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}
