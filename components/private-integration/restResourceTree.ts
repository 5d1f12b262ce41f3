/** One API Gateway REST resource: `/v1/orders` has parent `/v1` and path part `orders`. */
export interface RestResourceNode {
  /** Full path, e.g. `/v1/orders/{proxy+}`; also the stable key of the child resource. */
  readonly path: string;
  /** Parent path; `""` is the API's root resource. */
  readonly parent: string;
  readonly pathPart: string;
}

/**
 * The REST resources the route prefixes need: every path segment once (shared parents are shared)
 * plus a greedy `{proxy+}` under each prefix. Parents always come before their children.
 */
export function restResourceTree(prefixes: readonly string[]): RestResourceNode[] {
  const nodes: RestResourceNode[] = [];
  const seen = new Set<string>();
  const add = (parent: string, pathPart: string): string => {
    const path = `${parent}/${pathPart}`;
    if (!seen.has(path)) {
      seen.add(path);
      nodes.push({ path, parent, pathPart });
    }
    return path;
  };
  for (const prefix of prefixes) {
    let parent = "";
    for (const part of prefix.split("/").slice(1)) parent = add(parent, part);
    add(parent, "{proxy+}");
  }
  return nodes;
}

/**
 * Stable child-name key of a REST path: `/v1/orders/{proxy+}` -> `v1.orders._proxy`. Segments are
 * `[a-z0-9-]`, so `.` and `_proxy` cannot collide with a literal segment.
 */
export function restPathKey(path: string): string {
  return path.slice(1).replace("{proxy+}", "_proxy").split("/").join(".");
}
