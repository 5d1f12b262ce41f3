import type { PrivatePlan } from "./privatePlan";
import { ALB_LISTENER_PORT, isExistingVpc, PrivateServiceSettings, PrivateVpcSettings } from "./settings";

/**
 * A security group the component creates: per VPC link (v2), NLB, ALB, service backends, and the
 * VPC endpoints of a VPC it creates.
 */
export interface GroupRef {
  readonly kind: "link" | "nlb" | "alb" | "backend" | "endpoints";
  readonly key: string;
}

/** The other side of a rule: a group, a VPC's CIDR, or an AWS-managed prefix list (S3's). */
export type RulePeer = GroupRef | { readonly kind: "vpcCidr"; readonly key: string } | { readonly kind: "prefixList"; readonly key: "s3" };

/** One TCP rule between two groups, or between a group and a VPC's CIDR or S3's prefix list. */
export interface SecurityRule {
  /** Stable child-name key. */
  readonly key: string;
  readonly group: GroupRef;
  readonly direction: "ingress" | "egress";
  readonly port: number;
  readonly peer: RulePeer;
}

/** Interface endpoints and the S3 gateway endpoint are reached over HTTPS. */
export const ENDPOINT_PORT = 443;

/**
 * Least-privilege rules for the plan: each hop accepts only the hop before it, on one port. NLBs
 * behind v1 links get no ingress rule at all: PrivateLink traffic from the link bypasses their
 * inbound rules (set to "off" on the NLB) and nothing else may reach them. Backends may open HTTPS
 * to their VPC's CIDR (interface endpoints) and to S3's prefix list (gateway endpoint), which is
 * what pulling an image from ECR and sending logs take; the endpoints of a created VPC admit
 * HTTPS from that VPC's CIDR.
 */
export function securityRules(
  plan: PrivatePlan,
  services: readonly PrivateServiceSettings[],
  vpcs: readonly PrivateVpcSettings[],
): { groups: GroupRef[]; rules: SecurityRule[] } {
  const groups = new Map<string, GroupRef>();
  const rules = new Map<string, SecurityRule>();
  const group = (kind: GroupRef["kind"], key: string): GroupRef => {
    const ref = groups.get(`${kind}-${key}`) ?? { kind, key };
    groups.set(`${kind}-${key}`, ref);
    return ref;
  };
  const add = (rule: Omit<SecurityRule, "key">) => {
    const key = `${rule.group.kind}-${rule.group.key}-${rule.direction === "ingress" ? "from" : "to"}-${rule.peer.kind}-${rule.peer.key}-${rule.port}`;
    rules.set(key, { key, ...rule });
  };
  /** `from` may open connections to `to` on `port`: an egress rule on one side, ingress on the other. */
  const allow = (from: GroupRef, to: GroupRef, port: number) => {
    add({ group: from, direction: "egress", port, peer: to });
    add({ group: to, direction: "ingress", port, peer: from });
  };
  /** The backends of a service, with the egress their tasks need to start. */
  const backend = (name: string, vpc: string): GroupRef => {
    const ref = group("backend", name);
    add({ group: ref, direction: "egress", port: ENDPOINT_PORT, peer: { kind: "vpcCidr", key: vpc } });
    add({ group: ref, direction: "egress", port: ENDPOINT_PORT, peer: { kind: "prefixList", key: "s3" } });
    return ref;
  };
  const byName = new Map(services.map((s) => [s.name, s]));

  for (const vpc of vpcs) {
    if (!isExistingVpc(vpc) && vpc.vpcEndpoints) {
      add({ group: group("endpoints", vpc.name), direction: "ingress", port: ENDPOINT_PORT, peer: { kind: "vpcCidr", key: vpc.name } });
    }
  }
  for (const link of plan.vpcLinks) if (link.version === "v2") group("link", link.vpc);
  for (const nlb of plan.nlbs) group("nlb", nlb.key);
  for (const alb of plan.albs) {
    const albGroup = group("alb", alb.key);
    for (const nlb of alb.nlbs) allow(group("nlb", nlb), albGroup, ALB_LISTENER_PORT);
  }
  for (const planned of plan.services) {
    const service = byName.get(planned.name);
    if (!service) continue;
    const { route } = planned;
    if (route.via === "listener" || route.via === "cloudMap") {
      add({ group: group("link", planned.vpc), direction: "egress", port: service.port, peer: { kind: "vpcCidr", key: planned.vpc } });
      continue;
    }
    const backends = backend(planned.name, planned.vpc);
    if (route.via === "nlb") {
      allow(group("nlb", route.nlb), backends, service.port);
      continue;
    }
    if (route.via === "alb") allow(group("link", planned.vpc), group("alb", route.alb), ALB_LISTENER_PORT);
    allow(group("alb", route.alb), backends, service.port);
  }
  return { groups: [...groups.values()], rules: [...rules.values()] };
}
