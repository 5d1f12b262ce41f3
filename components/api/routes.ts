import { createHash } from "node:crypto";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "ANY";

export interface RouteSpec {
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/pets/{petId}` or `/{proxy+}`. */
  readonly path: string;
}

/** The pet store's routes, plus a catch-all so that no path is left without AWS_IAM. */
export const PETSTORE_ROUTES: readonly RouteSpec[] = [
  { method: "GET", path: "/" },
  { method: "GET", path: "/pets" },
  { method: "POST", path: "/pets" },
  { method: "GET", path: "/pets/{petId}" },
  { method: "ANY", path: "/{proxy+}" },
];

/** Every non-root path a REST API needs a Resource for, parents before children: `/pets`, `/pets/{petId}`, ... */
export function resourcePaths(routes: readonly RouteSpec[]): string[] {
  const paths = new Set<string>();
  for (const { path } of routes) {
    const segments = path.split("/").filter(Boolean);
    segments.forEach((_, i) => paths.add(`/${segments.slice(0, i + 1).join("/")}`));
  }
  return [...paths].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}

/** Stable child-resource name fragment for a path: `/pets/{petId}` -> `pets-petId`, `/` -> `root`. */
export function pathSlug(path: string): string {
  return path === "/" ? "root" : path.replace(/[{}+]/g, "").split("/").filter(Boolean).join("-");
}

/** Hash of everything that shapes a deployment; a change re-triggers the REST deployment. */
export function definitionHash(definition: unknown): string {
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex");
}
