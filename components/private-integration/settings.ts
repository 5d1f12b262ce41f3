/**
 * The private integration's settings: the `privateIntegration` section with every default applied, as
 * `privateIntegrationSchema` (privateIntegrationSchema.ts) produces it. Its types come from the schema;
 * this file holds the constants the schema and the planner share, and the views the planner reads.
 * Settings keep the config's shape, so parsed settings are accepted again as input.
 */
import type { z } from "zod";
import type { privateIntegrationFields, toSettings } from "./privateIntegrationSchema";

/** The five ways API Gateway reaches private microservices over VPC links. */
export const PRIVATE_TOPOLOGIES = ["http-api", "rest-nlb-per-service", "rest-shared-nlb", "rest-nlb-to-alb", "rest-vpclink-v2"] as const;
export type PrivateTopology = (typeof PRIVATE_TOPOLOGIES)[number];

/** Application protocol the microservice speaks on its port. */
export const SERVICE_PROTOCOLS = ["HTTP", "HTTPS"] as const;
export type ServiceProtocol = (typeof SERVICE_PROTOCOLS)[number];

/** How the team's tasks or instances are registered in a target group the component creates. */
export const TARGET_TYPES = ["ip", "instance"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** Service quotas the planner checks (AWS's defaults); the config raises one after AWS raised it for the account. */
export const DEFAULT_QUOTAS = {
  /** REST API VPC links (v1) per region. */
  vpcLinksV1: 20,
  /** VPC links v2 (HTTP APIs and REST v2 integrations) per region. */
  vpcLinksV2: 10,
  /** Listeners per network load balancer. */
  listenersPerNlb: 50,
  /** NLBs an ALB can sit behind. */
  nlbsPerAlb: 2,
  /** Listener rules per ALB, not counting the default rule. */
  rulesPerAlb: 100,
  /** Resources per REST API. */
  restResourcesPerApi: 300,
  /** Routes per HTTP API. */
  httpRoutesPerApi: 300,
} as const;

/** The section as a library user or the stack file gives it: every default optional. */
export type PrivateIntegrationInput = z.input<typeof privateIntegrationFields>;
export type PrivateIntegrationSettings = ReturnType<typeof toSettings>;
export type PrivateVpcSettings = PrivateIntegrationSettings["vpcs"][number];
export type PrivateServiceSettings = PrivateIntegrationSettings["services"][number];
export type PrivateQuotas = PrivateIntegrationSettings["quotas"];
/** The API stage's access-log retention and throttling. */
export type PrivateApiStageSettings = PrivateIntegrationSettings["api"];

/** A VPC the stack only uses: its owners provide subnets and egress. */
export type ExistingVpcSettings = Extract<PrivateVpcSettings, { vpcId: string }>;
/** A VPC the stack creates, with private subnets only and (unless opted out) the VPC endpoints. */
export type CreatedVpcSettings = Exclude<PrivateVpcSettings, ExistingVpcSettings>;

export function isExistingVpc(vpc: PrivateVpcSettings): vpc is ExistingVpcSettings {
  return vpc.vpcId !== undefined;
}

/** Where a microservice's traffic ends: a target group created here, or something that already exists. */
export type ServiceTarget =
  | { readonly kind: "targetGroup"; readonly targetType: TargetType }
  /** An existing ALB or NLB listener (HTTP API only). */
  | { readonly kind: "listener"; readonly listenerArn: string }
  /** An existing AWS Cloud Map service (HTTP API only). */
  | { readonly kind: "cloudMap"; readonly serviceArn: string };

/** The one target a service names (the schema admits exactly one: targetType, listenerArn or cloudMapServiceArn). */
export function serviceTarget(s: PrivateServiceSettings): ServiceTarget {
  if ("listenerArn" in s) return { kind: "listener", listenerArn: s.listenerArn };
  if ("cloudMapServiceArn" in s) return { kind: "cloudMap", serviceArn: s.cloudMapServiceArn };
  return { kind: "targetGroup", targetType: s.targetType };
}

/** Port of the one HTTP listener every ALB created here has; services are path-routed behind it. */
export const ALB_LISTENER_PORT = 80;

/**
 * Path an ALB behind an NLB answers itself with 200 (a fixed-response rule), for the NLB's HTTP
 * health check of its target group of type `alb`. Service prefixes are `[a-z0-9-]` segments, so
 * no service can claim it.
 */
export const ALB_HEALTH_PATH = "/.edge-health";
