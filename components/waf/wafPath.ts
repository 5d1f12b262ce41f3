/**
 * One meaning for every path this module matches (rate limits, custom rules, scope-downs,
 * `bodySize.allowedPaths`): the request's URI path is URL-decoded, normalized and lowercased, in
 * that order, and then compared at a segment boundary, so `/pets` covers `/pets` and `/pets/...`
 * but not `/petsX`, and `/PETS`, `//pets` or `/%70ets` cannot slip past it.
 *
 * AWS WAF applies text transformations from the lowest priority to the highest before inspecting
 * (API TextTransformation); each one adds 10 WCU (Developer Guide, "Text transformations").
 * NORMALIZE_PATH removes repeated slashes and `.`/`..` segments that are not at the start of the
 * input, so decoding comes first (`%2e%2e` becomes `..` before it is resolved).
 */
import { WafStatement } from "./wafRule";

export const PATH_TRANSFORMS = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"] as const;

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
 * The statement for "the request's path is `path` or below it". `/` is every path. The search
 * strings are lowercased because the request is (LOWERCASE runs last).
 */
export function pathStatement<A>(path: string): WafStatement<A> {
  const lower = path.toLowerCase();
  const byteMatch = (positional: "EXACTLY" | "STARTS_WITH", search: string): WafStatement<A> => ({
    type: "byteMatch",
    field: { kind: "uriPath" },
    positional,
    search,
    transforms: PATH_TRANSFORMS,
  });
  if (lower === "/") return byteMatch("STARTS_WITH", "/");
  return { type: "or", statements: [byteMatch("EXACTLY", lower), byteMatch("STARTS_WITH", `${lower}/`)] };
}
