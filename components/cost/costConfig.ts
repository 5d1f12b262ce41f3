/**
 * `edge-security:cost`: the traffic the monthly estimate assumes. Every key has a default, so an absent section
 * prices the stack at an illustrative 30 million requests a month; set your own figures from CloudFront's and API
 * Gateway's metrics. Sizes are in KB of 1,024 bytes.
 */
import { z } from "zod";
import { flag, strictObject } from "../shared/schema/fields";

/** A finite number from `min` to `max`. */
function amount(min: number, max: number, allowed: string) {
  return z.number({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

const share = (what: string) => amount(0, 1, `allowed: a share of ${what} from 0 to 1`);
const count = (what: string) => amount(0, 1e13, `allowed: a number of ${what} from 0 to 10^13`).int({ error: `allowed: a whole number of ${what}` });
const kb = (max: number, what: string) => amount(0, max, `allowed: ${what} in KB from 0 to ${max}`);
const bytes = (what: string) => amount(1, 1_048_576, `allowed: the bytes of ${what} from 1 to 1048576`).int({ error: `allowed: a whole number of bytes of ${what}` });
const described = <T extends z.ZodType>(schema: T, description: string) => schema.meta({ description });

export const costSchema = strictObject({
  requestsPerMonth: described(count("requests").default(30_000_000), "Viewer requests through CloudFront a month, WebSocket upgrades included (CloudFront's Requests metric)."),
  averageResponseKb: described(kb(10_240, "the average response").default(4), "Average response size in KB, headers included: CloudFront's data transfer out to the internet."),
  averageRequestKb: described(kb(1024, "the average request body").default(1), "Average body size in KB of the requests that carry one (the signer signs up to 1 MB)."),
  writeShare: described(share("requests").default(0.2), "Share of requests that send a body (POST, PUT, PATCH, DELETE, OPTIONS): CloudFront bills their bytes as transfer to the origin."),
  webSocketMessagesPerMonth: described(count("messages").default(1_000_000), "WebSocket messages a month, both directions, over all WebSocket APIs."),
  webSocketConnectionMinutesPerMonth: described(count("minutes").default(1_000_000), "WebSocket connection minutes a month, over all WebSocket APIs."),
  averageWebSocketMessageKb: described(kb(1024, "the average WebSocket message").default(1), "Average WebSocket message size in KB; API Gateway bills each started 32 KB as one message."),
  requestShares: described(z.record(z.string(), share("requests"), { error: "allowed: a map of API name to its share of the requests" }).optional(),
    "Share of the requests each API takes, by API name (the private integration's is \"private\"); they must add up to 1. Default: equal shares for the APIs that take HTTP requests."),
  bodiesOver16KbShare: described(share("requests").default(0), "Share of requests whose body is over 16 KB: with a raised WAF body inspection limit, AWS charges for each."),
  logSampleShare: described(share("requests").optional(), "Share of requests the WAF log keeps (its filter); default 1, every request, the upper bound."),
  wafLogRecordBytes: described(bytes("a WAF log record").default(2000), "Bytes per WAF log record (every header and each rule group's result; measure a day of your logs)."),
  accessLogRecordBytes: described(bytes("a CloudFront access log record").default(700), "Bytes per CloudFront access log record (JSON, standard logging v2)."),
  apiAccessLogRecordBytes: described(bytes("an API Gateway access log record").default(400), "Bytes per API Gateway access log line (the stack's JSON format)."),
  signerLogBytesPerRequest: described(bytes("signer log lines per request").default(300), "Bytes Lambda@Edge logs per signer invocation (the START, END and REPORT lines; the signer logs nothing else on success)."),
  signerDurationMs: described(amount(0.001, 30_000, "allowed: milliseconds from 0.001 to 30000").default(0.04),
    "Measured signer run time per request in ms (npm run bench: about 0.04 ms of CPU per GET); Lambda@Edge bills it rounded up to whole ms."),
  vpcEndpointGbPerMonth: described(amount(0, 1e9, "allowed: GB from 0 to 10^9").default(0), "GB a month through the interface VPC endpoints (image pulls, logs, STS)."),
  cloudFrontFreeTier: described(flag().default(true), "Apply CloudFront's always-free allowance to this stack; false when other distributions in the account use it up."),
  includeShieldSubscription: described(flag().default(true), "Count Shield Advanced's monthly fee (one per organization) in this stack's total; false when the organization already pays it for other stacks."),
}).superRefine((cost, ctx) => {
  const shares = Object.values(cost.requestShares ?? {});
  const sum = shares.reduce((a, b) => a + b, 0);
  // Shares outside 0-1 are reported on their own; their sum says nothing more.
  if (shares.length > 0 && shares.every((s) => typeof s === "number" && s >= 0 && s <= 1) && Math.abs(sum - 1) > 1e-9) {
    ctx.addIssue({ code: "custom", path: ["requestShares"], input: cost.requestShares, message: `allowed: shares that add up to 1 (these add up to ${sum})` });
  }
});

export type CostInput = z.input<typeof costSchema>;
export type CostTraffic = z.output<typeof costSchema>;

/** The defaults, for callers without a `cost` section. */
export const DEFAULT_TRAFFIC: CostTraffic = costSchema.parse({});
