import { parseArn } from "../shared/arn";
import { isDnsName } from "../shared/dns";
import { EDGE_REGION } from "../shared/region";
import { Problems, isIntIn, oneOf } from "../shared/validation";

export const PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const;
export const VIEWER_PROTOCOL_POLICIES = ["redirect-to-https", "https-only"] as const;
export const GEO_RESTRICTION_TYPES = ["none", "whitelist", "blacklist"] as const;
/**
 * Origin timeouts the signer can return. It returns the origin CloudFront gave it (with the path emptied),
 * and CloudFront validates a returned custom origin against the Lambda@Edge limits, which are narrower than
 * the distribution's (1-120 s, more with a quota increase): readTimeout 4-60, keepaliveTimeout 1-60; a value
 * outside them fails every request with a Lambda validation error (502). Source: the "Lambda@Edge event
 * structure" page, origin request fields; docs/aws-facts.md has the details.
 */
export const ORIGIN_READ_TIMEOUT = { min: 4, max: 60 };
export const ORIGIN_KEEPALIVE_TIMEOUT = { min: 1, max: 60 };
const TIMEOUT_SOURCE = "the Lambda@Edge limits for the origin the signer returns: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html";

export interface DistributionConfig {
  readonly priceClass: (typeof PRICE_CLASSES)[number];
  readonly viewerProtocolPolicy: (typeof VIEWER_PROTOCOL_POLICIES)[number];
  readonly aliases: readonly string[];
  /** ACM certificate in us-east-1 for the aliases. */
  readonly certificateArn?: string;
  readonly originReadTimeout: number;
  readonly originKeepaliveTimeout: number;
  readonly geoRestriction: { readonly type: (typeof GEO_RESTRICTION_TYPES)[number]; readonly locations: readonly string[] };
  /** Standard logging to this S3 bucket (its `<name>.s3.amazonaws.com` domain). */
  readonly logging?: { readonly bucket: string; readonly prefix: string };
}

export interface RawDistributionConfig {
  readonly priceClass?: unknown;
  readonly viewerProtocolPolicy?: unknown;
  readonly aliases?: unknown;
  readonly certificateArn?: unknown;
  readonly originReadTimeout?: unknown;
  readonly originKeepaliveTimeout?: unknown;
  readonly geoRestrictionType?: unknown;
  readonly geoRestrictionLocations?: unknown;
  readonly loggingBucket?: unknown;
  readonly loggingPrefix?: unknown;
}

const COUNTRY = /^[A-Z]{2}$/;
const BUCKET_DOMAIN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/;

export function parseDistribution(raw: RawDistributionConfig, problems: Problems): DistributionConfig {
  const priceClass = raw.priceClass ?? "PriceClass_100";
  problems.check(PRICE_CLASSES.includes(priceClass as never), "priceClass", priceClass, oneOf(PRICE_CLASSES));
  const viewerProtocolPolicy = raw.viewerProtocolPolicy ?? "redirect-to-https";
  problems.check(VIEWER_PROTOCOL_POLICIES.includes(viewerProtocolPolicy as never), "viewerProtocolPolicy", viewerProtocolPolicy, `${oneOf(VIEWER_PROTOCOL_POLICIES)} (HTTPS only; allow-all is not offered)`);

  const aliases = stringList(raw.aliases, "aliases", problems);
  aliases.forEach((alias, i) => problems.check(isDnsName(alias, { wildcard: true }), `aliases[${i}]`, alias, "allowed: a lowercase DNS name such as \"api.example.com\""));
  const certificateArn = raw.certificateArn;
  if (certificateArn !== undefined) {
    const arn = parseArn(certificateArn);
    problems.check(
      arn?.service === "acm" && arn.region === EDGE_REGION && arn.resource.startsWith("certificate/"),
      "certificateArn",
      certificateArn,
      `allowed: an ACM certificate ARN in ${EDGE_REGION} (CloudFront only uses certificates from ${EDGE_REGION})`,
    );
  }
  problems.check(aliases.length === 0 || certificateArn !== undefined, "certificateArn", certificateArn, `required when aliases are set: an ACM certificate in ${EDGE_REGION} that covers them`);
  problems.check(certificateArn === undefined || aliases.length > 0, "aliases", raw.aliases, "required when certificateArn is set: the DNS names the certificate serves");

  const originReadTimeout = raw.originReadTimeout ?? 30;
  problems.check(isIntIn(originReadTimeout, ORIGIN_READ_TIMEOUT), "originReadTimeout", originReadTimeout, `allowed: a whole number of seconds from ${ORIGIN_READ_TIMEOUT.min} to ${ORIGIN_READ_TIMEOUT.max} (${TIMEOUT_SOURCE})`);
  const originKeepaliveTimeout = raw.originKeepaliveTimeout ?? 5;
  problems.check(isIntIn(originKeepaliveTimeout, ORIGIN_KEEPALIVE_TIMEOUT), "originKeepaliveTimeout", originKeepaliveTimeout, `allowed: a whole number of seconds from ${ORIGIN_KEEPALIVE_TIMEOUT.min} to ${ORIGIN_KEEPALIVE_TIMEOUT.max} (${TIMEOUT_SOURCE})`);

  const geoType = raw.geoRestrictionType ?? "none";
  problems.check(GEO_RESTRICTION_TYPES.includes(geoType as never), "geoRestrictionType", geoType, oneOf(GEO_RESTRICTION_TYPES));
  const locations = stringList(raw.geoRestrictionLocations, "geoRestrictionLocations", problems);
  locations.forEach((code, i) => problems.check(COUNTRY.test(code), `geoRestrictionLocations[${i}]`, code, "allowed: an ISO 3166-1 alpha-2 country code such as \"DE\""));
  problems.check(geoType === "none" ? locations.length === 0 : locations.length > 0, "geoRestrictionLocations", raw.geoRestrictionLocations, geoType === "none" ? 'allowed: none while geoRestrictionType is "none"' : `required: at least one country code for geoRestrictionType "${String(geoType)}"`);

  let logging: DistributionConfig["logging"];
  if (raw.loggingBucket !== undefined) {
    problems.check(typeof raw.loggingBucket === "string" && BUCKET_DOMAIN.test(raw.loggingBucket), "loggingBucket", raw.loggingBucket, 'allowed: the bucket\'s domain name, such as "my-logs.s3.amazonaws.com"');
    const prefix = raw.loggingPrefix ?? "cloudfront/";
    problems.check(typeof prefix === "string", "loggingPrefix", prefix, "allowed: a key prefix such as \"cloudfront/\"");
    logging = { bucket: String(raw.loggingBucket), prefix: String(prefix) };
  }

  return {
    priceClass: priceClass as DistributionConfig["priceClass"],
    viewerProtocolPolicy: viewerProtocolPolicy as DistributionConfig["viewerProtocolPolicy"],
    aliases,
    certificateArn: certificateArn === undefined ? undefined : String(certificateArn),
    originReadTimeout: Number(originReadTimeout),
    originKeepaliveTimeout: Number(originKeepaliveTimeout),
    geoRestriction: { type: geoType as DistributionConfig["geoRestriction"]["type"], locations },
    logging,
  };
}

function stringList(raw: unknown, field: string, problems: Problems): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((v) => typeof v === "string")) {
    problems.add(field, raw, "allowed: a list of strings");
    return [];
  }
  return raw;
}
