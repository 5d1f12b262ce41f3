/**
 * The path CloudFront forwards: an optional routing prefix removed from the URI, then the origin path
 * prepended. That exact string is what API Gateway sees and therefore what is signed.
 */
import { SignerFailure } from "./failure";

/** Visible ASCII without `?` and `#`, and `%` only as a complete escape. */
const WIRE_PATH = /^\/(?:[\x21-\x22\x24\x26-\x3e\x40-\x7e]|%[0-9A-Fa-f]{2})*$/;
/** `.` and `..`, literal or percent-encoded: RFC 3986 normalization would collapse them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Removes the longest prefix that matches at a segment boundary: "/rest/pets" -> "/pets", "/rest" -> "/". */
export function stripPrefix(uri: string, prefixes: readonly string[]): string {
  let best = "";
  for (const prefix of prefixes) {
    if (prefix.length > best.length && (uri === prefix || uri.startsWith(`${prefix}/`))) best = prefix;
  }
  if (best === "") return uri;
  return uri === best ? "/" : uri.slice(best.length);
}

/** `originPath + uri`, refused (400) unless it is a plain wire-form path without dot-segments. */
export function forwardedPath(originPath: string, uri: string): string {
  const path = `${originPath}${uri}`;
  if (!WIRE_PATH.test(uri) || (originPath !== "" && !WIRE_PATH.test(originPath))) {
    throw new SignerFailure("MALFORMED_REQUEST", "path: not visible ASCII or bad percent-encoding");
  }
  if (path.split("/").some((segment) => DOT_SEGMENT.test(segment))) {
    throw new SignerFailure("MALFORMED_REQUEST", "path: dot-segment");
  }
  return path;
}
