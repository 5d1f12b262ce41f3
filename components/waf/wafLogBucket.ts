import { WafSettings } from "./types";

/** The S3 bucket the web ACL logs to, when its log destination is an existing bucket (shared with the Shield Response Team). */
export function wafLogBucketName(waf: WafSettings): string | undefined {
  if (waf.kind !== "managed" || waf.logging?.destination.kind !== "existing") return undefined;
  const match = /^arn:aws:s3:::([^/]+)$/.exec(waf.logging.destination.arn);
  return match?.[1];
}
