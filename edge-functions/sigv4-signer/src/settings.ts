/**
 * Settings baked into the signer bundle at build time (Lambda@Edge has no environment variables), and the
 * pure validator used before anything is built. The bundle signs only for the stack's own origins: an
 * origin (domain, origin path, routing prefix) that is not in the list is refused, so attaching the
 * published version to another distribution or origin gains nobody a signature.
 */
import { isDnsName } from "../../../components/shared/dns";
import { isAwsRegion } from "../../../components/shared/region";
import { DROPPED_HEADER_NAMES, DROPPED_HEADER_PREFIXES, isDroppedHeader } from "./droppedHeaders";
import { isPrefix } from "./path";

/** One origin of the stack's distribution, exactly as CloudFront shows it to the function. */
export interface SignerOrigin {
  /** The origin domain (lowercase), e.g. `a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com`: sent as `Host` and signed. */
  readonly domain: string;
  /** The origin path, e.g. "/prod" (the stage); "" when none. */
  readonly path: string;
  /** The routing prefix the origin carries as its `X-Forwarded-Prefix` custom header, e.g. "/ws"; "" for the default origin. */
  readonly prefix: string;
  /** The API's region: the signing region. */
  readonly region: string;
}

export interface SignerSettings {
  /** The only origins the bundle signs for. */
  readonly origins: readonly SignerOrigin[];
  /** Header that carries the viewer's own Authorization header to the origin. @default "x-forwarded-authorization" */
  readonly authorizationHeader: string;
}

export const DEFAULT_AUTHORIZATION_HEADER = "x-forwarded-authorization";

/** An application header: `x-` and lowercase letters, digits and `-` (no standard header can be chosen by mistake). */
const HEADER_NAME = /^x-[a-z0-9-]{1,61}$/;

/**
 * `x-` headers the function must not set: the forwarding headers CloudFront sets or the origin reads as
 * something else, and the ones CloudFront forbids (a 502) or reserves. The headers the signer drops are
 * refused too (isDroppedHeader).
 */
const RESERVED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-cache", "x-real-ip"];
const RESERVED_HEADER_PREFIXES = ["cloudfront-", "x-amz-", "x-amzn-", "x-edge-", "x-accel-"];

/** `{api-id}.execute-api.{region}.amazonaws.com` (and `.com.cn`): the region in the name must be the signing region. */
const EXECUTE_API = /^[a-z0-9]+\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

type Problem = { field: string; value: unknown; allowed: string };

function originProblems(origins: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, value: unknown, allowed: string) => problems.push({ field, value, allowed });
  if (!Array.isArray(origins) || origins.length === 0) {
    add("origins", origins, "allowed: a non-empty list of { domain, path, prefix, region }: the distribution's origins");
    return problems;
  }
  const seen = new Set<string>();
  origins.forEach((origin: Partial<Record<keyof SignerOrigin, unknown>> | undefined, i) => {
    const field = `origins[${i}]`;
    const { domain, path, prefix, region } = origin ?? {};
    if (typeof domain !== "string" || !isDnsName(domain)) add(`${field}.domain`, domain, "allowed: a lowercase DNS name such as \"a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com\"");
    if (path !== "" && (typeof path !== "string" || !isPrefix(path))) add(`${field}.path`, path, "allowed: \"\" or a path such as \"/prod\" (no trailing '/', no '%', ';', '*', '?', '#', no segment ending in '.')");
    if (prefix !== "" && (typeof prefix !== "string" || !isPrefix(prefix))) add(`${field}.prefix`, prefix, "allowed: \"\" or a prefix such as \"/ws\" (no trailing '/', no '%', ';', '*', '?', '#', no segment ending in '.')");
    if (typeof region !== "string" || !isAwsRegion(region)) add(`${field}.region`, region, "allowed: an AWS region such as \"eu-west-1\"");
    const named = typeof domain === "string" ? EXECUTE_API.exec(domain)?.[1] : undefined;
    if (named !== undefined && typeof region === "string" && isAwsRegion(region) && named !== region) add(`${field}.region`, region, `allowed: "${named}", the region in the execute-api domain`);
    const key = JSON.stringify([domain, path, prefix]);
    if (seen.has(key)) add(field, origin, "allowed: each (domain, path, prefix) once");
    seen.add(key);
  });
  return problems;
}

/** Pure: the problems of an `authorizationHeader` value, also used by the deploy-time config before the origins are known. */
export function authorizationHeaderProblems(header: unknown): Problem[] {
  if (typeof header !== "string" || !HEADER_NAME.test(header)) {
    return [{ field: "authorizationHeader", value: header, allowed: "allowed: a lowercase header name starting with \"x-\" (letters, digits, '-'), such as \"x-forwarded-authorization\"" }];
  }
  if (RESERVED_HEADERS.includes(header) || RESERVED_HEADER_PREFIXES.some((p) => header.startsWith(p)) || isDroppedHeader(header)) {
    return [{
      field: "authorizationHeader",
      value: header,
      allowed: `allowed: a header that is not reserved (${RESERVED_HEADERS.join(", ")}, ${RESERVED_HEADER_PREFIXES.map((p) => `${p}*`).join(", ")}) nor dropped by the signer (${[...DROPPED_HEADER_NAMES, ...DROPPED_HEADER_PREFIXES.map((p) => `${p}*`)].join(", ")})`,
    }];
  }
  return [];
}

/** Pure: every problem (field, value, allowed) of a settings object; empty when valid. */
export function signerSettingsProblems(settings: SignerSettings): Problem[] {
  return [...originProblems(settings.origins), ...authorizationHeaderProblems(settings.authorizationHeader)];
}

const byOrigin = (a: SignerOrigin, b: SignerOrigin) =>
  a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0;

/** The same settings in one canonical form (origins sorted, fields in order), so equal settings always bake into byte-identical bundles. */
export function canonicalSignerSettings(settings: SignerSettings): SignerSettings {
  const origins = settings.origins.map(({ domain, path, prefix, region }) => ({ domain, path, prefix, region })).sort(byOrigin);
  return { origins, authorizationHeader: settings.authorizationHeader };
}
