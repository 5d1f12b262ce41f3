/**
 * The list prices the estimate uses: USD, on-demand, us-east-1 (CloudFront: viewers in the United States or
 * Europe, whose rates are equal; Lambda@Edge has one global price), each with where it was read and how. `basis` says how sure
 * the figure is: an AWS page or document read here, or (marked "unconfirmed") a figure AWS's own page renders
 * client-side and that was read in transcriptions that agree. A `null` price is a fee AWS lists that no source
 * read here gave a figure for: the estimate shows the line, leaves it out of the total and says so.
 * Facts and their wording: docs/aws-facts.md, "Pricing".
 */

/** When every price below was read. */
export const PRICES_READ = "2026-12-01";

export interface Tier {
  /** Cumulative quantity (in the price's unit) up to which this tier applies; absent: the rest. */
  readonly upTo?: number;
  /** USD per `per` units; null: not priced here. */
  readonly usd: number | null;
  /** How the line names the tier ("first 10 TB"); absent for a single-tier price. */
  readonly label?: string;
}

export interface Price {
  readonly service: string;
  /** An always-free monthly allowance, used before the tiers (which then start at 0). */
  readonly free?: { readonly quantity: number; readonly label: string };
  readonly item: string;
  readonly unit: string;
  readonly per: number;
  readonly tiers: readonly Tier[];
  readonly source: string;
  readonly read: string;
  readonly basis: string;
}

const TB = 1024; // GB, as AWS's tiers count them
const PB = 1024 * TB;
const CF = "https://aws.amazon.com/cloudfront/pricing/";
const WAF = "https://aws.amazon.com/waf/pricing/";
const SHIELD = "https://aws.amazon.com/shield/pricing/";
const CW = "https://aws.amazon.com/cloudwatch/pricing/";
const APIGW = "https://aws.amazon.com/api-gateway/pricing/";
const ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/";
const LAMBDA = "https://aws.amazon.com/lambda/pricing/";
/** CloudWatch's first custom-metric tier, USD per metric-month. */
const CUSTOM_METRIC_USD = 0.3;
/** Metrics CloudFront's additional metrics send per distribution (CloudFront Developer Guide, "Estimating cost for the additional CloudFront metrics"). */
export const ADDITIONAL_METRICS_PER_DISTRIBUTION = 8;
const AWS_PAGE = "AWS pricing page (text read here)";
const UNCONFIRMED = "unconfirmed: AWS renders this table client-side; figure from transcriptions that agree";

const flat = (usd: number | null): readonly Tier[] => [{ usd }];
const price = (service: string, item: string, unit: string, per: number, tiers: readonly Tier[], source: string, basis: string, free?: Price["free"]): Price => ({
  service, item, unit, per, tiers, source, read: PRICES_READ, basis, ...(free ? { free } : {}),
});

export const PRICES = {
  cloudFrontRequests: price("CloudFront", "HTTPS requests (US/Europe)", "requests", 10_000, flat(0.01), CF,
    `always-free 10,000,000 a month: ${AWS_PAGE}; $0.0100 per 10,000: ${UNCONFIRMED}`, { quantity: 10_000_000, label: "always free 10,000,000" }),
  cloudFrontToInternet: price("CloudFront", "data transfer out to internet (US/Europe)", "GB", 1, [
    { upTo: 10 * TB, usd: 0.085, label: "first 10 TB" },
    { upTo: 50 * TB, usd: 0.08, label: "next 40 TB" },
    { upTo: 150 * TB, usd: 0.06, label: "next 100 TB" },
    { upTo: 500 * TB, usd: 0.04, label: "next 350 TB" },
    { upTo: 1024 * TB, usd: 0.03, label: "next 524 TB" },
    { upTo: 5 * PB, usd: 0.025, label: "next 4 PB" },
    { usd: 0.02, label: "over 5 PB" },
  ], CF, `tiers and always-free 1 TB a month: ${AWS_PAGE}`, { quantity: 1 * TB, label: "always free 1 TB" }),
  cloudFrontToOrigin: price("CloudFront", "data transfer out to origin (US/Europe)", "GB", 1, flat(0.02), CF, UNCONFIRMED),
  edgeRequests: price("Lambda@Edge", "requests", "requests", 1_000_000, flat(0.6), LAMBDA, UNCONFIRMED),
  edgeDuration: price("Lambda@Edge", "duration", "GB-seconds", 1, flat(0.00005001), LAMBDA, UNCONFIRMED),
  cloudFrontAdditionalMetrics: price("CloudFront", `additional metrics (${ADDITIONAL_METRICS_PER_DISTRIBUTION} custom metrics)`, "distribution-months", 1,
    flat(ADDITIONAL_METRICS_PER_DISTRIBUTION * CUSTOM_METRIC_USD), "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html",
    `CloudFront Developer Guide: up to ${ADDITIONAL_METRICS_PER_DISTRIBUTION} metrics per distribution in us-east-1, each at CloudWatch's fixed monthly per-metric rate whatever the traffic; that rate ($${CUSTOM_METRIC_USD}): ${UNCONFIRMED}`),
  wafWebAcl: price("AWS WAF", "web ACL", "web ACL-months", 1, flat(5), WAF, "aws-samples/waf-and-shield-advanced-price-comparison main.py (cites this page); same figure in AWS's WAF cost blog"),
  wafRule: price("AWS WAF", "rules (each managed group counts as one)", "rule-months", 1, flat(1), WAF, "aws-samples/waf-and-shield-advanced-price-comparison main.py (cites this page)"),
  wafRequests: price("AWS WAF", "requests inspected", "requests", 1_000_000, flat(0.6), WAF, "aws-samples/waf-and-shield-advanced-price-comparison main.py: REQ_PRICE 0.6 for 1,500 WCU or less"),
  wafWcuSteps: price("AWS WAF", "WCU above 1,500, per started 500 WCU", "request-steps", 1_000_000, flat(0.2), WAF, UNCONFIRMED),
  wafLargeBodies: price("AWS WAF", "body inspection beyond 16 KB, per extra 16 KB", "request-increments", 1_000_000, flat(0.3), WAF, UNCONFIRMED),
  botControlFee: price("AWS WAF", "Bot Control subscription", "web ACL-months", 1, flat(10), WAF, UNCONFIRMED),
  botControlCommon: price("AWS WAF", "Bot Control requests (common level)", "requests", 1_000_000, flat(1), WAF, UNCONFIRMED),
  botControlTargeted: price("AWS WAF", "Bot Control requests (targeted level)", "requests", 1_000_000, flat(null), WAF, "not read: AWS lists a fee; no figure confirmed here"),
  antiDdosGroup: price("AWS WAF", "Anti-DDoS rule group", "requests", 1_000_000, flat(null), WAF, "not read: AWS lists extra fees for this group; no figure confirmed here"),
  fraudControl: price("AWS WAF", "ATP / ACFP (per attempt)", "requests", 1_000_000, flat(null), WAF, "not read: AWS lists fees per attempt; no figure confirmed here"),
  shieldSubscription: price("Shield Advanced", "subscription (per organization)", "months", 1, flat(3000), SHIELD, "aws-samples/waf-and-shield-advanced-price-comparison main.py: SUBSC 3000; components/shield/README.md"),
  shieldTransfer: price("Shield Advanced", "data transfer out of the protected distribution", "GB", 1, [
    { upTo: 100 * TB, usd: 0.025, label: "first 100 TB" },
    { upTo: 500 * TB, usd: 0.02, label: "next 400 TB" },
    { upTo: 1000 * TB, usd: 0.015, label: "next 500 TB" },
    { usd: 0.01, label: "beyond" },
  ], SHIELD, "aws-samples/waf-and-shield-advanced-price-comparison main.py: CloudFront tiers"),
  vendedLogs: price("CloudWatch Logs", "vended logs delivered to CloudWatch Logs", "GB", 1, [
    { upTo: 10 * TB, usd: 0.5, label: "first 10 TB" },
    { upTo: 30 * TB, usd: 0.25, label: "next 20 TB" },
    { upTo: 50 * TB, usd: 0.1, label: "next 20 TB" },
    { usd: 0.05, label: "over 50 TB" },
  ], CW, `${UNCONFIRMED} (Duckbill on the May 2025 Lambda tiers)`),
  vendedLogsToS3: price("CloudWatch Logs", "vended logs delivered to S3", "GB", 1, flat(0.25), CW, UNCONFIRMED),
  vendedLogsToFirehose: price("CloudWatch Logs", "vended logs delivered to Firehose", "GB", 1, flat(null), CW, "not read: AWS lists a delivery fee; no figure confirmed here (Firehose's own fees come on top)"),
  logIngestion: price("CloudWatch Logs", "standard ingestion", "GB", 1, flat(0.5), CW, UNCONFIRMED),
  logStorage: price("CloudWatch Logs", "storage", "GB-months", 1, flat(0.03), CW, UNCONFIRMED),
  alarm: price("CloudWatch", "standard-resolution alarms", "alarm-months", 1, flat(0.1), CW, UNCONFIRMED),
  dashboard: price("CloudWatch", "dashboards", "dashboard-months", 1, flat(3), CW, UNCONFIRMED),
  customMetric: price("CloudWatch", "custom metrics", "metric-months", 1, [
    { upTo: 10_000, usd: CUSTOM_METRIC_USD, label: "first 10,000" },
    { upTo: 250_000, usd: 0.1, label: "next 240,000" },
    { upTo: 1_000_000, usd: 0.05, label: "next 750,000" },
    { usd: 0.02, label: "over 1,000,000" },
  ], CW, `${UNCONFIRMED}; prorated by the hour a metric is published`),
  canaryRun: price("CloudWatch Synthetics", "canary runs", "runs", 1, flat(0.0012), CW, `${UNCONFIRMED} (the page's text names 100 free runs a month)`),
  canaryLambda: price("AWS Lambda", "canary executions (each run is a Lambda invocation in the account)", "runs", 1, flat(null), LAMBDA,
    "not read: Synthetics runs each canary as a Lambda function in the account (CloudWatch User Guide), billed at Lambda's rates for its duration at 960 MB or more; the duration of a run is not known offline"),
  healthCheckBasic: price("Route 53", "health checks (alarm-based or calculated)", "check-months", 1, flat(0.5), "https://aws.amazon.com/route53/pricing/", `${UNCONFIRMED}; priced as a basic check of an AWS endpoint`),
  healthCheckExternal: price("Route 53", "HTTPS health checks (non-AWS endpoint rate)", "check-months", 1, flat(0.75), "https://aws.amazon.com/route53/pricing/", UNCONFIRMED),
  healthCheckFeatures: price("Route 53", "health check options (HTTPS, fast interval)", "option-months", 1, flat(null), "https://aws.amazon.com/route53/pricing/", "not read: AWS lists a fee per option; no figure confirmed here"),
  nlbHours: price("Elastic Load Balancing", "Network Load Balancer hours", "hours", 1, flat(0.0225), ELB, UNCONFIRMED),
  nlcu: price("Elastic Load Balancing", "NLCU-hours (1 GB processed per hour each)", "NLCU-hours", 1, flat(0.006), ELB, "AWS page's example text, as transcribed by api-evangelist (2026-09-20)"),
  albHours: price("Elastic Load Balancing", "Application Load Balancer hours", "hours", 1, flat(0.0225), ELB, "AWS page's example text, as transcribed by api-evangelist (2026-09-20)"),
  lcu: price("Elastic Load Balancing", "LCU-hours (1 GB processed per hour each)", "LCU-hours", 1, flat(0.008), ELB, "AWS page's example text, as transcribed by api-evangelist (2026-09-20)"),
  vpcLink: price("API Gateway", "VPC links", "link-months", 1, flat(null), APIGW, "not read: no VPC link fee on AWS's pages read here; third-party guides quote $7.20 (v2) / $18 (v1) a month"),
  endpointHours: price("VPC (PrivateLink)", "interface endpoint AZ-hours", "AZ-hours", 1, flat(0.01), "https://aws.amazon.com/privatelink/pricing/", UNCONFIRMED),
  endpointData: price("VPC (PrivateLink)", "interface endpoint data processed", "GB", 1, [{ upTo: 1 * PB, usd: 0.01, label: "first 1 PB" }, { upTo: 5 * PB, usd: 0.006, label: "next 4 PB" }, { usd: 0.004, label: "over 5 PB" }],
    "https://aws.amazon.com/privatelink/pricing/", AWS_PAGE),
  restRequests: price("API Gateway", "REST API requests", "requests", 1_000_000, [
    { upTo: 333_000_000, usd: 3.5, label: "first 333 million" },
    { upTo: 1_000_000_000, usd: 2.8, label: "next 667 million" },
    { upTo: 20_000_000_000, usd: 2.38, label: "next 19 billion" },
    { usd: 1.51, label: "over 20 billion" },
  ], "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html", "AWS whitepaper, Table 4"),
  httpRequests: price("API Gateway", "HTTP API requests (512 KB units)", "requests", 1_000_000, [{ upTo: 300_000_000, usd: 1, label: "first 300 million" }, { usd: 0.9, label: "over 300 million" }],
    "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html", "AWS whitepaper, Table 4"),
  webSocketMessages: price("API Gateway", "WebSocket messages (32 KB units, first billion)", "messages", 1_000_000, flat(1), APIGW, UNCONFIRMED),
  webSocketMinutes: price("API Gateway", "WebSocket connection minutes", "minutes", 1_000_000, flat(0.25), APIGW, UNCONFIRMED),
} as const satisfies Record<string, Price>;

export type PriceId = keyof typeof PRICES;
