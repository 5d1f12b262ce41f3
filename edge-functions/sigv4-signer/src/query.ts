/**
 * The query string, parsed once into its canonical encoding and forwarded in exactly the form that was
 * signed, so API Gateway and the application read the same parameters whatever their own decoders do.
 */
import { canonicalEscapes } from "./escapes";
import { SignerFailure } from "./failure";

/** One query parameter, name and value in canonical encoding (RFC 3986, uppercase hex); a name may repeat, order is kept. */
export type QueryPair = readonly [name: string, value: string];

/**
 * At most this many parameters (414 past it). Work grows with each one (decode, encode, sort); 128 is far
 * beyond what an API takes and keeps the costliest query within CloudFront's 8 KB URL cheap (npm run bench).
 */
export const MAX_QUERY_PARAMETERS = 128;

/**
 * Names refused: SigV4 query authentication parameters (a header-signed request must not also carry a
 * viewer's set), "__proto__", which JavaScript backends that build an object from the query can be made to
 * read as the object's prototype, and "_method", which Laravel, Symfony and method-override middleware run
 * instead of the method WAF rated and SigV4 signed.
 */
const RESERVED = /^(?:x-amz-(?:algorithm|credential|date|expires|security-token|signature|signedheaders)|__proto__|_method)$/i;
/**
 * A bracket or dot segment that reaches an object's prototype when qs-style parsers (qs, PHP, Rails, lodash
 * `set`) nest the name: `__proto__[x]`, `a[__proto__]`, `constructor[prototype][x]`, `a.constructor.prototype`.
 * A plain `constructor` or `prototype` only names a property and is kept.
 */
const PROTOTYPE_SEGMENT = /(?:^|%5B|\.)(?:__proto__|constructor|prototype)(?:%5D|%5B|\.|$)/i;
/** Canonical escapes of C0 controls and DEL (`%00`, `%0D%0A`, `%7F`): truncation, log and header injection in backends. */
const CONTROL = /%(?:[01][\dA-F]|7F)/;
/** Visible ASCII only: anything else cannot have arrived on an HTTP request line. */
const WIRE = /^[\x21-\x7e]*$/;
/** Text that is its own canonical encoding: the RFC 3986 unreserved set. */
const UNRESERVED_ONLY = /^[\w.~-]*$/;

/** A name or value in canonical encoding: decoded (`+` is a space, as in HTML forms; a plus arrives as %2B) and RFC 3986-encoded. */
function canonical(text: string, index: number): string {
  if (UNRESERVED_ONLY.test(text)) return text;
  const encoded = canonicalEscapes(text, true, (problem) => {
    throw new SignerFailure("MALFORMED_REQUEST", `query[${index}]: ${problem}`);
  });
  if (CONTROL.test(encoded)) throw new SignerFailure("MALFORMED_REQUEST", `query[${index}]: control character`);
  return encoded;
}

/**
 * Parses `a=1&b&a=2` into ordered pairs in canonical encoding, keeping repeated names, empty values and bare
 * names (value ""). Empty segments (`a=1&&b=2`) carry nothing and are dropped.
 */
export function parseQuery(querystring: string): QueryPair[] {
  if (!WIRE.test(querystring)) throw new SignerFailure("MALFORMED_REQUEST", "query: not visible ASCII");
  const pairs: QueryPair[] = [];
  const segments = querystring.split("&");
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "") continue;
    if (pairs.length === MAX_QUERY_PARAMETERS) throw new SignerFailure("URI_TOO_LONG", `query: over ${MAX_QUERY_PARAMETERS} parameters`);
    const eq = segment.indexOf("=");
    const name = canonical(eq < 0 ? segment : segment.slice(0, eq), i);
    // SDKs drop nameless parameters and API Gateway's reading of them is undocumented: refuse rather than guess.
    if (name === "") throw new SignerFailure("MALFORMED_REQUEST", `query[${i}]: empty name`);
    if (RESERVED.test(name)) throw new SignerFailure("MALFORMED_REQUEST", `query[${i}]: reserved name`);
    if ((name.includes("%5B") || name.includes(".")) && PROTOTYPE_SEGMENT.test(name)) throw new SignerFailure("MALFORMED_REQUEST", `query[${i}]: prototype key`);
    pairs.push([name, eq < 0 ? "" : canonical(segment.slice(eq + 1), i)]);
  }
  return pairs;
}

/** The forwarded query: original order, bare names as `name=`. */
export function formatQuery(pairs: readonly QueryPair[]): string {
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}
