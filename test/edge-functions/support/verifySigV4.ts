/**
 * An independent SigV4 verifier, written from AWS's "Create a signed AWS API request" specification the
 * way API Gateway applies it, sharing no code with the signer: it recomputes the signature from the
 * request exactly as the origin receives it and answers like API Gateway (ok, or a 403 reason).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface ReceivedRequest {
  readonly method: string;
  /** The path on the wire, without the query. */
  readonly path: string;
  /** The raw query string on the wire, without `?`. */
  readonly query: string;
  /** Lowercase header name -> every received value. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
}

export interface VerifierKey {
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface VerifierContext {
  readonly region: string;
  readonly service: string;
  readonly now: Date;
  /** Known access keys. */
  readonly keys: Readonly<Record<string, VerifierKey>>;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const MAX_SKEW_MS = 5 * 60 * 1000;

/** Percent-decodes to bytes; characters other than escapes are taken as UTF-8. */
function percentDecode(text: string): Buffer | undefined {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "%") {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(...Buffer.from(text[i], "utf8"));
    }
  }
  return Buffer.from(out);
}

/** URI-encodes bytes: unreserved characters kept, every other byte as %XY with uppercase hex. */
function uriEncode(bytes: Buffer): string {
  let out = "";
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Non-S3 rule: normalize the path, then encode each segment of the wire form again (double encoding). */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(uriEncode(Buffer.from(segment, "utf8")));
  }
  if (segments.length === 0) return "/";
  return `/${segments.join("/")}${path.endsWith("/") ? "/" : ""}`;
}

/** Each name and value decoded then encoded, pairs sorted by name then value. A raw `+` is ambiguous: refused. */
export function canonicalQuery(query: string): string | undefined {
  if (query === "") return "";
  const pairs: [string, string][] = [];
  for (const part of query.split("&")) {
    if (part === "") continue;
    if (part.includes("+")) return undefined;
    const eq = part.indexOf("=");
    const name = percentDecode(eq < 0 ? part : part.slice(0, eq));
    const value = percentDecode(eq < 0 ? "" : part.slice(eq + 1));
    if (name === undefined || value === undefined) return undefined;
    pairs.push([uriEncode(name), uriEncode(value)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join("&");
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9\-;]+), ?Signature=([0-9a-f]{64})$/;

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

export function verifySigV4(request: ReceivedRequest, context: VerifierContext): Verdict {
  const deny = (reason: string): Verdict => ({ ok: false, reason });
  const authorization = request.headers.authorization;
  if (authorization === undefined || authorization.length !== 1) return deny("missing Authorization");
  const match = AUTH.exec(authorization[0]);
  if (!match) return deny("malformed Authorization");
  const [, accessKeyId, scopeDate, region, service, signedHeaderList, signature] = match;
  const key = context.keys[accessKeyId];
  if (key === undefined) return deny("unknown access key");
  if (region !== context.region || service !== context.service) return deny("wrong credential scope");

  const amzDate = request.headers["x-amz-date"]?.[0] ?? "";
  const dateMatch = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!dateMatch) return deny("missing or malformed X-Amz-Date");
  const [, y, mo, d, h, mi, s] = dateMatch;
  const signedAt = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  if (Math.abs(context.now.getTime() - signedAt) > MAX_SKEW_MS) return deny("signature expired");
  if (amzDate.slice(0, 8) !== scopeDate) return deny("scope date differs from X-Amz-Date");

  const signedHeaders = signedHeaderList.split(";");
  const sorted = [...signedHeaders].sort();
  if (signedHeaders.join(";") !== sorted.join(";") || new Set(signedHeaders).size !== signedHeaders.length) return deny("SignedHeaders not sorted");
  if (!signedHeaders.includes("host") || !signedHeaders.includes("x-amz-date")) return deny("host and x-amz-date must be signed");
  if (key.sessionToken !== undefined) {
    const token = request.headers["x-amz-security-token"];
    if (token?.length !== 1 || token[0] !== key.sessionToken || !signedHeaders.includes("x-amz-security-token")) return deny("invalid security token");
  }

  const canonicalHeaders: string[] = [];
  for (const name of signedHeaders) {
    const values = request.headers[name];
    if (values === undefined) return deny(`signed header ${name} missing`);
    canonicalHeaders.push(`${name}:${values.map((v) => v.trim().replace(/\s+/g, " ")).join(",")}`);
  }
  const payloadHash = sha256(request.body);
  const declared = request.headers["x-amz-content-sha256"];
  if (declared !== undefined && declared[0] !== payloadHash) return deny("x-amz-content-sha256 does not match the body");

  const query = canonicalQuery(request.query);
  if (query === undefined) return deny("query string not canonicalizable");
  const canonicalRequest = [
    request.method,
    canonicalUri(request.path),
    query,
    `${canonicalHeaders.join("\n")}\n`,
    signedHeaderList,
    payloadHash,
  ].join("\n");
  const scope = `${scopeDate}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let signingKey = hmac(`AWS4${key.secretAccessKey}`, scopeDate);
  for (const part of [region, service, "aws4_request"]) signingKey = hmac(signingKey, part);
  const expected = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return deny("signature does not match");
  return { ok: true };
}
