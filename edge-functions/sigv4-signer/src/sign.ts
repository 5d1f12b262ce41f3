/**
 * The pure SigV4 core: a neutral request, credentials, region, service and a clock in; the headers that
 * authorize it out. Built on `@smithy/signature-v4` with a native hash. It signs exactly the headers it
 * is given plus the ones SigV4 adds, so the caller owns the allow-list.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { NativeSha256 } from "./sha256";

/** One decoded query parameter; a key may repeat and order is kept. */
export type QueryPair = readonly [key: string, value: string];

export interface SigningRequest {
  readonly method: string;
  /** The `Host` header, i.e. the origin domain. */
  readonly host: string;
  /** The path exactly as sent on the wire (already percent-encoded); the canonical form encodes it once more. */
  readonly path: string;
  /** Decoded query pairs; each name and value is percent-encoded (RFC 3986) in the canonical form. */
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

function queryMap(pairs: readonly QueryPair[]): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of pairs) {
    const seen = query[key];
    if (seen === undefined) query[key] = value;
    else if (typeof seen === "string") query[key] = [seen, value];
    else seen.push(value);
  }
  return query;
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
export async function signRequest(
  request: SigningRequest,
  credentials: SigningCredentials,
  options: SigningOptions,
): Promise<SignedHeaders> {
  const signer = new SignatureV4({
    credentials,
    region: options.region,
    service: options.service,
    sha256: NativeSha256,
    uriEscapePath: true,
    applyChecksum: options.contentSha256Header === true,
  });
  const { headers } = await signer.sign(
    {
      method: request.method,
      protocol: "https:",
      hostname: request.host,
      path: request.path,
      query: queryMap(request.query),
      headers: headerMap(request),
      body: request.body,
    },
    { signingDate: options.now },
  );
  return {
    authorization: headers.authorization,
    "x-amz-date": headers["x-amz-date"],
    "x-amz-security-token": headers["x-amz-security-token"],
    "x-amz-content-sha256": headers["x-amz-content-sha256"],
  };
}
