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
 * Escapes that hide a separator or a control character: `/` and `\` (a decoding backend splits segments at
 * them), NUL and the other C0 controls and DEL (string truncation, log and header injection). In the
 * normal form (hex in uppercase).
 */
const ENCODED_SEPARATOR = /%(?:2F|5C|[01][\dA-F]|7F)/;
/**
 * The same, or a dot or a percent, encoded twice (`%252e`, `%252F`, `%2500`, `%2525`): a double-decoding
 * backend sees them. The two characters after `%25` are plain text, in either case.
 */
const DOUBLE_ENCODED = /%25(?:2E|2F|5C|25|[01][\dA-F]|7F)/i;
/**
 * A segment (in normal form) that is only dots and spaces before any `;parameter`: `.` and `..` (also `%2E`,
 * `..;x`, `..%3Bx`), and `...`, `..%20` or `%20` that Windows-style normalization (trailing dots and spaces
 * removed) turns into one of them or into an empty segment. In normal form a dot is only ever `.`.
 */
const DOT_SEGMENT = /^(?:\.|%20)+(?:;|%3B|$)/;
/** A routing prefix or origin path: `/ws`, `/v1/ws`; segments of plain path characters (no `%`, `*`, `?`, `#`), no trailing `/`. */
const PREFIX = /^(?:\/[\w\-.~!$&'()+,;=:@]+)+$/;

const malformed = (detail: string) => new SignerFailure("MALFORMED_REQUEST", `path: ${detail}`);

/** Whether an origin's `X-Forwarded-Prefix` value, or an origin path, is usable: plain segments, none of them a dot-segment. */
export const isPrefix = (prefix: string) => PREFIX.test(prefix) && !prefix.split("/").some((segment) => DOT_SEGMENT.test(segment));

/** Whether `text` has more than `max` slashes, counted without splitting it. */
function slashesOver(text: string, max: number): boolean {
  let at = -1;
  for (let count = 0; count <= max; count++) {
    at = text.indexOf("/", at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** Refuses empty segments (`//`; a trailing `/` is no segment) and dot-segments in any spelling (the path in normal form). */
function checkSegments(path: string): void {
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    if (segments[i] === "") {
      if (i === segments.length - 1) return;
      throw malformed("empty segment");
    }
    if (DOT_SEGMENT.test(segments[i])) throw malformed("dot-segment");
  }
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
  if (ENCODED_SEPARATOR.test(uri)) throw malformed("encoded separator or control character");
  if (DOUBLE_ENCODED.test(uri)) throw malformed("double-encoded");
  checkSegments(uri);
  if (prefix !== "" && uri !== prefix && !uri.startsWith(`${prefix}/`)) throw malformed("outside the origin's prefix");
  return `${originPath}${uri.slice(prefix.length)}` || "/";
}
