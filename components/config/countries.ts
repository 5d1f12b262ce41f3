import { z } from "zod";
import { WAF_COUNTRY_CODES } from "../waf/countryCodes";

/** Codes people write that ISO 3166-1 spells otherwise. */
const ALIASES: Readonly<Record<string, string>> = { UK: "GB", EL: "GR" };

/**
 * An ISO 3166-1 alpha-2 country code, as CloudFront's geo restriction and WAF's geo match take them. A
 * lowercase code or a known alias gets its spelling suggested; two-letter near misses do not (every
 * letter swap is another country).
 */
export const countryField = z.string({ error: 'allowed: an ISO 3166-1 alpha-2 country code such as "DE"' }).superRefine((code, ctx) => {
  if (WAF_COUNTRY_CODES.includes(code)) return;
  const upper = code.toUpperCase();
  const meant = ALIASES[upper] ?? (WAF_COUNTRY_CODES.includes(upper) ? upper : undefined);
  const hint = meant ? `; did you mean "${meant}"?${ALIASES[upper] ? ` (${code} is not an ISO 3166-1 code)` : ""}` : "";
  ctx.addIssue({ code: "custom", input: code, message: `allowed: an ISO 3166-1 alpha-2 country code such as "DE"${hint}` });
});
