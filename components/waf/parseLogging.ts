import { parseArn } from "../shared/arn";
import { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "../shared/logRetention";
import { EDGE_REGION } from "../shared/region";
import { Problems } from "../shared/validation";
import { readBool, readEnum, readList, readObject } from "./parseHelpers";
import { WafLoggingSettings } from "./types";

/** Always redacted: credentials and sessions must never reach the logs. */
export const ALWAYS_REDACTED_HEADERS: readonly string[] = ["authorization", "x-forwarded-authorization", "cookie"];

const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const DESTINATION_ALLOWED =
  `an aws-waf-logs-* destination: arn:aws:firehose:${EDGE_REGION}:<account>:deliverystream/aws-waf-logs-<name>, ` +
  `arn:aws:logs:${EDGE_REGION}:<account>:log-group:aws-waf-logs-<name> or arn:aws:s3:::aws-waf-logs-<bucket>`;

/** Whether an ARN is a valid WAF log destination for a CLOUDFRONT web ACL. */
export function isWafLogDestination(value: unknown): boolean {
  const arn = parseArn(value);
  if (!arn) return false;
  if (arn.service === "s3") return arn.region === "" && arn.account === "" && /^aws-waf-logs-[a-z0-9.-]{1,50}$/.test(arn.resource);
  if (arn.region !== EDGE_REGION || !/^\d{12}$/.test(arn.account)) return false;
  if (arn.service === "firehose") return /^deliverystream\/aws-waf-logs-[\w.-]{1,51}$/.test(arn.resource);
  if (arn.service === "logs") return /^log-group:aws-waf-logs-[\w.\-/#]{1,499}$/.test(arn.resource);
  return false;
}

/** On by default (a CloudWatch log group); `false` turns it off. */
export function parseLogging(problems: Problems, field: string, raw: unknown): WafLoggingSettings | undefined {
  if (raw === false) return undefined;
  const o = readObject(problems, field, raw, ["enabled", "destinationArn", "retentionDays", "redactedHeaders", "filter"]) ?? {};
  if (!readBool(problems, `${field}.enabled`, o.enabled, true)) return undefined;
  problems.check(
    o.destinationArn === undefined || o.retentionDays === undefined,
    `${field}.retentionDays`,
    o.retentionDays,
    "only with the created CloudWatch log group; an existing destinationArn keeps its own retention",
  );
  const extra = readList(
    problems,
    `${field}.redactedHeaders`,
    o.redactedHeaders,
    (h): h is string => typeof h === "string" && HEADER_NAME.test(h.toLowerCase()),
    "a header name, at most 64 characters",
  ).map((h) => h.toLowerCase());
  const redactedHeaders = [...new Set([...ALWAYS_REDACTED_HEADERS, ...extra])];
  problems.check(redactedHeaders.length <= 100, `${field}.redactedHeaders`, redactedHeaders.length, "at most 100 redacted fields");
  const filter = readEnum(problems, `${field}.filter`, o.filter, ["all", "blocked-and-counted"] as const, "all");
  if (o.destinationArn !== undefined) {
    problems.check(isWafLogDestination(o.destinationArn), `${field}.destinationArn`, o.destinationArn, DESTINATION_ALLOWED);
    return { destination: { kind: "existing", arn: String(o.destinationArn) }, redactedHeaders, filter };
  }
  const retentionDays = readEnum(problems, `${field}.retentionDays`, o.retentionDays, LOG_RETENTION_DAYS, DEFAULT_LOG_RETENTION_DAYS);
  return { destination: { kind: "cloudwatch", retentionDays }, redactedHeaders, filter };
}
