import { closest, distance } from "fastest-levenshtein";

/**
 * The nearest candidate to a near miss (`priceClas` -> `priceClass`, `eu-wset-1` -> `eu-west-1`), or
 * undefined when nothing is close: a case-insensitive match, else an edit distance of 1 for words of up to
 * four characters and of 2 or a third of the word beyond (swapping two letters costs 2), so short unrelated
 * words are not "corrected".
 */
export function nearest(value: unknown, candidates: readonly unknown[]): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const words = candidates.filter((c): c is string => typeof c === "string" && c !== value);
  if (words.length === 0) return undefined;
  const folded = words.find((c) => c.toLowerCase() === value.toLowerCase());
  if (folded) return folded;
  const best = closest(value, words);
  const limit = value.length <= 4 ? 1 : Math.max(2, Math.floor(value.length / 3));
  return distance(value, best) <= limit ? best : undefined;
}

/** `; did you mean "x"?` for a near miss, or "". */
export function didYouMean(value: unknown, candidates: readonly unknown[]): string {
  const match = nearest(value, candidates);
  return match === undefined ? "" : `; did you mean ${JSON.stringify(match)}?`;
}
