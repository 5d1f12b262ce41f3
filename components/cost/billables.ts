/**
 * A neutral description of what a stack has that AWS bills: counts and settings, no prices, no traffic.
 * `describeBillables` derives it from the offline plan's recorded resources; tests and library users can
 * write one by hand.
 */

/** Where a log goes; `retentionDays: null` is a log group that never expires. */
export type LogDestination =
  | { readonly kind: "cloudwatch"; readonly region: string; readonly retentionDays: number | null }
  | { readonly kind: "s3" }
  | { readonly kind: "firehose" };

export type BillableApiKind = "REST" | "HTTP" | "WEBSOCKET" | "EXISTING";

export interface BillableApi {
  /** The API's name among the distribution's origins. */
  readonly name: string;
  /** `EXISTING`: an API the stack only fronts; its owner pays for it. */
  readonly kind: BillableApiKind;
  readonly region: string;
  /** The stage's access log, when it writes one. */
  readonly accessLog?: LogDestination;
  /** The private integration's API: its requests pass the load balancers. */
  readonly private: boolean;
}

export interface BillableWebAcl {
  /** Rules in the web ACL, each managed rule group one. */
  readonly rules: number;
  /** The rules' capacity; Shield's automatic-response group comes on top (see `shield`). */
  readonly wcu: number;
  /** Managed groups whose WCU is not known here (a vendor's group): `wcu` leaves them out. */
  readonly unknownWcuGroups: readonly string[];
  readonly botControl?: "COMMON" | "TARGETED";
  readonly antiDdos: boolean;
  /** ATP or ACFP groups (the config refuses them today). */
  readonly fraudControl: readonly string[];
  /** CloudFront body inspection limit in KB: 16, 32, 48 or 64. */
  readonly bodyInspectionLimitKb: number;
  readonly logging?: LogDestination & { readonly filtered: boolean };
}

export interface BillableHealthCheck {
  readonly type: string;
  /** 10-second interval (an extra option). */
  readonly fast: boolean;
}

/** A CloudWatch metric alarm: on one metric, a metric math expression, or an anomaly detection band. */
export interface BillableAlarm {
  readonly region: string;
  readonly kind: "metric" | "math" | "anomaly";
}

/** A log group the signer's replicas write to (`/aws/lambda/us-east-1.<function>`), created by the stack. */
export interface BillableSignerLogGroup {
  readonly region: string;
  readonly retentionDays: number | null;
}

/** A log metric filter: CloudWatch bills the metric it publishes as a custom metric. */
export interface BillableMetricFilter {
  readonly region: string;
  readonly namespace: string;
  readonly metric: string;
  /** Published with dimensions: each distinct set of dimension values is one more metric. */
  readonly dimensioned: boolean;
}

/** A CloudWatch Synthetics canary. */
export interface BillableCanary {
  readonly name: string;
  readonly region: string;
  /** Its schedule as registered: `rate(5 minutes)`, or a cron expression. */
  readonly schedule: string;
  /** Days the artifact bucket's lifecycle rule keeps the run artifacts, when the stack sets one. */
  readonly artifactDays?: number;
}

export interface Billables {
  /** The CloudFront distribution; absent: nothing at the edge. */
  readonly distribution?: { readonly priceClass: string };
  readonly signer?: { readonly memoryMb: number };
  /** The web ACL the stack creates; `existingWebAcl` when it attaches one owned elsewhere. */
  readonly webAcl?: BillableWebAcl;
  readonly existingWebAcl: boolean;
  readonly shield: {
    /** A Shield Advanced protection on the distribution (its web ACL's standard fees are covered). */
    readonly protectsDistribution: boolean;
    /** Shield's automatic response: its rule group takes WCU in the web ACL. */
    readonly automaticResponse: boolean;
    /** The stack itself creates the subscription (`subscription: create`). */
    readonly subscriptionCreated: boolean;
  };
  /** CloudFront access logs (standard logging v2). */
  readonly accessLogs?: LogDestination;
  readonly apis: readonly BillableApi[];
  readonly alarms: readonly BillableAlarm[];
  readonly dashboards: number;
  /** The signer's log groups the stack creates; none: Lambda@Edge creates them, without retention. */
  readonly signerLogGroups: readonly BillableSignerLogGroup[];
  readonly logMetricFilters: readonly BillableMetricFilter[];
  readonly canaries: readonly BillableCanary[];
  /** Distributions with CloudFront's additional metrics turned on (a MonitoringSubscription). */
  readonly additionalMetrics: number;
  readonly healthChecks: readonly BillableHealthCheck[];
  readonly loadBalancers: readonly { readonly type: "network" | "application"; readonly region: string }[];
  readonly vpcLinks: readonly { readonly version: 1 | 2; readonly region: string }[];
  /** Interface endpoints with the AZs (subnets) each is in. */
  readonly interfaceEndpoints: readonly { readonly service: string; readonly azs: number; readonly region: string }[];
  /** Gateway endpoints (S3): no charge. */
  readonly gatewayEndpoints: number;
}
