/**
 * WAF path rules written in an API's own terms instead of the viewer's. WAF sees the request as the viewer
 * sent it, before the signer strips a prefixed API's routing prefix (WAF runs before Lambda@Edge:
 * docs/aws-facts.md, AWS WAF): viewers reach the private integration's
 * `/v1/orders` at `/services/v1/orders`, so a rate limit on `/v1/orders` only meets requests the default
 * behaviour (`*`) routes to the default API, and never fires for the service.
 *
 * Every path routes somewhere while a default behaviour exists, so "no behaviour can route to it" is not the
 * test. A path is reported only when the evidence is clear: (1) no prefixed behaviour (`/p`, `/p/*`) routes it,
 * (2) the default API is known not to serve it (an API the stack creates serves the pet store's paths; an
 * existing API's paths are unknown, so any path may be its own), and (3) a prefixed API is known to serve it
 * after its prefix is stripped. A path both APIs could serve is ambiguous and left alone.
 */
import { ManagedWafSettings, WafIssue, WafSettings } from "./types";

export interface ViewerRoute {
  /** The behaviour's CloudFront path pattern: `*` (the default) or `/p/*` (the bare `/p` routes there too). */
  readonly pathPattern: string;
  /** How a problem names the API, e.g. `the private integration` or `API orders`. */
  readonly label: string;
  /**
   * The paths the API answers in its own terms (after the prefix is stripped): templates such as `/v1/orders`
   * or `/pets/{petId}`, each with everything below it (`/` only itself); a greedy `{proxy+}` says nothing.
   * Undefined when unknown (an existing API).
   */
  readonly serves?: readonly string[];
}

const segments = (path: string) => path.toLowerCase().split("/").filter(Boolean);

/** `path` is `prefix` or below it, compared as WAF does (lowercased, at a segment boundary). */
function covers(prefix: string, path: string): boolean {
  const [p, q] = [segments(prefix), segments(path)];
  return p.length <= q.length && p.every((s, i) => s === q[i]);
}

/** Whether one of the API's path templates answers `path`. */
function serves(templates: readonly string[], path: string): boolean {
  const asked = segments(path);
  return templates.some((template) => {
    const parts = segments(template);
    if (parts.some((s) => s.endsWith("+}"))) return false;
    if (parts.length === 0) return asked.length === 0;
    return parts.length <= asked.length && parts.every((s, i) => /^\{[^}]+\}$/.test(s) || s === asked[i]);
  });
}

/** Every path the settings match on, with where it is in them. */
function wafPaths(settings: ManagedWafSettings): { path: (string | number)[]; value: string }[] {
  return [
    ...settings.rateLimits.uri.map((r, i) => ({ path: ["rateLimits", "uri", i, "pathPrefix"], value: r.pathPrefix })),
    ...settings.customRules.flatMap((r, i) => (r.match.pathPrefix === undefined ? [] : [{ path: ["customRules", i, "match", "pathPrefix"], value: r.match.pathPrefix }])),
    ...settings.managedRuleGroups.flatMap((g) => (g.scopeDown?.pathPrefix === undefined ? [] : [{ path: ["managedRuleGroups", g.name, "scopeDown", "pathPrefix"], value: g.scopeDown.pathPrefix }])),
    ...settings.bodySize.allowedPaths.map((value, i) => ({ path: ["bodySize", "allowedPaths", i], value })),
  ];
}

/** The WAF paths that clearly meant a prefixed API's path as viewers request it (paths in the `waf` settings). */
export function viewerPathIssues(settings: WafSettings, routes: readonly ViewerRoute[]): WafIssue[] {
  const fallback = routes.find((r) => r.pathPattern === "*");
  if (settings.kind !== "managed" || fallback?.serves === undefined) return [];
  const prefixed = routes.flatMap((r) => (r.pathPattern === "*" ? [] : [{ route: r, prefix: r.pathPattern.slice(0, -2) }]));
  return wafPaths(settings).flatMap(({ path, value }) => {
    if (prefixed.some(({ prefix }) => covers(prefix, value) || covers(value, prefix))) return [];
    if (serves(fallback.serves ?? [], value)) return [];
    const meant = prefixed.filter(({ route }) => route.serves !== undefined && serves(route.serves, value));
    if (meant.length === 0) return [];
    const where = meant.map(({ route, prefix }) => `viewers reach ${route.label}'s ${value} at ${prefix}${value}`).join(", and ");
    const message =
      `allowed: the path as viewers request it (WAF matches before the routing prefix is stripped): ${where}; ` +
      `${value} itself only reaches ${fallback.label} (the default behaviour), which does not serve it`;
    return [{ path, input: value, message }];
  });
}
