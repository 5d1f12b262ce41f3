/**
 * The query string, parsed once and forwarded in exactly the canonical form that was signed, so API
 * Gateway and the application read the same parameters whatever their own decoders do.
 */
import { SignerFailure } from "./failure";
import type { QueryPair } from "./sign";

/**
 * Names refused: SigV4 query authentication parameters (a header-signed request must not also carry a
 * viewer's set), and "__proto__", which @smithy/signature-v4 5.x would sign as "[object Object]".
 */
const RESERVED = /^(?:x-amz-(?:algorithm|credential|date|expires|security-token|signature|signedheaders)|__proto__)$/i;
/** Visible ASCII only: anything else cannot have arrived on an HTTP request line. */
const WIRE = /^[\x21-\x7e]*$/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;

function decode(text: string, index: number): string {
  if (BAD_PERCENT.test(text)) throw new SignerFailure("MALFORMED_REQUEST", `query[${index}]: bad percent-encoding`);
  try {
    // `+` is a space, as in HTML forms and URLSearchParams; a literal plus arrives as %2B.
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new SignerFailure("MALFORMED_REQUEST", `query[${index}]: not UTF-8`);
  }
}

/**
 * Decodes `a=1&b&a=2` into ordered pairs, keeping repeated keys, empty values and bare keys (value "").
 * Empty segments (`a=1&&b=2`) carry nothing and are dropped.
 */
export function parseQuery(querystring: string): QueryPair[] {
  if (!WIRE.test(querystring)) throw new SignerFailure("MALFORMED_REQUEST", "query: not visible ASCII");
  const pairs: QueryPair[] = [];
  const segments = querystring.split("&");
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "") continue;
    const eq = segment.indexOf("=");
    const key = decode(eq < 0 ? segment : segment.slice(0, eq), i);
    // SDKs drop nameless parameters and API Gateway's reading of them is undocumented: refuse rather than guess.
    if (key === "") throw new SignerFailure("MALFORMED_REQUEST", `query[${i}]: empty name`);
    if (RESERVED.test(key)) throw new SignerFailure("MALFORMED_REQUEST", `query[${i}]: reserved name`);
    pairs.push([key, eq < 0 ? "" : decode(segment.slice(eq + 1), i)]);
  }
  return pairs;
}

/** RFC 3986 encoding: everything but the unreserved set `A-Z a-z 0-9 - . _ ~`, with uppercase hex. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The forwarded query: original order, every name and value canonically encoded, bare keys as `key=`. */
export function formatQuery(pairs: readonly QueryPair[]): string {
  return pairs.map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(value)}`).join("&");
}
