/**
 * WAF reads the viewer's headers before the signer rewrites them (the rules run before Lambda@Edge). A rule
 * on a header the signer drops, or on the header it moves the viewer's `Authorization` into, reads a value
 * the backend never gets: a rate key there is a fresh bucket per made-up value (or no count at all, when the
 * header is left out), a match there is a switch any viewer flips. The signer's one drop list decides
 * (edge-functions/sigv4-signer/src/droppedHeaders.ts), in both spellings, `_` and `-`.
 */
import { hyphenated, isDroppedHeader } from "../../edge-functions/sigv4-signer/src/droppedHeaders";
import { DEFAULT_AUTHORIZATION_HEADER } from "../../edge-functions/sigv4-signer/src/settings";
import type { ManagedWafSettings } from "./wafSchema";
import type { MatchSpec, WafIssue } from "./types";

/** Why a rule may not read header `name` (lowercase), or undefined when the backend gets what WAF reads. */
export function signerHeaderProblem(name: string, authorizationHeader: string = DEFAULT_AUTHORIZATION_HEADER): string | undefined {
  if (hyphenated(name) === authorizationHeader) {
    return `allowed: a header the backend gets as WAF reads it: the signer replaces the viewer's ${name} with the viewer's Authorization (authorizationHeader), so read authorization instead`;
  }
  if (isDroppedHeader(name)) {
    return `allowed: a header the backend gets as WAF reads it: the signer drops ${name} (edge-functions/sigv4-signer/src/droppedHeaders.ts), so only WAF would see the viewer's value`;
  }
  return undefined;
}

/** Every header a rule of `settings` reads (custom rules, scope-downs, rate keys) that the signer drops or relocates. */
export function signerHeaderIssues(settings: ManagedWafSettings, authorizationHeader: string = DEFAULT_AUTHORIZATION_HEADER): WafIssue[] {
  const issues: WafIssue[] = [];
  const check = (name: string, path: readonly (string | number)[]) => {
    const message = signerHeaderProblem(name, authorizationHeader);
    if (message) issues.push({ path, input: name, message });
  };
  const inMatch = (match: MatchSpec | undefined, at: readonly (string | number)[]) => {
    if (match?.header) check(match.header.name, [...at, "header", "name"]);
  };
  settings.customRules.forEach((rule, i) => inMatch(rule.match, ["customRules", i, "match"]));
  for (const group of settings.managedRuleGroups) inMatch(group.scopeDown, ["managedRuleGroups", group.name, "scopeDown"]);
  const { uri, ipReputation } = settings.rateLimits;
  const rated = [
    ...uri.map((rule, i) => ({ rule, at: ["rateLimits", "uri", i] as (string | number)[] })),
    ...(ipReputation ? [{ rule: ipReputation, at: ["rateLimits", "ipReputation"] }] : []),
  ];
  for (const { rule, at } of rated) {
    if (rule.aggregation.kind !== "CUSTOM_KEYS") continue;
    rule.aggregation.keys.forEach((key, k) => {
      if (key.kind === "header") check(key.name, [...at, "aggregation", "customKeys", k, "header"]);
    });
  }
  return issues;
}
