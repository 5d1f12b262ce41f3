/**
 * Text transformations on the custom aggregation keys of rate-based rules. AWS WAF applies a key's
 * transformations to the request component before using it as the key, lowest priority first, and needs at
 * least one (`NONE` for none): API RateLimitQueryArgument, RateLimitCookie, RateLimitHeader
 * (https://docs.aws.amazon.com/waf/latest/APIReference/API_RateLimitQueryArgument.html). A request that lacks
 * any key's component is not counted by that rule at all (Developer Guide, "Aggregating rate-based rules":
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html);
 * the blanket per-IP rule is the backstop for it.
 */
import type { AggregationKey } from "./rateLimitsSchema";
import type { TextTransform } from "./wafRule";

const URL_DECODED: readonly TextTransform[] = ["URL_DECODE"];
const AS_SENT: readonly TextTransform[] = [];

/**
 * - a query argument is URL-decoded: the signer forwards every value decoded and re-encoded canonically, so
 *   `apikey=%61bc` and `apikey=abc` are one value to the backend and must be one bucket, not one per spelling;
 * - a cookie is URL-decoded: frameworks percent-decode cookie values (Express cookie-parser, PHP, Rails);
 * - a header is used as sent: backends read header values without decoding, so there is nothing to undo.
 */
export function keyTransforms(kind: Exclude<AggregationKey["kind"], "ip" | "labelNamespace">): readonly TextTransform[] {
  return kind === "header" ? AS_SENT : URL_DECODED;
}
