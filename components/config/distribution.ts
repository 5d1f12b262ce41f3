import { parseArn } from "../shared/arn";
import { AccessLogSettings, parseAccessLogs } from "./accessLogs";
import { isDnsName } from "../shared/dns";
import { EDGE_REGION } from "../shared/region";
import { Problems, isIntIn, oneOf } from "../shared/validation";

export const PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const;
/**
 * `https-only` by default: an API client that follows a redirect has already sent its credentials in clear
 * on the first, plain-HTTP request. `redirect-to-https` stays available for browser-facing APIs.
 */
export const VIEWER_PROTOCOL_POLICIES = ["https-only", "redirect-to-https"] as const;
export const GEO_RESTRICTION_TYPES = ["none", "whitelist", "blacklist"] as const;
/**
 * CloudFront's default quotas per distribution ("Quotas", General quotas on distributions; checked
 * 2026-12-01): 75 cache behaviours and 100 origins, both adjustable. An account with raised quotas sets
 * `cacheBehaviorQuota` / `originQuota` to its own figures.
 */
export const CLOUDFRONT_QUOTAS = { cacheBehaviors: 75, origins: 100 };
/** What an account can have raised them to is AWS's business; anything from 1 up is taken as given. */
const QUOTA_RANGE = { min: 1, max: 10_000 };

/** CloudFront's origin timeouts; read timeouts above 60 s need a quota increase. */
export const ORIGIN_READ_TIMEOUT = { min: 1, max: 180 };
export const ORIGIN_KEEPALIVE_TIMEOUT = { min: 1, max: 180 };

export interface DistributionConfig {
  readonly priceClass: (typeof PRICE_CLASSES)[number];
  readonly viewerProtocolPolicy: (typeof VIEWER_PROTOCOL_POLICIES)[number];
  readonly aliases: readonly string[];
  /** ACM certificate in us-east-1 for the aliases. */
  readonly certificateArn?: string;
  readonly originReadTimeout: number;
  readonly originKeepaliveTimeout: number;
  readonly geoRestriction: { readonly type: (typeof GEO_RESTRICTION_TYPES)[number]; readonly locations: readonly string[] };
  /** Access logs (standard logging v2); absent: none. */
  readonly accessLogs?: AccessLogSettings;
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
  readonly accessLogs?: unknown;
  readonly loggingBucket?: unknown;
  readonly loggingPrefix?: unknown;
  readonly cacheBehaviorQuota?: unknown;
  readonly originQuota?: unknown;
}

const COUNTRY = /^[A-Z]{2}$/;

export function parseDistribution(raw: RawDistributionConfig, problems: Problems): DistributionConfig {
  const priceClass = raw.priceClass ?? "PriceClass_100";
  problems.check(PRICE_CLASSES.includes(priceClass as never), "priceClass", priceClass, oneOf(PRICE_CLASSES));
  const viewerProtocolPolicy = raw.viewerProtocolPolicy ?? "https-only";
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
  problems.check(isIntIn(originReadTimeout, ORIGIN_READ_TIMEOUT), "originReadTimeout", originReadTimeout, "allowed: a whole number of seconds from 1 to 180 (above 60 needs a CloudFront quota increase)");
  const originKeepaliveTimeout = raw.originKeepaliveTimeout ?? 5;
  problems.check(isIntIn(originKeepaliveTimeout, ORIGIN_KEEPALIVE_TIMEOUT), "originKeepaliveTimeout", originKeepaliveTimeout, "allowed: a whole number of seconds from 1 to 180 (above 60 needs a CloudFront quota increase)");

  const geoType = raw.geoRestrictionType ?? "none";
  problems.check(GEO_RESTRICTION_TYPES.includes(geoType as never), "geoRestrictionType", geoType, oneOf(GEO_RESTRICTION_TYPES));
  const locations = stringList(raw.geoRestrictionLocations, "geoRestrictionLocations", problems);
  locations.forEach((code, i) => problems.check(COUNTRY.test(code), `geoRestrictionLocations[${i}]`, code, "allowed: an ISO 3166-1 alpha-2 country code such as \"DE\""));
  problems.check(geoType === "none" ? locations.length === 0 : locations.length > 0, "geoRestrictionLocations", raw.geoRestrictionLocations, geoType === "none" ? 'allowed: none while geoRestrictionType is "none"' : `required: at least one country code for geoRestrictionType "${String(geoType)}"`);

  return {
    priceClass: priceClass as DistributionConfig["priceClass"],
    viewerProtocolPolicy: viewerProtocolPolicy as DistributionConfig["viewerProtocolPolicy"],
    aliases,
    certificateArn: certificateArn === undefined ? undefined : String(certificateArn),
    originReadTimeout: Number(originReadTimeout),
    originKeepaliveTimeout: Number(originKeepaliveTimeout),
    geoRestriction: { type: geoType as DistributionConfig["geoRestriction"]["type"], locations },
    accessLogs: parseAccessLogs(raw, problems),
  };
}

export type CloudFrontQuotas = typeof CLOUDFRONT_QUOTAS;

/** The account's CloudFront quotas per distribution, which the routes must fit in. */
export function parseCloudFrontQuotas(raw: RawDistributionConfig, problems: Problems): CloudFrontQuotas {
  // An invalid figure is reported once and the default used, so the route check does not fail a second time for it.
  const quota = (key: "cacheBehaviorQuota" | "originQuota", fallback: number, what: string): number => {
    const value = raw[key] ?? fallback;
    const ok = problems.check(isIntIn(value, QUOTA_RANGE), key, value, `allowed: a whole number, your account's ${what} per distribution (CloudFront's default is ${fallback})`);
    return ok ? (value as number) : fallback;
  };
  return { cacheBehaviors: quota("cacheBehaviorQuota", CLOUDFRONT_QUOTAS.cacheBehaviors, "cache behaviours"), origins: quota("originQuota", CLOUDFRONT_QUOTAS.origins, "origins") };
}

function stringList(raw: unknown, field: string, problems: Problems): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((v) => typeof v === "string")) {
    problems.add(field, raw, "allowed: a list of strings");
    return [];
  }
  return raw;
}
