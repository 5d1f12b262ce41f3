/**
 * Viewer headers the signer never forwards, each with the reason (in comments, so the bundle stays small).
 * The one list: the handler drops them before signing, the settings validator refuses them as
 * `authorizationHeader`, the WAF refuses rules on them, the README documents them (a test checks it names
 * every entry).
 */

/** Every header whose lowercase name starts with one of these. */
export const DROPPED_HEADER_PREFIXES = [
  // SigV4 and AWS service headers (X-Amz-Date, -Security-Token, -Content-Sha256, -Signature, -Credential,
  // -SignedHeaders, -Invocation-Type, ...): the signer sets the ones it signs; any other would be read by API
  // Gateway or an AWS integration as an instruction from the edge's role.
  "x-amz-",
  // API Gateway routing (X-Apigw-Api-Id picks the API behind a VPC endpoint): a viewer must not choose the API.
  "x-apigw-",
];

/** These exact lowercase names. */
export const DROPPED_HEADER_NAMES = [
  // IIS, Symfony, Zend and others take the request path from these, past every path rule of WAF and the signer.
  "x-original-url",
  "x-rewrite-url",
  // nginx auth_request, Traefik, ingress controllers and frameworks behind them read the original path from these.
  "x-original-uri",
  "x-forwarded-uri",
  // Frameworks (method-override middleware, Spring, Rails, ...) run this method instead of the one WAF rated and
  // SigV4 signed.
  "x-http-method-override",
  "x-http-method",
  "x-method-override",
  "x-original-method",
  // The routing prefix only the edge sets, as an origin custom header; a viewer's copy would read as the edge's.
  "x-forwarded-prefix",
  // Frameworks behind a trusted proxy build absolute URLs (redirects, password-reset links) and host routing from
  // these: a viewer's copy would name another host. CloudFront sets neither, and Lambda@Edge lets a function remove
  // both (neither is disallowed nor read-only).
  "x-forwarded-host",
  "forwarded",
];

/**
 * Headers CloudFront or the signer sets, whose underscore spelling (`X_Forwarded_For`, `CloudFront_Viewer_Country`)
 * Rack, PHP, Django and WSGI servers read as the same CGI variable: a viewer's copy could win over CloudFront's.
 */
const SET_AT_THE_EDGE = ["host", "via", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-port"];
const SET_AT_THE_EDGE_PREFIX = "cloudfront-";

/**
 * `X-Amz-Cf-*` is left alone: Lambda@Edge does not show those headers to a function and a function may not add
 * them, so touching one could fail the result's validation (502); CloudFront handles them itself.
 */
const UNTOUCHABLE_PREFIX = "x-amz-cf-";

function listed(name: string): boolean {
  // Every dropped name but one starts with "x-": one comparison settles most headers.
  if (!name.startsWith("x-")) return name === "forwarded";
  return DROPPED_HEADER_NAMES.includes(name) || (DROPPED_HEADER_PREFIXES.some((p) => name.startsWith(p)) && !name.startsWith(UNTOUCHABLE_PREFIX));
}

/**
 * A lowercase header name with `_` read as `-`, as Rack, PHP, Django and WSGI servers read it (both become
 * `HTTP_X_ORIGINAL_URL`); the name itself when it has no `_`.
 */
export const hyphenated = (name: string) => (name.includes("_") ? name.replace(/_/g, "-") : name);

/** Whether the signer drops a viewer header of this lowercase name, in its hyphen or its underscore spelling. */
export function isDroppedHeader(name: string): boolean {
  if (!name.includes("_")) return listed(name);
  const read = hyphenated(name);
  return listed(read) || SET_AT_THE_EDGE.includes(read) || read.startsWith(SET_AT_THE_EDGE_PREFIX);
}
