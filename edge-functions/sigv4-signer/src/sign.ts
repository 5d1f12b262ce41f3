/**
 * The pure SigV4 core: a neutral request, credentials, region, service and a clock in; the headers that
 * authorize it out. Built on `@smithy/signature-v4`'s parts (canonical path, canonical headers, payload
 * hash, string to sign, signing key and its cache) with a native hash. It signs exactly the headers it is
 * given plus the ones SigV4 adds, so the caller owns the allow-list.
 *
 * Why not `SignatureV4.sign`: it clones the request first, and smithy's clone copies the query map once per
 * key (quadratic: an 8 KB query of ~2,000 keys takes ~0.5 s), and its canonical query concatenates the values
 * of a repeated key one array at a time (quadratic again). Here the canonical query is built once from the
 * ordered pairs (linear, one sort) and nothing is cloned.
 */
import { createScope, getCanonicalHeaders, getPayloadHash, getSigningKey, SignatureV4Base } from "@smithy/signature-v4";
import type { getCanonicalQuery } from "@smithy/signature-v4";
import type { QueryPair } from "./query";
import { NativeSha256 } from "./sha256";

export interface SigningRequest {
  readonly method: string;
  /** The `Host` header, i.e. the origin domain. */
  readonly host: string;
  /** The path exactly as sent on the wire (already percent-encoded); the canonical form encodes it once more. */
  readonly path: string;
  /** The query pairs in canonical encoding, as parseQuery gives them (and as they are forwarded). */
  readonly query: readonly QueryPair[];
  /** Further headers to sign, by name; repeated values are trimmed and joined with ",". */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** The exact body bytes sent; absent means the empty payload. */
  readonly body?: Uint8Array;
}

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for temporary credentials (always, for Lambda); sent and signed as `x-amz-security-token`. */
  readonly sessionToken?: string;
}

export interface SigningOptions {
  readonly region: string;
  readonly service: string;
  readonly now: Date;
  /** Also send and sign `x-amz-content-sha256`. API Gateway does not need it. @default false */
  readonly contentSha256Header?: boolean;
}

export interface SignedHeaders {
  readonly authorization: string;
  readonly "x-amz-date": string;
  readonly "x-amz-security-token"?: string;
  readonly "x-amz-content-sha256"?: string;
}

/** smithy's request and header types, taken from its own exports (no import of @smithy/types). */
type SmithyRequest = Parameters<typeof getCanonicalQuery>[0];
type HeaderBag = ReturnType<typeof getCanonicalHeaders>;

/**
 * The canonical query: the encoded pairs sorted by name then value (byte order). The separator \x01 sorts
 * below every character an encoded name can hold, so one plain sort orders the pairs by name first; repeated
 * names stay, in value order.
 */
export function canonicalQuery(pairs: readonly QueryPair[]): string {
  return pairs.map(([name, value]) => `${name}\x01${value}`).sort().join("&").replace(/\x01/g, "=");
}

/** smithy's SigV4 with the canonical query computed from ordered pairs: one instance per request. */
export class PairQuerySignature extends SignatureV4Base {
  constructor(credentials: SigningCredentials, region: string, service: string, private readonly query: string) {
    super({ credentials, region, service, sha256: NativeSha256, uriEscapePath: true, applyChecksum: false });
  }

  /** smithy's canonical request of the request without a query, with the canonical query on its (empty) third line. */
  protected override createCanonicalRequest(request: SmithyRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    const withoutQuery = super.createCanonicalRequest({ ...request, query: {} }, canonicalHeaders, payloadHash);
    const lineThree = withoutQuery.indexOf("\n", withoutQuery.indexOf("\n") + 1) + 1;
    return `${withoutQuery.slice(0, lineThree)}${this.query}${withoutQuery.slice(lineThree)}`;
  }

  /** SignatureV4's signRequest without the request clone. */
  async signHeaders(request: SmithyRequest, credentials: SigningCredentials, region: string, now: Date, contentSha256Header: boolean): Promise<SignedHeaders> {
    const { longDate, shortDate } = this.formatDate(now);
    const scope = createScope(shortDate, region, this.service);
    const headers = request.headers;
    headers["x-amz-date"] = longDate;
    if (credentials.sessionToken) headers["x-amz-security-token"] = credentials.sessionToken;
    const payloadHash = await getPayloadHash(request, NativeSha256);
    if (contentSha256Header) headers["x-amz-content-sha256"] = payloadHash;
    const canonicalHeaders = getCanonicalHeaders(request);
    const stringToSign = await this.createStringToSign(longDate, scope, this.createCanonicalRequest(request, canonicalHeaders, payloadHash), "AWS4-HMAC-SHA256");
    const hash = new NativeSha256(await getSigningKey(NativeSha256, credentials, shortDate, region, this.service));
    hash.update(stringToSign);
    const signature = Buffer.from(await hash.digest()).toString("hex");
    return {
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${this.getCanonicalHeaderList(canonicalHeaders)}, Signature=${signature}`,
      "x-amz-date": longDate,
      "x-amz-security-token": headers["x-amz-security-token"],
      "x-amz-content-sha256": headers["x-amz-content-sha256"],
    };
  }
}

function headerMap(request: SigningRequest): Record<string, string> {
  const headers: Record<string, string> = { host: request.host };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const values: readonly string[] = typeof value === "string" ? [value] : value;
    headers[name.toLowerCase()] = values.map((v) => v.trim()).join(",");
  }
  return headers;
}

/** Signs `request`; the result holds only the headers to add, so nothing secret leaks by accident. */
export async function signRequest(request: SigningRequest, credentials: SigningCredentials, options: SigningOptions): Promise<SignedHeaders> {
  const signer = new PairQuerySignature(credentials, options.region, options.service, canonicalQuery(request.query));
  const smithyRequest: SmithyRequest = {
    method: request.method,
    protocol: "https:",
    hostname: request.host,
    path: request.path,
    query: {},
    headers: headerMap(request),
    body: request.body,
  };
  return signer.signHeaders(smithyRequest, credentials, options.region, options.now, options.contentSha256Header === true);
}
