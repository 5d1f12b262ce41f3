import { z } from "zod";
import { parseArn } from "../shared/arn";
import { isDnsName } from "../shared/dns";
import { EDGE_REGION } from "../shared/region";
import { choice, intIn, listOf, strictObject } from "../shared/schema/fields";
import { accessLogsSchema } from "./accessLogs";
import { countryField } from "./countries";

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
const QUOTA_MAX = 10_000;

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

const alias = z.string({ error: 'allowed: a lowercase DNS name such as "api.example.com"' }).refine((a) => isDnsName(a, { wildcard: true }), { error: 'allowed: a lowercase DNS name such as "api.example.com"' });
const certificateArn = z.string({ error: `allowed: an ACM certificate ARN in ${EDGE_REGION}` }).refine(
  (value) => {
    const arn = parseArn(value);
    return arn?.service === "acm" && arn.region === EDGE_REGION && arn.resource.startsWith("certificate/");
  },
  { error: `allowed: an ACM certificate ARN in ${EDGE_REGION} (CloudFront only uses certificates from ${EDGE_REGION})` },
);

export const geoRestrictionFields = {
  type: choice(GEO_RESTRICTION_TYPES).default("none"),
  locations: listOf(countryField, "allowed: a list of strings").default([]),
};

/** Each distribution setting with its default (the stack file names some of them flat, see stackSchema.ts). */
export const distributionFields = {
  priceClass: choice(PRICE_CLASSES).default("PriceClass_100"),
  viewerProtocolPolicy: choice(VIEWER_PROTOCOL_POLICIES, " (HTTPS only; allow-all is not offered)").default("https-only"),
  aliases: listOf(alias, "allowed: a list of strings").default([]),
  /** ACM certificate in us-east-1 for the aliases. */
  certificateArn: certificateArn.optional(),
  originReadTimeout: intIn(ORIGIN_READ_TIMEOUT.min, ORIGIN_READ_TIMEOUT.max, `allowed: a whole number of seconds from ${ORIGIN_READ_TIMEOUT.min} to ${ORIGIN_READ_TIMEOUT.max} (${TIMEOUT_SOURCE})`).default(30),
  originKeepaliveTimeout: intIn(ORIGIN_KEEPALIVE_TIMEOUT.min, ORIGIN_KEEPALIVE_TIMEOUT.max, `allowed: a whole number of seconds from ${ORIGIN_KEEPALIVE_TIMEOUT.min} to ${ORIGIN_KEEPALIVE_TIMEOUT.max} (${TIMEOUT_SOURCE})`).default(5),
  geoRestriction: strictObject(geoRestrictionFields).default({ type: "none", locations: [] }),
  /** Access logs (standard logging v2); absent: none. */
  accessLogs: accessLogsSchema.optional(),
};

export interface SettingIssue {
  readonly path: readonly (string | number)[];
  readonly input: unknown;
  readonly message: string;
}

/** What must hold between the distribution's settings (paths in the settings' own shape). */
export function distributionIssues(d: Pick<DistributionConfig, "aliases" | "certificateArn" | "geoRestriction">): SettingIssue[] {
  const issues: SettingIssue[] = [];
  if (d.aliases.length > 0 && d.certificateArn === undefined) issues.push({ path: ["certificateArn"], input: undefined, message: `required when aliases are set: an ACM certificate in ${EDGE_REGION} that covers them` });
  if (d.certificateArn !== undefined && d.aliases.length === 0) issues.push({ path: ["aliases"], input: d.aliases, message: "required when certificateArn is set: the DNS names the certificate serves" });
  const { type, locations } = d.geoRestriction;
  if (type === "none" && locations.length > 0) issues.push({ path: ["geoRestriction", "locations"], input: locations, message: 'allowed: none while geoRestrictionType is "none"' });
  if (type !== "none" && locations.length === 0) issues.push({ path: ["geoRestriction", "locations"], input: locations, message: `required: at least one country code for geoRestrictionType "${type}"` });
  return issues;
}

/** The distribution's settings, as a library user passes them (every field optional). */
export const distributionSchema = strictObject(distributionFields).superRefine((d, ctx) => {
  for (const issue of distributionIssues(d)) ctx.addIssue({ code: "custom", path: [...issue.path], input: issue.input, message: issue.message });
});
export type DistributionInput = z.input<typeof distributionSchema>;
export type DistributionConfig = z.output<typeof distributionSchema>;

/** The account's CloudFront quotas per distribution, which the routes must fit in. */
export const quotaFields = {
  cacheBehaviors: intIn(1, QUOTA_MAX, `allowed: a whole number, your account's cache behaviours per distribution (CloudFront's default is ${CLOUDFRONT_QUOTAS.cacheBehaviors})`).default(CLOUDFRONT_QUOTAS.cacheBehaviors),
  origins: intIn(1, QUOTA_MAX, `allowed: a whole number, your account's origins per distribution (CloudFront's default is ${CLOUDFRONT_QUOTAS.origins})`).default(CLOUDFRONT_QUOTAS.origins),
};
export type CloudFrontQuotas = typeof CLOUDFRONT_QUOTAS;

