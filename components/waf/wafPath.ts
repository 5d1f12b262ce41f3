/**
 * One meaning for every path this module matches (rate limits, custom rules, scope-downs): the
 * request's URI path is URL-decoded, normalized and lowercased, in that order, and then compared at a
 * segment boundary, so `/pets` covers `/pets` and `/pets/...` but not `/petsX`, and `/PETS`, `//pets`
 * or `/%70ets` cannot slip past it. `bodySize.allowedPaths` exemptions are the same without LOWERCASE.
 *
 * AWS WAF applies text transformations from the lowest priority to the highest before inspecting
 * (API TextTransformation); each one adds 10 WCU (Developer Guide, "Text transformations").
 * NORMALIZE_PATH removes repeated slashes and `.`/`..` segments that are not at the start of the
 * input, so decoding comes first (`%2e%2e` becomes `..` before it is resolved).
 */
import { WafStatement } from "./wafRule";

export const PATH_TRANSFORMS = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"] as const;

/**
 * An exemption (`bodySize.allowedPaths`) keeps the case: CloudFront's path patterns and API Gateway's routes are
 * case-sensitive, so `/UPLOADS/x` is not the `/uploads` the backend serves and must not skip a block meant for it.
 * Blocks and limits keep LOWERCASE, so that they cover every spelling.
 */
export const EXEMPT_PATH_TRANSFORMS = ["URL_DECODE", "NORMALIZE_PATH"] as const;

/** A byte-match search string is at most 200 bytes; the `STARTS_WITH` form adds a `/`. */
export const MAX_PATH_LENGTH = 199;

export const WAF_PATH_ALLOWED =
  `allowed: a path such as /pets: starts with /, at most ${MAX_PATH_LENGTH} printable ASCII characters, no empty, . or .. segments, ` +
  "no trailing / (the path covers itself and everything below it), no %-escapes, ? or # " +
  "(requests are URL-decoded, normalized and lowercased before they are compared)";

/**
 * Whether `value` is a path in the form requests reach the comparison: anything else (`//a`,
 * `/a/../b`, `/%61`, `/a/`) could never match a transformed request and would silently do nothing.
 */
export function isWafPath(value: unknown): value is string {
  if (typeof value !== "string" || value.length > MAX_PATH_LENGTH || !/^\/[\x21-\x7e]*$/.test(value)) return false;
  if (value === "/") return true;
  if (/[%?#]/.test(value)) return false;
  return value
    .slice(1)
    .split("/")
    .every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/**
 * The statement for "the request's path is `path` or below it". `/` is every path. The search strings are
 * lowercased because the request is (LOWERCASE runs last); an `exemption` compares the path as given, case
 * and all (EXEMPT_PATH_TRANSFORMS).
 */
export function pathStatement<A>(path: string, use: "match" | "exemption" = "match"): WafStatement<A> {
  const exact = use === "exemption";
  const search = exact ? path : path.toLowerCase();
  const byteMatch = (positional: "EXACTLY" | "STARTS_WITH", value: string): WafStatement<A> => ({
    type: "byteMatch",
    field: { kind: "uriPath" },
    positional,
    search: value,
    transforms: exact ? EXEMPT_PATH_TRANSFORMS : PATH_TRANSFORMS,
  });
  if (search === "/") return byteMatch("STARTS_WITH", "/");
  return { type: "or", statements: [byteMatch("EXACTLY", search), byteMatch("STARTS_WITH", `${search}/`)] };
}
