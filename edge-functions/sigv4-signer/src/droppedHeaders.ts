/**
 * Viewer headers the signer never forwards, each with the reason (in comments, so the bundle stays small).
 * The one list: the handler drops them before signing, the settings validator refuses them as
 * `authorizationHeader`, the README documents them (a test checks it names every entry).
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
  // Frameworks (method-override middleware, Spring, Rails, ...) run this method instead of the one WAF rated and
  // SigV4 signed.
  "x-http-method-override",
  "x-http-method",
  "x-method-override",
  // The routing prefix only the edge sets, as an origin custom header; a viewer's copy would read as the edge's.
  "x-forwarded-prefix",
];

/**
 * `X-Amz-Cf-*` is left alone: Lambda@Edge does not show those headers to a function and a function may not add
 * them, so touching one could fail the result's validation (502); CloudFront handles them itself.
 */
const UNTOUCHABLE_PREFIX = "x-amz-cf-";

/** Whether the signer drops a viewer header of this lowercase name. */
export function isDroppedHeader(name: string): boolean {
  // Every dropped name starts with "x-": one comparison settles most headers.
  if (!name.startsWith("x-")) return false;
  return DROPPED_HEADER_NAMES.includes(name) || (DROPPED_HEADER_PREFIXES.some((p) => name.startsWith(p)) && !name.startsWith(UNTOUCHABLE_PREFIX));
}
