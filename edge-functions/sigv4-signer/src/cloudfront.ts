/**
 * Pure adapters between CloudFront's origin-request event and the neutral signing request: which API
 * the origin is, the body bytes, and the header rewrite (allow-listed signing, Authorization relocation).
 */
import type { CloudFrontHeaders, CloudFrontRequest } from "aws-lambda";
import { SignerFailure } from "./failure";
import type { SignedHeaders } from "./sign";

export interface ApiOriginTarget {
  /** The origin domain, sent as `Host` and signed. */
  readonly domain: string;
  /** `origin.custom.path`, e.g. "/prod"; "" when none. */
  readonly path: string;
  /** The API's region: the signing region. */
  readonly region: string;
}

/** `{api-id}.execute-api.{region}.amazonaws.com` (and `.com.cn`): the region is part of the name. */
const EXECUTE_API = /^[a-z0-9]+\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/** Where the request goes and which region signs it; an origin it does not know is refused, never guessed. */
export function apiOriginOf(request: CloudFrontRequest, customDomains: Readonly<Record<string, string>>): ApiOriginTarget {
  const custom = request.origin?.custom;
  if (!custom) throw new SignerFailure("UNKNOWN_ORIGIN", "origin: not custom");
  const domain = custom.domainName;
  const lower = domain.toLowerCase();
  const region = EXECUTE_API.exec(lower)?.[1] ?? (Object.hasOwn(customDomains, lower) ? customDomains[lower] : undefined);
  if (region === undefined) throw new SignerFailure("UNKNOWN_ORIGIN", `origin: ${lower} unknown`);
  return { domain, path: custom.path, region };
}

/** The exact bytes CloudFront forwards; undefined when there is no body. */
export function bodyOf(request: CloudFrontRequest): Uint8Array | undefined {
  const body = request.body;
  if (body === undefined) {
    // A body CloudFront forwards but did not show the function cannot be hashed: includeBody is off.
    const length = Number(request.headers["content-length"]?.[0]?.value ?? "0");
    if (length > 0 || request.headers["transfer-encoding"] !== undefined) {
      throw new SignerFailure("BODY_NOT_INCLUDED", "body: not in event (includeBody off)");
    }
    return undefined;
  }
  if (body.inputTruncated) throw new SignerFailure("BODY_TRUNCATED", "body: truncated over 1 MB");
  if (body.data === "") return undefined;
  return Buffer.from(body.data, body.encoding === "text" ? "utf8" : "base64");
}

/** Headers a viewer must not choose: the signer sets them (or, for the checksum, does not send it). */
const SIGNER_OWNED = ["x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "authorization"];

/**
 * The forwarded headers: viewer `Authorization` moved to `authorizationHeader` (or that header removed when
 * the viewer sent none), viewer SigV4 headers dropped, then `Host` and the signed headers set. Every other
 * header, including the ones CloudFront forbids or makes read-only, is left exactly as it was.
 */
export function rewriteHeaders(
  headers: CloudFrontHeaders,
  host: string,
  signed: SignedHeaders,
  authorizationHeader: string,
): CloudFrontHeaders {
  const out: CloudFrontHeaders = { ...headers };
  const viewerAuthorization = headers.authorization;
  for (const name of SIGNER_OWNED) delete out[name];
  if (viewerAuthorization !== undefined && viewerAuthorization.length > 0) {
    out[authorizationHeader] = viewerAuthorization.map(({ value }) => ({ key: authorizationHeader, value }));
  } else {
    delete out[authorizationHeader];
  }
  out.host = [{ key: "Host", value: host }];
  out["x-amz-date"] = [{ key: "X-Amz-Date", value: signed["x-amz-date"] }];
  if (signed["x-amz-security-token"] !== undefined) {
    out["x-amz-security-token"] = [{ key: "X-Amz-Security-Token", value: signed["x-amz-security-token"] }];
  }
  out.authorization = [{ key: "Authorization", value: signed.authorization }];
  return out;
}
