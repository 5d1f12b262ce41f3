import { CloudFrontQuotas } from "./distribution";

export interface Route {
  /** Where the route was configured, as a config path (`["apis", 2, "pathPattern"]`). */
  readonly path: readonly (string | number)[];
  readonly pathPattern: string;
}

export interface RouteIssue {
  readonly path: readonly (string | number)[];
  readonly input: unknown;
  readonly message: string;
}

/**
 * CloudFront needs exactly one default behaviour (`*`), distinct path patterns, and room within the
 * account's quotas: one origin per API, two behaviours per prefixed API (`/p/*` and the bare `/p`).
 * `listPath` is where the list of routes lives (its problems are reported there).
 */
export function routeIssues(routes: readonly Route[], quotas: CloudFrontQuotas, listPath: readonly (string | number)[]): RouteIssue[] {
  const issues: RouteIssue[] = [];
  const seen = new Map<string, string>();
  // CloudFront routes case-sensitively, but WAF lowercases paths: two patterns that differ only in case would
  // share every WAF path rule.
  const folded = new Map<string, string>();
  for (const { path, pathPattern } of routes) {
    const first = seen.get(pathPattern);
    const sameButCase = folded.get(pathPattern.toLowerCase());
    if (first !== undefined) issues.push({ path, input: pathPattern, message: `allowed: a path pattern not already used by ${first}` });
    else if (sameButCase !== undefined) issues.push({ path, input: pathPattern, message: `allowed: a path pattern that differs from "${sameButCase}" in more than case (WAF lowercases paths, so its path rules could not tell them apart)` });
    else seen.set(pathPattern, path.join("."));
    folded.set(pathPattern.toLowerCase(), pathPattern);
  }
  if (routes.length === 0) return [{ path: listPath, input: [], message: "required: at least one API to put behind the edge" }];
  if (!seen.has("*")) {
    issues.push({ path: listPath, input: routes.map((r) => r.pathPattern), message: 'required: exactly one API with pathPattern "*" (CloudFront\'s default behaviour)' });
  }
  const raise = "; an account with a raised quota sets";
  if (routes.length > quotas.origins) {
    issues.push({ path: listPath, input: routes.length, message: `allowed: at most ${quotas.origins} APIs, one origin each (origins per distribution${raise} originQuota)` });
  }
  const behaviors = 2 * routes.filter((r) => r.pathPattern !== "*").length;
  if (behaviors > quotas.cacheBehaviors) {
    issues.push({
      path: listPath,
      input: behaviors,
      message: `allowed: at most ${quotas.cacheBehaviors} cache behaviours per distribution, and each API on a prefix takes two (/prefix and /prefix/*)${raise} cacheBehaviorQuota`,
    });
  }
  return issues;
}
