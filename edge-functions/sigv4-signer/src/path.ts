/**
 * The path the origin receives, with one meaning for WAF, CloudFront, API Gateway and any backend: the
 * viewer's URI in RFC 3986 normal form, the origin's routing prefix removed, the origin path prepended.
 * That exact string is forwarded as the URI (with an empty origin path) and signed. Every form that
 * decoders, normalizers or SigV4's own path normalization could read differently is refused.
 */
import { canonicalEscapes } from "./escapes";
import { SignerFailure } from "./failure";

/** RFC 3986 path characters (unreserved, sub-delims, `:`, `@`, `/`) and complete `%XX` escapes; nothing else. */
const WIRE_PATH = /^\/(?:[\w\-.~!$&'()*+,;=:@/]|%[\dA-Fa-f]{2})*$/;
/**
 * At most this many segments (414 past it). Each costs work here and in SigV4's path canonicalization; 128 is
 * far beyond any API's paths and keeps the costliest path within CloudFront's 8 KB URL cheap (npm run bench).
 */
export const MAX_PATH_SEGMENTS = 128;
/**
 * Escapes that hide a delimiter or a control character: `/` and `\` (a decoding backend splits segments at
 * them), `?` and `#` (a decoding backend or API Gateway's `{proxy+}` substitution ends the path there), `;` (a
 * parameter a servlet container cuts off), NUL and the other C0 controls and DEL (string truncation, log and
 * header injection). In the normal form (hex in uppercase).
 */
const ENCODED_DELIMITER = /%(?:2F|5C|3F|23|3B|[01][\dA-F]|7F)/;
/**
 * Any escape encoded twice (`%2570`, `%252e`, `%2525`): WAF decodes once, a double-decoding backend twice, so
 * they would see different paths. In the normal form the two characters after `%25` are plain text.
 */
const DOUBLE_ENCODED = /%25[\dA-Fa-f]{2}/;
/** A segment (in normal form) of only dots and spaces: `.`, `..` (also `%2E`), and `...`, `..%20`, `%20`. */
const DOT_SEGMENT = /^(?:\.|%20)+$/;
/**
 * A segment that ends in a dot or a space once decoded (`pets.`, `pets%20`): IIS and Windows-style
 * normalization trim them, so the backend would serve `pets` while WAF matched another segment. In normal
 * form a dot is only ever `.` and a space only `%20`.
 */
const TRAILING_DOT_OR_SPACE = /(?:\.|%20)$/;
/**
 * The UTF-8 lead bytes (in normal form) of every character below: U+0340-U+037F (`;` U+037E), U+061C (Arabic
 * letter mark), U+2000-U+3FFF (leaders, ellipsis, enclosed numbers, squared words, direction controls),
 * U+F000-U+FFFF (small and fullwidth forms), U+10000-U+3FFFF (`0.` U+1F100). Paths without them (ASCII, accents,
 * CJK) skip the check.
 */
const COMPATIBILITY_ESCAPE = /%(?:CD|D8%9C|E[23]|EF|F0)/;
/** Delimiters a compatibility character turns into under NFKC (fullwidth `．` U+FF0E to `.`, `／` U+FF0F to `/`, `％` U+FF05 to `%`, `‥` U+2025 to `..`). */
const DELIMITERS = /[./\\%;?#]/g;
/**
 * A delimiter, or a direction mark or bidirectional override (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069: a
 * path that reads one way in a log or a review and means another).
 */
const SUSPECT = /[./\\%;?#\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A routing prefix or origin path: `/ws`, `/v1/ws`; segments of plain path characters (no `%`, `;`, `*`, `?`, `#`), no trailing `/`. */
const PREFIX = /^(?:\/[\w\-.~!$&'()+,=:@]+)+$/;

const malformed = (detail: string) => new SignerFailure("MALFORMED_REQUEST", `path: ${detail}`);

/** Whether an origin's `X-Forwarded-Prefix` value, or an origin path, is usable: plain segments, none ending in a dot (every URI under it would be refused). */
export const isPrefix = (prefix: string) => PREFIX.test(prefix) && !prefix.split("/").some((segment) => TRAILING_DOT_OR_SPACE.test(segment));

/** Whether `text` has more than `max` slashes, counted without splitting it. */
function slashesOver(text: string, max: number): boolean {
  let at = -1;
  for (let count = 0; count <= max; count++) {
    at = text.indexOf("/", at + 1);
    if (at < 0) return false;
  }
  return true;
}

/**
 * Refuses empty segments (`//`; a trailing `/` is no segment), dot-segments in any spelling and segments that
 * end in a dot or a space (the path in normal form).
 */
function checkSegments(path: string): void {
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "") {
      if (i === segments.length - 1) return;
      throw malformed("empty segment");
    }
    if (DOT_SEGMENT.test(segment)) throw malformed("dot-segment");
    if (TRAILING_DOT_OR_SPACE.test(segment)) throw malformed("segment ends in a dot or space");
  }
}

/**
 * Refuses, in a path with non-ASCII characters, direction controls and compatibility characters that NFKC
 * normalization (which some frameworks and file systems apply after decoding) turns into a delimiter: the
 * backend would read `..` or `/` where WAF and the signer saw a letter.
 */
function checkUnicode(path: string): void {
  if (!COMPATIBILITY_ESCAPE.test(path)) return;
  // Valid UTF-8 and no encoded delimiter here (checked before), so this decodes.
  const text = decodeURIComponent(path);
  // The path's own delimiters removed, any left after NFKC came from a compatibility character.
  if (text.replace(DELIMITERS, "").normalize("NFKC").search(SUSPECT) >= 0) throw malformed("NFKC/bidi");
}

/**
 * The full forwarded path: the URI in normal form, checked, `prefix` removed ("/ws" -> "", "/ws/" -> "/",
 * "/ws/x" -> "/x"), `originPath` prepended, "/" when that leaves nothing. An origin with a prefix only
 * receives URIs under it (CloudFront matches behaviours on a normalized path but passes the raw one), so
 * any other URI is refused rather than forwarded with its prefix kept. Refused (400) unless the URI is a plain
 * RFC 3986 path that every reader takes the same way.
 */
export function forwardedPath(originPath: string, prefix: string, rawUri: string): string {
  if (slashesOver(rawUri, MAX_PATH_SEGMENTS)) throw new SignerFailure("URI_TOO_LONG", `path: over ${MAX_PATH_SEGMENTS} segments`);
  if (!WIRE_PATH.test(rawUri)) throw malformed("not RFC 3986");
  // RFC 3986 normal form (6.2.2): escapes of unreserved characters decoded, other hex uppercase; UTF-8 checked.
  const uri = canonicalEscapes(rawUri, false, () => {
    throw malformed("escape not UTF-8");
  });
  if (ENCODED_DELIMITER.test(uri)) throw malformed("encoded delimiter or control character");
  if (DOUBLE_ENCODED.test(uri)) throw malformed("double-encoded");
  // WAF reads `admin;x` as another segment; Tomcat, Spring and Jetty cut `;x` off and serve `admin`.
  if (uri.includes(";")) throw malformed("matrix parameter");
  checkSegments(uri);
  checkUnicode(uri);
  if (prefix !== "" && uri !== prefix && !uri.startsWith(`${prefix}/`)) throw malformed("outside the origin's prefix");
  return `${originPath}${uri.slice(prefix.length)}` || "/";
}
