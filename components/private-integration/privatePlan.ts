import type { PrivateQuotas, PrivateTopology } from "./settings";

/** A VPC link: v1 targets exactly one NLB; v2 sits in one VPC and fans out to its load balancers. */
export type PlannedVpcLink =
  | (PlannedVpcLinkBase & { readonly version: "v1"; /** The NLB the link targets. */ readonly nlb: string })
  | (PlannedVpcLinkBase & { readonly version: "v2" });

interface PlannedVpcLinkBase {
  /** Stable key: the NLB's key (v1) or the VPC's name (v2). */
  readonly key: string;
  readonly vpc: string;
  readonly services: readonly string[];
}

/** What an NLB listener forwards to: one service's target group, or an ALB (target type `alb`). */
export type NlbListenerTarget = { readonly kind: "service"; readonly service: string } | { readonly kind: "alb"; readonly alb: string };

export interface PlannedNlbListener {
  readonly port: number;
  readonly target: NlbListenerTarget;
}

export interface PlannedNlb {
  readonly key: string;
  readonly vpc: string;
  readonly listeners: readonly PlannedNlbListener[];
}

/** An internal ALB with one HTTP listener; each service is one path rule forwarding to its target group. */
export interface PlannedAlb {
  readonly key: string;
  readonly vpc: string;
  readonly services: readonly string[];
  /** NLBs in front of it (rest-nlb-to-alb only). */
  readonly nlbs: readonly string[];
}

/** How the API reaches one service. */
export type ServiceRoute =
  /** REST over a v1 link to an NLB listener that forwards to the service's target group. */
  | { readonly via: "nlb"; readonly nlb: string; readonly port: number }
  /** REST over a v1 link to an NLB listener that forwards to an ALB, which path-routes to the service. */
  | { readonly via: "nlb-alb"; readonly nlb: string; readonly alb: string; readonly port: number }
  /** A v2 link to a created ALB that path-routes to the service. */
  | { readonly via: "alb"; readonly alb: string }
  /** A v2 link to an existing ALB or NLB listener. */
  | { readonly via: "listener"; readonly listenerArn: string }
  /** A v2 link to an existing Cloud Map service. */
  | { readonly via: "cloudMap"; readonly serviceArn: string };

export interface PlannedService {
  readonly name: string;
  /** API route prefix (the edge prefix is not part of it). */
  readonly routePath: string;
  readonly vpc: string;
  readonly vpcLink: string;
  readonly route: ServiceRoute;
  /** Priority of its path rule on the ALB: position among that ALB's services, so appending keeps it. */
  readonly rulePriority?: number;
}

/** How much of one quota one scope (the region, an NLB, an ALB, the API) uses. */
export interface QuotaUsage {
  readonly quota: keyof PrivateQuotas;
  readonly scope: string;
  readonly used: number;
  readonly limit: number;
}

/** A problem found while planning, located in the config section. */
export interface PlanProblem {
  /** Keys and indexes in the section: `["services", 2, "port"]`, `["quotas", "vpcLinksV1"]`. */
  readonly path: readonly (string | number)[];
  /** The same, services by name: `services[orders].port`. */
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
}

export interface PrivatePlan {
  readonly topology: PrivateTopology;
  readonly apiKind: "REST" | "HTTP";
  readonly vpcLinks: readonly PlannedVpcLink[];
  readonly nlbs: readonly PlannedNlb[];
  readonly albs: readonly PlannedAlb[];
  readonly services: readonly PlannedService[];
  /** REST resources or HTTP routes the API needs. */
  readonly apiRoutes: number;
  readonly usage: readonly QuotaUsage[];
  /** Empty when the plan can be built; otherwise nothing may be created. */
  readonly problems: readonly PlanProblem[];
}
