import { closest, distance } from "fastest-levenshtein";

/**
 * A hint for a misspelt name: the known name at the smallest edit distance, compared without
 * case (so `NoUserAgent_Header` finds `NoUserAgent_HEADER`), or the whole list when nothing is
 * close. Levenshtein distance from `fastest-levenshtein`.
 */
export function didYouMean(candidate: string, known: readonly string[]): string {
  if (known.length === 0) return "";
  const lower = known.map((k) => k.toLowerCase());
  const nearest = closest(candidate.toLowerCase(), lower);
  const close = distance(candidate.toLowerCase(), nearest) <= Math.max(2, Math.floor(candidate.length / 3));
  return close ? `did you mean ${known[lower.indexOf(nearest)]}?` : `known: ${known.join(", ")}`;
}
