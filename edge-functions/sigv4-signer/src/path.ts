/**
 * The path the origin receives: the origin's routing prefix removed from the URI, the origin path
 * prepended. That exact string is forwarded as the URI (with an empty origin path) and signed.
 */
import { SignerFailure } from "./failure";

/** RFC 3986 path characters (unreserved, sub-delims, `:`, `@`, `/`) and complete `%XX` escapes; nothing else. */
const WIRE_PATH = /^\/(?:[\w\-.~!$&'()*+,;=:@/]|%[\dA-Fa-f]{2})*$/;
/** `.` and `..`, literal or percent-encoded: RFC 3986 normalization would collapse them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/** A routing prefix: `/ws`, `/v1/ws`; segments of plain path characters (no `%`, `*`, `?`, `#`), no trailing `/`. */
const PREFIX = /^(?:\/[\w\-.~!$&'()+,;=:@]+)+$/;
const hasDotSegment = (path: string) => path.split("/").some((segment) => DOT_SEGMENT.test(segment));

/** Whether an origin's `X-Forwarded-Prefix` value is a usable prefix. */
export const isPrefix = (prefix: string) => PREFIX.test(prefix) && !hasDotSegment(prefix);

/**
 * The full forwarded path: `prefix` removed from `uri` at a segment boundary ("/ws" -> "", "/ws/" -> "/",
 * "/ws/x" -> "/x", "/wsx" untouched), `originPath` prepended, "/" when that leaves nothing. Refused (400)
 * unless the result is a plain RFC 3986 path without dot-segments.
 */
export function forwardedPath(originPath: string, prefix: string, uri: string): string {
  // (An empty origin path passes as "/".)
  if (!WIRE_PATH.test(uri) || !WIRE_PATH.test(`${originPath}/`)) {
    throw new SignerFailure("MALFORMED_REQUEST", "path: not RFC 3986");
  }
  // `uri === prefix || uri.startsWith(prefix + "/")`
  const rest = prefix && `${uri}/`.startsWith(`${prefix}/`) ? uri.slice(prefix.length) : uri;
  const path = `${originPath}${rest}` || "/";
  if (hasDotSegment(path)) throw new SignerFailure("MALFORMED_REQUEST", "path: dot-segment");
  return path;
}
