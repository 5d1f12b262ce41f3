import { parseArn } from "../shared/arn";
import { LOG_RETENTION_DAYS } from "../shared/logRetention";
import { EDGE_REGION } from "../shared/region";
import { checkKnownKeys, isPlainObject, oneOf, Problems } from "../shared/validation";

/**
 * CloudFront access logs through standard logging (v2): CloudWatch's vended-log delivery (a delivery
 * source for the distribution, a delivery destination, a delivery). Legacy standard logging is not offered:
 * it writes with S3 ACLs, which buckets created since April 2023 have disabled, so it fails on a bucket
 * made with today's defaults. Source: CloudFront Developer Guide, "Configure standard logging (v2)" and
 * "Configure standard logging (legacy)" (checked 2026-12-01).
 */
export type AccessLogSettings =
  /** A log group the stack creates in us-east-1, with this retention. */
  | { readonly kind: "cloudwatch"; readonly retentionDays: number; readonly format: AccessLogFormat }
  /** A destination someone else owns: a log group or Firehose stream in us-east-1, or an S3 bucket. */
  | { readonly kind: "existing"; readonly destinationArn: string; readonly format: AccessLogFormat };

/** Output formats of a CloudFront delivery; `parquet` only for S3 (PutDeliveryDestination, outputFormat). */
export const ACCESS_LOG_FORMATS = ["json", "w3c", "plain", "parquet"] as const;
export type AccessLogFormat = (typeof ACCESS_LOG_FORMATS)[number];

const KEYS = ["destination", "retentionDays", "format"];
const LEGACY_KEYS = ["loggingBucket", "loggingPrefix"] as const;
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 90;

/** `edge-security:accessLogs`; undefined when absent (no access logs). */
export function parseAccessLogs(raw: { readonly accessLogs?: unknown; readonly loggingBucket?: unknown; readonly loggingPrefix?: unknown }, problems: Problems): AccessLogSettings | undefined {
  for (const key of LEGACY_KEYS) {
    problems.check(
      raw[key] === undefined,
      key,
      raw[key],
      "nothing: legacy standard logging is not offered (it writes through S3 ACLs, which buckets have disabled by default since April 2023); use accessLogs: { destination: cloudwatch }, or an S3 bucket's ARN (README, Access logs)",
    );
  }
  const section = raw.accessLogs;
  if (section === undefined) return undefined;
  if (!isPlainObject(section)) {
    problems.add("accessLogs", section, 'allowed: an object such as { destination: cloudwatch, retentionDays: 90 }');
    return undefined;
  }
  checkKnownKeys(problems, "accessLogs", section, KEYS);
  const format = section.format ?? "json";
  const formatOk = problems.check(ACCESS_LOG_FORMATS.includes(format as AccessLogFormat), "accessLogs.format", format, oneOf(ACCESS_LOG_FORMATS));
  const destination = section.destination ?? "cloudwatch";

  if (destination === "cloudwatch") {
    const retentionDays = section.retentionDays ?? DEFAULT_ACCESS_LOG_RETENTION_DAYS;
    problems.check(LOG_RETENTION_DAYS.includes(retentionDays as never), "accessLogs.retentionDays", retentionDays, `${oneOf(LOG_RETENTION_DAYS)} (CloudWatch Logs retention)`);
    problems.check(format === "json", "accessLogs.format", format, 'allowed: "json" for the log group the stack creates (the other formats are for S3 and Firehose)');
    return { kind: "cloudwatch", retentionDays: Number(retentionDays), format: (formatOk ? format : "json") as AccessLogFormat };
  }

  const arn = parseArn(destination);
  const service = arn?.service;
  const usable =
    (service === "s3" && arn?.region === "" && arn.account === "" && /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(arn.resource)) ||
    (service === "logs" && arn?.region === EDGE_REGION && arn.resource.startsWith("log-group:")) ||
    (service === "firehose" && arn?.region === EDGE_REGION && arn.resource.startsWith("deliverystream/"));
  problems.check(
    usable,
    "accessLogs.destination",
    destination,
    `allowed: "cloudwatch" (a log group the stack creates), or the ARN of an S3 bucket (arn:aws:s3:::name), a log group or a Firehose stream in ${EDGE_REGION}`,
  );
  problems.check(section.retentionDays === undefined, "accessLogs.retentionDays", section.retentionDays, "allowed only with destination cloudwatch; an existing destination keeps its own retention");
  problems.check(format !== "parquet" || service === "s3", "accessLogs.format", format, "allowed: parquet only for an S3 bucket destination");
  return { kind: "existing", destinationArn: String(destination), format: (formatOk ? format : "json") as AccessLogFormat };
}
