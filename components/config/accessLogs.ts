import { z } from "zod";
import { parseArn } from "../shared/arn";
import { LOG_RETENTION_DAYS } from "../shared/logRetention";
import { EDGE_REGION } from "../shared/region";
import { choice, strictObject } from "../shared/schema/fields";
import { oneOf } from "../shared/validation";

/**
 * CloudFront access logs through standard logging (v2): CloudWatch's vended-log delivery (a delivery
 * source for the distribution, a delivery destination, a delivery). Legacy standard logging is not offered:
 * it writes with S3 ACLs, which buckets created since April 2023 have disabled, so it fails on a bucket
 * made with today's defaults. Source: CloudFront Developer Guide, "Configure standard logging (v2)" and
 * "Configure standard logging (legacy)" (checked 2026-12-01).
 */
/** Output formats of a CloudFront delivery; `parquet` only for S3 (PutDeliveryDestination, outputFormat). */
export const ACCESS_LOG_FORMATS = ["json", "w3c", "plain", "parquet"] as const;
export type AccessLogFormat = (typeof ACCESS_LOG_FORMATS)[number];
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 90;

/** What the legacy keys (`loggingBucket`, `loggingPrefix`) are told. */
export const LEGACY_LOGGING =
  "nothing: legacy standard logging is not offered (it writes through S3 ACLs, which buckets have disabled by default since April 2023); use accessLogs: { destination: cloudwatch }, or an S3 bucket's ARN (README, Access logs)";

const DESTINATION = `allowed: "cloudwatch" (a log group the stack creates), or the ARN of an S3 bucket (arn:aws:s3:::name), a log group or a Firehose stream in ${EDGE_REGION}`;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The service of a destination ARN CloudFront can deliver to, or undefined. */
function destinationService(destination: string): "s3" | "logs" | "firehose" | undefined {
  const arn = parseArn(destination);
  if (arn?.service === "s3" && arn.region === "" && arn.account === "" && BUCKET.test(arn.resource)) return "s3";
  if (arn?.service === "logs" && arn.region === EDGE_REGION && arn.resource.startsWith("log-group:")) return "logs";
  if (arn?.service === "firehose" && arn.region === EDGE_REGION && arn.resource.startsWith("deliverystream/")) return "firehose";
  return undefined;
}

/**
 * `edge-security:accessLogs`: `destination` is `cloudwatch` (a log group the stack creates in us-east-1, kept
 * `retentionDays`) or the ARN of a destination someone else owns (a log group or Firehose stream in us-east-1,
 * or an S3 bucket).
 */
export const accessLogsSchema = strictObject({
  destination: z.string({ error: DESTINATION }).default("cloudwatch"),
  /** With `cloudwatch`. @default 90 */
  retentionDays: z.literal(LOG_RETENTION_DAYS, { error: `${oneOf(LOG_RETENTION_DAYS)} (CloudWatch Logs retention)` }).optional(),
  format: choice(ACCESS_LOG_FORMATS).default("json"),
})
  .superRefine((logs, ctx) => {
    const issue = (path: string, input: unknown, message: string) => ctx.addIssue({ code: "custom", path: [path], input, message });
    if (logs.destination === "cloudwatch") {
      if (logs.format !== "json") issue("format", logs.format, 'allowed: "json" for the log group the stack creates (the other formats are for S3 and Firehose)');
      return;
    }
    const service = destinationService(logs.destination);
    if (service === undefined) issue("destination", logs.destination, DESTINATION);
    if (logs.retentionDays !== undefined) issue("retentionDays", logs.retentionDays, "allowed only with destination cloudwatch; an existing destination keeps its own retention");
    if (logs.format === "parquet" && service !== undefined && service !== "s3") issue("format", logs.format, "allowed: parquet only for an S3 bucket destination");
  });
export type AccessLogsInput = z.input<typeof accessLogsSchema>;
export type AccessLogSettings = z.output<typeof accessLogsSchema>;
