import { distance } from "fastest-levenshtein";
import { Problem } from "../shared/validation";
import { STRING_KEYS } from "./stackSchema";

/** The project's config namespace: keys are `edge-security:<key>` in `Pulumi.<stack>.yaml`. */
export const CONFIG_NAMESPACE = "edge-security";


export interface ProjectConfig {
  /** The project's keys (namespace removed) with decoded values. */
  readonly raw: Record<string, unknown>;
  /** Keys that cannot be the project's though they look meant for it: a near-miss namespace, or none. */
  readonly problems: readonly Problem[];
}

/**
 * The project's keys from all of a stack's config. A key whose namespace is a near miss of `edge-security`
 * (`edge-securty:waf`) or that has none (`waf`) would be ignored, silently: a stack meant to count would
 * enforce. Both are refused, the way Pulumi refuses a stack key without a namespace.
 */
export function projectConfig(all: Readonly<Record<string, string>>): ProjectConfig {
  const raw: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(all)) {
    const colon = key.indexOf(":");
    const namespace = colon < 0 ? "" : key.slice(0, colon);
    const name = key.slice(colon + 1);
    if (namespace === CONFIG_NAMESPACE) {
      raw[name] = STRING_KEYS.includes(name) ? value : decodeConfigValue(value);
    } else if (namespace === "") {
      problems.push({ field: key, value, allowed: `required: a namespace, such as ${CONFIG_NAMESPACE}:${key} (Pulumi stack keys are namespaced)`, path: [key] });
    } else if (distance(namespace.toLowerCase(), CONFIG_NAMESPACE) <= 3) {
      problems.push({ field: key, value, allowed: `unknown namespace "${namespace}"; did you mean "${CONFIG_NAMESPACE}:${name}"?`, path: [key] });
    }
  }
  return { raw, problems };
}

/** Pulumi hands config values over as strings; structured, numeric and boolean values are JSON. */
export function decodeConfigValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
