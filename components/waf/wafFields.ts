/** Schema fields the WAF settings share: names, paths, on/off sections, and hints against a known list. */
import { z } from "zod";
import { text } from "../shared/schema/fields";
import { didYouMean } from "../shared/schema/suggest";
import { WAF_NAME_PATTERN } from "./visibility";
import { isWafPath, WAF_PATH_ALLOWED } from "./wafPath";


/** A rule, metric or rule group name. */
export function wafNameField(allowed = "allowed: letters, digits, - or _, at most 128 characters") {
  return text(WAF_NAME_PATTERN, allowed);
}

/** A path in the one form every path rule compares (wafPath.ts). */
export const wafPathField = z.string({ error: WAF_PATH_ALLOWED }).refine(isWafPath, { error: WAF_PATH_ALLOWED });

/** `true` (on, with every default), `false` (off), or the section's settings. */
export function toggled<S extends z.ZodType>(settings: S, allowed: string) {
  return z.union([z.boolean({ error: allowed }), settings]);
}

/**
 * The settings of a section given as `true`, `false` or settings with `enabled`, without `enabled`, or
 * undefined when off; `defaults` are the settings of `true`, `on` says whether an absent section is on.
 */
export function switchedOn<T extends { readonly enabled: boolean }>(given: boolean | T | undefined, defaults: () => T, on: boolean): Omit<T, "enabled"> | undefined {
  const settings = given === undefined ? (on ? defaults() : undefined) : given === true ? defaults() : given === false ? undefined : given;
  if (settings === undefined || !settings.enabled) return undefined;
  const { enabled: _on, ...rest } = settings;
  return rest;
}

/**
 * For a name that must be one of `known` (AWS matches it exactly): the nearest known name, or the whole
 * list when nothing is near, so a misspelt rule name never silently overrides nothing.
 */
export function knownHint(value: string, known: readonly string[]): string {
  return didYouMean(value, known) || `; known: ${known.join(", ")}`;
}
