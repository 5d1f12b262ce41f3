import { z } from "zod";
import { parseArn } from "../shared/arn";
import { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "../shared/logRetention";
import { EDGE_REGION } from "../shared/region";
import { choice, flag, listOf, strictObject, whenValid } from "../shared/schema/fields";
import { oneOf } from "../shared/validation";
import { switchedOn, toggled } from "./wafFields";

/** Always redacted: credentials and sessions must never reach the logs. */
export const ALWAYS_REDACTED_HEADERS: readonly string[] = ["authorization", "x-forwarded-authorization", "cookie"];
/** LoggingConfiguration RedactedFields: at most 100. */
const MAX_REDACTED = 100;

const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const DESTINATION_ALLOWED =
  `allowed: an aws-waf-logs-* destination: arn:aws:firehose:${EDGE_REGION}:<account>:deliverystream/aws-waf-logs-<name>, ` +
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

const headerField = z.string({ error: "allowed: a header name, at most 64 characters" }).toLowerCase().regex(HEADER_NAME, { error: "allowed: a header name, at most 64 characters" });

const loggingSettings = strictObject({
  enabled: flag().default(true),
  /** An existing destination; absent: a CloudWatch log group the component creates. */
  destinationArn: z.string({ error: DESTINATION_ALLOWED }).refine(isWafLogDestination, { error: DESTINATION_ALLOWED }).optional(),
  /** With the created log group. @default 30 */
  retentionDays: z.literal(LOG_RETENTION_DAYS, { error: `${oneOf(LOG_RETENTION_DAYS)} (CloudWatch Logs retention)` }).optional(),
  /** Added to the three always redacted. */
  redactedHeaders: listOf(headerField).default([]),
  /** `blocked-and-counted` keeps only requests that were blocked or counted. */
  filter: choice(["all", "blocked-and-counted"]).default("all"),
}).superRefine((logging, ctx) => {
  if (logging.destinationArn !== undefined && logging.retentionDays !== undefined) {
    ctx.addIssue({ code: "custom", path: ["retentionDays"], input: logging.retentionDays, message: "allowed only with the created CloudWatch log group; an existing destinationArn keeps its own retention" });
  }
  const count = new Set([...ALWAYS_REDACTED_HEADERS, ...logging.redactedHeaders]).size;
  if (count > MAX_REDACTED) ctx.addIssue({ code: "custom", path: ["redactedHeaders"], input: logging.redactedHeaders, message: `allowed: at most ${MAX_REDACTED} redacted fields, the three always redacted included (these make ${count})` });
}, whenValid());
const defaults = () => loggingSettings.parse({});

/** On by default (a CloudWatch log group); `false` turns it off. */
export const loggingSchema = toggled(loggingSettings, "allowed: false, or { enabled, destinationArn, retentionDays, redactedHeaders, filter }");
export type WafLoggingInput = z.input<typeof loggingSchema>;

/** The logging the component sets up, or undefined when off. */
export function loggingSettingsOf(given: z.output<typeof loggingSchema> | undefined) {
  const logging = switchedOn(given, defaults, true);
  if (logging === undefined) return undefined;
  const destination =
    logging.destinationArn !== undefined
      ? { kind: "existing" as const, arn: logging.destinationArn }
      : { kind: "cloudwatch" as const, retentionDays: logging.retentionDays ?? DEFAULT_LOG_RETENTION_DAYS };
  return { destination, redactedHeaders: [...new Set([...ALWAYS_REDACTED_HEADERS, ...logging.redactedHeaders])], filter: logging.filter };
}
export type WafLoggingSettings = NonNullable<ReturnType<typeof loggingSettingsOf>>;
export type LogDestination = WafLoggingSettings["destination"];
