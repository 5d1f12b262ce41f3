/**
 * Settings baked into the signer bundle at build time (Lambda@Edge has no environment variables),
 * and the pure validator the deploy-time config uses before anything is built. Routing is not a
 * setting: each origin tells the signer its own prefix (the `X-Forwarded-Prefix` origin custom header),
 * so the bundle does not change when APIs or path patterns do.
 */
import { isDnsName } from "../../../components/shared/dns";
import { isAwsRegion } from "../../../components/shared/region";
import { DROPPED_HEADER_NAMES, DROPPED_HEADER_PREFIXES, isDroppedHeader } from "./droppedHeaders";

export interface SignerSettings {
  /** Origin domains that are not `{id}.execute-api.{region}.amazonaws.com` (custom domains), mapped to the API's region. */
  readonly customDomains: Readonly<Record<string, string>>;
  /** Header that carries the viewer's own Authorization header to the origin. @default "x-forwarded-authorization" */
  readonly authorizationHeader: string;
}

export const DEFAULT_SIGNER_SETTINGS: SignerSettings = {
  customDomains: {},
  authorizationHeader: "x-forwarded-authorization",
};

/** An application header: `x-` and lowercase letters, digits and `-` (no standard header can be chosen by mistake). */
const HEADER_NAME = /^x-[a-z0-9-]{1,61}$/;

/**
 * `x-` headers the function must not set: the forwarding headers CloudFront sets or the origin reads as
 * something else, and the ones CloudFront forbids (a 502) or reserves. The headers the signer drops
 * (droppedHeaders.ts) are refused too.
 */
const RESERVED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-cache", "x-real-ip"];
const RESERVED_HEADER_PREFIXES = ["cloudfront-", "x-amz-", "x-amzn-", "x-edge-", "x-accel-"];

/** Pure: every problem (field, value, allowed) of a settings object; empty when valid. Used by the deploy-time validator. */
export function signerSettingsProblems(settings: SignerSettings): { field: string; value: unknown; allowed: string }[] {
  const problems: { field: string; value: unknown; allowed: string }[] = [];
  const add = (field: string, value: unknown, allowed: string) => problems.push({ field, value, allowed });

  const domains: unknown = settings.customDomains;
  if (typeof domains !== "object" || domains === null || Array.isArray(domains)) {
    add("customDomains", domains, "allowed: an object mapping a lowercase domain name to an AWS region");
  } else {
    for (const [domain, region] of Object.entries(domains)) {
      if (!isDnsName(domain)) add(`customDomains.${domain}`, domain, "allowed: a lowercase DNS name such as \"api.example.com\"");
      else if (/\.execute-api\.[^.]+\.amazonaws\.com(\.cn)?$/.test(domain)) {
        add(`customDomains.${domain}`, domain, "allowed: a custom domain; execute-api domains are recognised without a mapping");
      }
      if (!isAwsRegion(region)) add(`customDomains.${domain}`, region, "allowed: an AWS region such as \"eu-west-1\"");
    }
  }

  const header: unknown = settings.authorizationHeader;
  if (typeof header !== "string" || !HEADER_NAME.test(header)) {
    add("authorizationHeader", header, "allowed: a lowercase header name starting with \"x-\" (letters, digits, '-'), such as \"x-forwarded-authorization\"");
  } else if (RESERVED_HEADERS.includes(header) || RESERVED_HEADER_PREFIXES.some((p) => header.startsWith(p)) || isDroppedHeader(header)) {
    const dropped = [...DROPPED_HEADER_NAMES, ...DROPPED_HEADER_PREFIXES.map((p) => `${p}*`)];
    add("authorizationHeader", header, `allowed: a header that is not reserved (${RESERVED_HEADERS.join(", ")}, ${RESERVED_HEADER_PREFIXES.map((p) => `${p}*`).join(", ")}) nor dropped by the signer (${dropped.join(", ")})`);
  }
  return problems;
}

/** The same settings in one canonical form (domains sorted, fields in order), so equal settings always bake into byte-identical bundles. */
export function canonicalSignerSettings(settings: SignerSettings): SignerSettings {
  const customDomains: Record<string, string> = {};
  for (const domain of Object.keys(settings.customDomains).sort()) customDomains[domain] = settings.customDomains[domain];
  return { customDomains, authorizationHeader: settings.authorizationHeader };
}
