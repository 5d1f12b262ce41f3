/**
 * Pure adapters between CloudFront's origin-request event and the neutral signing request: which API
 * the origin is and its routing prefix, the body bytes, and the header rewrite (allow-listed signing,
 * Authorization relocation, no header that shadows an origin custom header).
 */
import type { CloudFrontCustomOrigin, CloudFrontHeaders, CloudFrontRequest } from "aws-lambda";
import { SignerFailure } from "./failure";
import { hyphenated, isDroppedHeader } from "./droppedHeaders";
import type { SignerOrigin } from "./settings";
import type { SignedHeaders } from "./sign";

export interface ApiOriginTarget {
  /** The origin domain, sent as `Host` and signed. */
  readonly domain: string;
  /** `origin.custom.path`, e.g. "/prod"; "" when none. */
  readonly path: string;
  /** The API's region: the signing region. */
  readonly region: string;
  /** The routing prefix from the origin's `X-Forwarded-Prefix` custom header, e.g. "/ws"; "" when none (the default origin). */
  readonly prefix: string;
  /** The custom origin as CloudFront gave it (its custom headers, keyed by lowercase name, are added after the function ran). */
  readonly custom: CloudFrontCustomOrigin;
}

/**
 * Where the request goes, which region signs it and which prefix the origin routes: only an origin of the
 * baked list, matched exactly on domain, origin path and prefix. Any other origin (another API, another stage,
 * another prefix, a prefix header that appears twice, an S3 origin) is refused, never guessed.
 */
export function apiOriginOf(request: CloudFrontRequest, origins: readonly SignerOrigin[]): ApiOriginTarget {
  const custom = request.origin?.custom;
  if (!custom) throw new SignerFailure("UNKNOWN_ORIGIN", "origin: not custom");
  const prefixHeader = custom.customHeaders?.["x-forwarded-prefix"];
  if (prefixHeader && (prefixHeader.length !== 1 || !prefixHeader[0].value)) throw new SignerFailure("UNKNOWN_ORIGIN", "origin: prefix header repeated or empty");
  const prefix = prefixHeader?.[0]?.value ?? "";
  const domain = String(custom.domainName).toLowerCase();
  const known = origins.find((o) => o.domain === domain && o.path === custom.path && o.prefix === prefix);
  if (known === undefined) throw new SignerFailure("UNKNOWN_ORIGIN", "origin: not one of the stack's");
  return { domain: known.domain, path: known.path, region: known.region, prefix: known.prefix, custom };
}

/**
 * What the returned origin always says about the connection, whatever CloudFront gave: execute-api serves
 * HTTPS on 443 only, and a signed request (with the edge role's session token) must never travel in clear
 * text or over SSLv3/TLS 1.0. Field names and values: "Lambda@Edge event structure", request event, custom
 * origin (`port` 443, `protocol` "https", `sslProtocols` among TLSv1.2, TLSv1.1, TLSv1, SSLv3),
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 */
export const PINNED_CONNECTION = { protocol: "https", port: 443, sslProtocols: ["TLSv1.2"] } as const;

/** The custom origin to return: CloudFront's, its path emptied (the URI carries the whole signed path), the connection pinned. */
export function returnedOrigin(custom: CloudFrontCustomOrigin): CloudFrontCustomOrigin {
  return { ...custom, path: "", protocol: PINNED_CONNECTION.protocol, port: PINNED_CONNECTION.port, sslProtocols: [...PINNED_CONNECTION.sslProtocols] };
}

/** The exact bytes CloudFront forwards; undefined when there is no body. */
export function bodyOf(request: CloudFrontRequest): Uint8Array | undefined {
  const body = request.body;
  if (body?.inputTruncated) throw new SignerFailure("BODY_TRUNCATED", "body: truncated over 1 MB");
  if (body?.data) return Buffer.from(body.data, body.encoding === "text" ? "utf8" : "base64");
  // A body CloudFront forwards but did not show the function cannot be hashed: includeBody is off, or the
  // event holds no bytes while Content-Length announces some.
  if (Number(request.headers["content-length"]?.[0]?.value) > 0 || (!body && request.headers["transfer-encoding"])) {
    throw new SignerFailure("BODY_NOT_INCLUDED", "body: not in event (includeBody off, or empty)");
  }
  return undefined;
}

/**
 * At most this many distinct header names, CloudFront's own included (431 past it). The signer walks every
 * name to drop the steering ones, and the Lambda runtime serializes them back: 128 is far beyond what a
 * client sends and keeps the costliest request within CloudFront's 20 KB cheap (npm run bench).
 */
export const MAX_HEADER_NAMES = 128;

/** Refuses a request with more distinct header names than MAX_HEADER_NAMES, before any work depends on them. */
export function checkHeaderCount(headers: CloudFrontHeaders): void {
  if (Object.keys(headers).length > MAX_HEADER_NAMES) throw new SignerFailure("HEADERS_TOO_LARGE", `headers: over ${MAX_HEADER_NAMES} names`);
}

/** Headers the signer sets itself: an origin custom header of one of these names is a misconfigured origin. */
const SIGNER_OWNED = ["host", "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"];

/**
 * The forwarded headers: headers named like an origin custom header dropped (CloudFront adds those itself
 * and Lambda@Edge rejects a result that has both), the viewer headers the signer drops (droppedHeaders.ts:
 * x-amz-*, x-apigw-*, URL and method overrides, forwarded prefix and host, in either spelling), viewer `Authorization` moved to
 * `authorizationHeader` (or that header removed when the viewer sent none), then `Host` and the signed
 * headers set. Every other header, including the ones CloudFront makes read-only, is left as it was. An
 * origin custom header the signer must set itself is a misconfigured origin: refused (502).
 */
export function rewriteHeaders(
  headers: CloudFrontHeaders,
  host: string,
  signed: SignedHeaders,
  authorizationHeader: string,
  originHeaders: CloudFrontHeaders = {},
): CloudFrontHeaders {
  for (const name in originHeaders) {
    if (name === authorizationHeader || SIGNER_OWNED.includes(name)) throw new SignerFailure("UNKNOWN_ORIGIN", "origin: header clash");
  }
  const out: CloudFrontHeaders = {};
  for (const name in headers) {
    // The relocation header in any spelling: a backend reading `x_forwarded_authorization` as it would be forged.
    if (!isDroppedHeader(name) && !Object.hasOwn(originHeaders, name) && name !== "authorization" && hyphenated(name) !== authorizationHeader) out[name] = headers[name];
  }
  const viewerAuthorization = headers.authorization;
  if (viewerAuthorization?.length) out[authorizationHeader] = viewerAuthorization.map(({ value }) => ({ key: authorizationHeader, value }));
  out.host = [{ key: "Host", value: host }];
  out["x-amz-date"] = [{ key: "X-Amz-Date", value: signed["x-amz-date"] }];
  if (signed["x-amz-security-token"]) {
    out["x-amz-security-token"] = [{ key: "X-Amz-Security-Token", value: signed["x-amz-security-token"] }];
  }
  out.authorization = [{ key: "Authorization", value: signed.authorization }];
  return out;
}
