/**
 * The path the origin receives, with one meaning for WAF, CloudFront, API Gateway and any backend: the
 * viewer's URI in RFC 3986 normal form, the origin's routing prefix removed, the origin path prepended.
 * That exact string is forwarded as the URI (with an empty origin path) and signed. Every form that
 * decoders, normalizers or SigV4's own path normalization could read differently is refused.
 */
import { SignerFailure } from "./failure";

/** RFC 3986 path characters (unreserved, sub-delims, `:`, `@`, `/`) and complete `%XX` escapes; nothing else. */
const WIRE_PATH = /^\/(?:[\w\-.~!$&'()*+,;=:@/]|%[\dA-Fa-f]{2})*$/;
/** An escape of an unreserved character: RFC 3986 6.2.2.2 says it means the character itself. */
const ESCAPE = /%[\dA-Fa-f]{2}/g;
const UNRESERVED = /^[\w\-.~]$/;
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
 * A segment that is only dots and spaces once decoded and cut at `;`: `.` and `..` (also `%2E`, `..;x`), and
 * `...`, `.. ` or `%20` that Windows-style normalization (trailing dots and spaces removed) turns into one of
 * them or into an empty segment.
 */
const DOT_SEGMENT = /^[. ]+$/;
/** A routing prefix or origin path: `/ws`, `/v1/ws`; segments of plain path characters (no `%`, `*`, `?`, `#`), no trailing `/`. */
const PREFIX = /^(?:\/[\w\-.~!$&'()+,;=:@]+)+$/;

const malformed = (detail: string) => new SignerFailure("MALFORMED_REQUEST", `path: ${detail}`);

/** Whether an origin's `X-Forwarded-Prefix` value, or an origin path, is usable: plain segments, none of them a dot-segment. */
export const isPrefix = (prefix: string) => PREFIX.test(prefix) && !prefix.split("/").some((segment) => DOT_SEGMENT.test(segment));

/** RFC 3986 normal form: escapes of unreserved characters decoded, every other escape in uppercase hex. */
function normalForm(uri: string): string {
  if (!uri.includes("%")) return uri;
  return uri.replace(ESCAPE, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}

/** Refuses empty segments (`//`; a trailing `/` is no segment), dot-segments in any spelling, and escapes that are not UTF-8 (overlong `%C0%AE`, `%FF`). */
function checkSegments(path: string): void {
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "") {
      if (i === segments.length - 1) return;
      throw malformed("empty segment");
    }
    let decoded: string;
    try {
      decoded = segment.includes("%") ? decodeURIComponent(segment) : segment;
    } catch {
      throw malformed("escape not UTF-8");
    }
    const semicolon = decoded.indexOf(";");
    if (DOT_SEGMENT.test(semicolon < 0 ? decoded : decoded.slice(0, semicolon))) throw malformed("dot-segment");
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
  if (!WIRE_PATH.test(rawUri)) throw malformed("not RFC 3986");
  const uri = normalForm(rawUri);
  if (ENCODED_SEPARATOR.test(uri)) throw malformed("encoded separator or control character");
  if (DOUBLE_ENCODED.test(uri)) throw malformed("double-encoded");
  checkSegments(uri);
  if (prefix !== "" && uri !== prefix && !uri.startsWith(`${prefix}/`)) throw malformed("outside the origin's prefix");
  return `${originPath}${uri.slice(prefix.length)}` || "/";
}
