/**
 * Settings baked into the signer bundle at build time (Lambda@Edge has no environment variables),
 * and the pure validator the deploy-time config uses before anything is built.
 */
import { isAwsRegion } from "../../../components/shared/region";

export interface SignerSettings {
  /** Origin domains that are not `{id}.execute-api.{region}.amazonaws.com` (custom domains), mapped to the API's region. */
  readonly customDomains: Readonly<Record<string, string>>;
  /** Header that carries the viewer's own Authorization header to the origin. @default "x-forwarded-authorization" */
  readonly authorizationHeader: string;
  /**
   * URI prefixes that CloudFront routes by path pattern but the API itself does not know (e.g. "/rest" for the behaviour
   * "/rest/*"): removed from `request.uri` (longest match first, only at a segment boundary; "/rest" alone becomes "/") before
   * signing and forwarding. Lets several APIs, including WebSocket APIs whose URL must be exactly the stage, share one distribution.
   */
  readonly stripPrefixes: readonly string[];
}

export const DEFAULT_SIGNER_SETTINGS: SignerSettings = {
  customDomains: {},
  authorizationHeader: "x-forwarded-authorization",
  stripPrefixes: [],
};

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const HEADER_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Path characters of RFC 3986 that need no encoding, minus `%` (a prefix is compared literally with the wire URI). */
const PREFIX = /^(\/[A-Za-z0-9\-._~!$&'()+,;=:@]+)+$/;

/**
 * Headers the function must not set: the signer owns them, CloudFront forbids or makes them read-only
 * (setting one gives a 502), or the origin reads them as something else.
 */
const RESERVED_HEADERS = [
  "authorization", "host", "via", "x-forwarded-for", "accept-encoding", "content-length", "content-type",
  "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "transfer-encoding",
  "connection", "expect", "keep-alive", "upgrade", "trailer", "x-cache", "x-forwarded-proto", "x-real-ip",
];
const RESERVED_HEADER_PREFIXES = ["x-amz-", "x-amzn-", "proxy-", "x-accel-", "x-edge-", "sec-"];

/** Pure: every problem (field, value, allowed) of a settings object; empty when valid. Used by the deploy-time validator. */
export function signerSettingsProblems(settings: SignerSettings): { field: string; value: unknown; allowed: string }[] {
  const problems: { field: string; value: unknown; allowed: string }[] = [];
  const add = (field: string, value: unknown, allowed: string) => problems.push({ field, value, allowed });

  const domains: unknown = settings.customDomains;
  if (typeof domains !== "object" || domains === null || Array.isArray(domains)) {
    add("customDomains", domains, "allowed: an object mapping a lowercase domain name to an AWS region");
  } else {
    for (const [domain, region] of Object.entries(domains)) {
      if (!HOSTNAME.test(domain)) add(`customDomains.${domain}`, domain, "allowed: a lowercase DNS name such as \"api.example.com\"");
      else if (/\.execute-api\.[^.]+\.amazonaws\.com(\.cn)?$/.test(domain)) {
        add(`customDomains.${domain}`, domain, "allowed: a custom domain; execute-api domains are recognised without a mapping");
      }
      if (!isAwsRegion(region)) add(`customDomains.${domain}`, region, "allowed: an AWS region such as \"eu-west-1\"");
    }
  }

  const header: unknown = settings.authorizationHeader;
  if (typeof header !== "string" || !HEADER_NAME.test(header)) {
    add("authorizationHeader", header, "allowed: a lowercase header name (letters, digits, '-'), such as \"x-forwarded-authorization\"");
  } else if (RESERVED_HEADERS.includes(header) || RESERVED_HEADER_PREFIXES.some((p) => header.startsWith(p))) {
    add("authorizationHeader", header, `allowed: a header that is not reserved (${RESERVED_HEADERS.join(", ")}, ${RESERVED_HEADER_PREFIXES.map((p) => `${p}*`).join(", ")})`);
  }

  const prefixes: unknown = settings.stripPrefixes;
  if (!Array.isArray(prefixes)) {
    add("stripPrefixes", prefixes, "allowed: a list of path prefixes such as [\"/rest\"]");
  } else {
    prefixes.forEach((prefix: unknown, i) => {
      if (typeof prefix !== "string" || !PREFIX.test(prefix) || prefix.split("/").some((s) => s === "." || s === "..")) {
        add(`stripPrefixes[${i}]`, prefix, "allowed: a path like \"/rest\" or \"/v1/ws\": leading '/', no trailing '/', no '*', '?', '%' or dot-segments");
      } else if (prefixes.indexOf(prefix) !== i) {
        add(`stripPrefixes[${i}]`, prefix, "allowed: each prefix once");
      }
    });
  }
  return problems;
}

/**
 * The same settings in one canonical form (domains sorted, prefixes longest first), so equal settings
 * always bake into byte-identical bundles and the handler can take the first matching prefix.
 */
export function canonicalSignerSettings(settings: SignerSettings): SignerSettings {
  const customDomains: Record<string, string> = {};
  for (const domain of Object.keys(settings.customDomains).sort()) customDomains[domain] = settings.customDomains[domain];
  const stripPrefixes = [...settings.stripPrefixes].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return { customDomains, authorizationHeader: settings.authorizationHeader, stripPrefixes };
}
