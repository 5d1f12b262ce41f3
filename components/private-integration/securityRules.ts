import type { PrivatePlan } from "./privatePlan";
import { ALB_LISTENER_PORT, PrivateServiceSettings } from "./settings";

/** A security group the component creates: per VPC link (v2), NLB, ALB, or service backends. */
export interface GroupRef {
  readonly kind: "link" | "nlb" | "alb" | "backend";
  readonly key: string;
}

/** One TCP rule between two groups, or from a VPC link to a VPC's CIDR (existing targets). */
export interface SecurityRule {
  /** Stable child-name key. */
  readonly key: string;
  readonly group: GroupRef;
  readonly direction: "ingress" | "egress";
  readonly port: number;
  readonly peer: GroupRef | { readonly kind: "vpcCidr"; readonly key: string };
}

/**
 * Least-privilege rules for the plan: each hop accepts only the hop before it, on one port. NLBs
 * behind v1 links get no ingress rule at all: PrivateLink traffic from the link bypasses their
 * inbound rules (set to "off" on the NLB) and nothing else may reach them.
 */
export function securityRules(plan: PrivatePlan, services: readonly PrivateServiceSettings[]): { groups: GroupRef[]; rules: SecurityRule[] } {
  const groups = new Map<string, GroupRef>();
  const rules = new Map<string, SecurityRule>();
  const group = (kind: GroupRef["kind"], key: string): GroupRef => {
    const ref = groups.get(`${kind}-${key}`) ?? { kind, key };
    groups.set(`${kind}-${key}`, ref);
    return ref;
  };
  /** `from` may open connections to `to` on `port`: an egress rule on one side, ingress on the other. */
  const allow = (from: GroupRef, to: GroupRef, port: number) => {
    const add = (rule: Omit<SecurityRule, "key">) => {
      const key = `${rule.group.kind}-${rule.group.key}-${rule.direction === "ingress" ? "from" : "to"}-${rule.peer.kind}-${rule.peer.key}-${port}`;
      rules.set(key, { key, ...rule });
    };
    add({ group: from, direction: "egress", port, peer: to });
    add({ group: to, direction: "ingress", port, peer: from });
  };
  const byName = new Map(services.map((s) => [s.name, s]));

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
      const key = `link-${planned.vpc}-to-vpcCidr-${planned.vpc}-${service.port}`;
      rules.set(key, { key, group: group("link", planned.vpc), direction: "egress", port: service.port, peer: { kind: "vpcCidr", key: planned.vpc } });
      continue;
    }
    const backend = group("backend", planned.name);
    if (route.via === "nlb") {
      allow(group("nlb", route.nlb), backend, service.port);
      continue;
    }
    if (route.via === "alb") allow(group("link", planned.vpc), group("alb", route.alb), ALB_LISTENER_PORT);
    allow(group("alb", route.alb), backend, service.port);
  }
  return { groups: [...groups.values()], rules: [...rules.values()] };
}
