/**
 * Typed settings of the private integration, produced by `parsePrivateIntegrationConfig` with every
 * default applied. Pure data: the planner and the component both read it.
 */

/** The five ways API Gateway reaches private microservices over VPC links. */
export type PrivateTopology =
  | "http-api"
  | "rest-nlb-per-service"
  | "rest-shared-nlb"
  | "rest-nlb-to-alb"
  | "rest-vpclink-v2";

export const PRIVATE_TOPOLOGIES: readonly PrivateTopology[] = [
  "http-api",
  "rest-nlb-per-service",
  "rest-shared-nlb",
  "rest-nlb-to-alb",
  "rest-vpclink-v2",
];

/** Application protocol the microservice speaks on its port. */
export type ServiceProtocol = "HTTP" | "HTTPS";

/** How the team's tasks or instances are registered in a target group the component creates. */
export type TargetType = "ip" | "instance";

/** Where a microservice's traffic ends: a target group created here, or something that already exists. */
export type ServiceTarget =
  | { readonly kind: "targetGroup"; readonly targetType: TargetType }
  /** An existing ALB or NLB listener (HTTP API only). */
  | { readonly kind: "listener"; readonly listenerArn: string }
  /** An existing AWS Cloud Map service (HTTP API only). */
  | { readonly kind: "cloudMap"; readonly serviceArn: string };

export interface PrivateServiceSettings {
  /** Unique name; keys every child resource and output of this service. */
  readonly name: string;
  /** Route path on the API, e.g. `/orders`; the service answers `/orders` and `/orders/*`. */
  readonly pathPrefix: string;
  /** Name of a declared VPC. */
  readonly vpc: string;
  /** Port the microservice listens on (existing listener: its port; Cloud Map: the instance port). */
  readonly port: number;
  /** @default "HTTP" */
  readonly protocol: ServiceProtocol;
  /**
   * A DNS name the service's certificate covers, for services API Gateway reaches over TLS itself
   * (see `apiSpeaksTls`): API Gateway sends it as SNI and Host and verifies the certificate against
   * it. The connection still goes through the VPC link, so the name need not resolve.
   */
  readonly tlsHostname?: string;
  /** @default { kind: "targetGroup", targetType: "ip" } */
  readonly target: ServiceTarget;
  /** NLB this service sits behind (rest-shared-nlb, rest-nlb-to-alb). @default the VPC's name */
  readonly nlb?: string;
  /** ALB this service is path-routed on (http-api, rest-nlb-to-alb, rest-vpclink-v2). @default the VPC's name */
  readonly alb?: string;
  /** NLB listener port (NLB topologies). @default `port`; rest-nlb-to-alb: 80 */
  readonly listenerPort?: number;
  /** Health check path of target groups behind an ALB. @default "/" */
  readonly healthCheckPath: string;
}

/**
 * A VPC created with private subnets only (no internet or NAT gateway) and, unless opted out, the
 * VPC endpoints its services need; or an existing one, whose owners provide egress.
 */
export type PrivateVpcSettings =
  | {
      readonly kind: "create";
      readonly name: string;
      /** IPv4 CIDR, prefix /16 to /24; each AZ gets a subnet 4 bits smaller. */
      readonly cidrBlock: string;
      /** At least two AZs of the region (ALBs need two). */
      readonly availabilityZones: readonly string[];
      /**
       * The VPC endpoints a Fargate service needs without internet access (ECR API and Docker,
       * CloudWatch Logs, STS interface endpoints; the S3 gateway endpoint). @default true
       */
      readonly vpcEndpoints: boolean;
    }
  | {
      readonly kind: "existing";
      readonly name: string;
      readonly vpcId: string;
      /** Private subnets for load balancers and VPC links, at least two AZs. */
      readonly subnetIds: readonly string[];
      /** The VPC's CIDR: VPC links may reach existing listeners and Cloud Map instances only inside it. */
      readonly cidrBlock: string;
    };

/** Service quotas the planner checks; raise one here after AWS raised it for the account. */
export interface PrivateQuotas {
  /** REST API VPC links (v1) per region. @default 20 */
  readonly vpcLinksV1: number;
  /** VPC links v2 (HTTP APIs and REST v2 integrations) per region. @default 10 */
  readonly vpcLinksV2: number;
  /** Listeners per network load balancer. @default 50 */
  readonly listenersPerNlb: number;
  /** NLBs an ALB can sit behind. @default 2 */
  readonly nlbsPerAlb: number;
  /** Listener rules per ALB, not counting the default rule. @default 100 */
  readonly rulesPerAlb: number;
  /** Resources per REST API. @default 300 */
  readonly restResourcesPerApi: number;
  /** Routes per HTTP API. @default 300 */
  readonly httpRoutesPerApi: number;
}

export const DEFAULT_QUOTAS: PrivateQuotas = {
  vpcLinksV1: 20,
  vpcLinksV2: 10,
  listenersPerNlb: 50,
  nlbsPerAlb: 2,
  rulesPerAlb: 100,
  restResourcesPerApi: 300,
  httpRoutesPerApi: 300,
};

export interface PrivateIntegrationSettings {
  readonly topology: PrivateTopology;
  /** The one region of the API, VPC links, load balancers and VPCs. @default the stack's region */
  readonly region: string;
  /** CloudFront path prefix in front of the API (the signer strips it). @default "/services" */
  readonly pathPrefix: string;
  /** REST API stage name (HTTP APIs use `$default`). @default "live" */
  readonly stageName: string;
  readonly vpcs: readonly PrivateVpcSettings[];
  readonly services: readonly PrivateServiceSettings[];
  /** @default DEFAULT_QUOTAS */
  readonly quotas: PrivateQuotas;
}

/** Port of the one HTTP listener every ALB created here has; services are path-routed behind it. */
export const ALB_LISTENER_PORT = 80;

/**
 * Path an ALB behind an NLB answers itself with 200 (a fixed-response rule), for the NLB's HTTP
 * health check of its target group of type `alb`. Service prefixes are `[a-z0-9-]` segments, so
 * no service can claim it.
 */
export const ALB_HEALTH_PATH = "/.edge-health";
