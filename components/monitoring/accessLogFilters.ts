/**
 * Metric filters on an API's JSON access log that tell the signer's 403s from direct callers' 403s:
 * - `signerDenied` (alarm): 403 to the signer's own role (`userArn` is its assumed role): its signature was
 *   valid but IAM refused it, e.g. a stage missing from its policy or a resource policy that shuts it out;
 * - `badSignature` (alarm): 403 for a signature API Gateway rejected (INVALID_SIGNATURE, EXPIRED_TOKEN): the
 *   signer signing wrongly, or someone forging; no identity is resolved then, so `userArn` cannot say who;
 * - `directUnsigned` (information): 403 for a call without any signature (MISSING_AUTHENTICATION_TOKEN), which
 *   the signer never sends (it fails closed with its own error instead): someone calling execute-api directly.
 * A filter is made only where the API kind's log format has every field it reads (components/api/accessLogFormats.ts);
 * the last two read `errorType` ($context.error.responseType), which every kind's format logs.
 */
import { ACCESS_LOG_FORMATS } from "../api/accessLogFormats";
import { parseArn } from "../shared/arn";
import type { ApiKind } from "../shared/types";
import type { MetricKey } from "./metricCatalog";

export interface AccessLogFilter {
  readonly metric: Extract<MetricKey, "signerDenied" | "badSignature" | "directUnsigned">;
  /** The log format fields the pattern reads. */
  readonly fields: readonly string[];
  /** Whether a non-zero count notifies (the others are for the dashboard). */
  readonly alarm: boolean;
  readonly pattern: (assumedRoleArnPattern: string) => string;
}

/** `status` is logged as a JSON string (`"$context.status"`), so it is compared as one. */
export const ACCESS_LOG_FILTERS: readonly AccessLogFilter[] = [
  { metric: "signerDenied", fields: ["status", "userArn"], alarm: true, pattern: (role) => `{ ($.status = "403") && ($.userArn = "${role}") }` },
  {
    metric: "badSignature", fields: ["status", "errorType"], alarm: true,
    pattern: () => '{ ($.status = "403") && (($.errorType = "INVALID_SIGNATURE") || ($.errorType = "EXPIRED_TOKEN")) }',
  },
  { metric: "directUnsigned", fields: ["status", "errorType"], alarm: false, pattern: () => '{ ($.status = "403") && ($.errorType = "MISSING_AUTHENTICATION_TOKEN") }' },
];

/** The fields of an API kind's JSON access-log format. */
export function accessLogFields(kind: ApiKind, formats: Readonly<Record<ApiKind, string>> = ACCESS_LOG_FORMATS): string[] {
  return Object.keys(JSON.parse(formats[kind]) as Record<string, unknown>);
}

/** The filters an API kind's format supports. */
export function filtersFor(kind: ApiKind, formats: Readonly<Record<ApiKind, string>> = ACCESS_LOG_FORMATS): AccessLogFilter[] {
  const fields = new Set(accessLogFields(kind, formats));
  return ACCESS_LOG_FILTERS.filter((f) => f.fields.every((field) => fields.has(field)));
}

/**
 * What `$context.identity.userArn` holds for a call signed with the role's temporary credentials:
 * `arn:aws:sts::<account>:assumed-role/<role name>/<session>` (the role's path is not part of it).
 */
export function assumedRoleArnPattern(roleArn: string): string {
  const arn = parseArn(roleArn);
  if (!arn || arn.service !== "iam" || !arn.resource.startsWith("role/")) throw new Error(`not an IAM role ARN: ${roleArn}`);
  const name = arn.resource.slice(arn.resource.lastIndexOf("/") + 1);
  return `arn:${arn.partition}:sts::${arn.account}:assumed-role/${name}/*`;
}
