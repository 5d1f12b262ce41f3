/**
 * What the canary (and `npm run verify`) probes per API: where it is called through the edge, where it is
 * called directly, which path, and what a healthy answer is. Pure: no I/O.
 */

export type TargetKind = "REST" | "HTTP" | "WEBSOCKET";

export interface ProbeTarget {
  /** The API's name in the stack's `apis` output. */
  readonly name: string;
  readonly kind: TargetKind;
  /** The API through CloudFront (`https://<domain>/<prefix>/`, `wss://` for WebSocket). */
  readonly edgeUrl: string;
  /** The execute-api URL, which must refuse unsigned calls with 403. */
  readonly directUrl: string;
  /** Appended to both URLs, relative to the API's stage root (no leading `/`); empty for WebSocket. */
  readonly path: string;
  /** The status a healthy API answers through the edge, never 403; absent: 2xx from API Gateway. WebSocket: the upgrade. */
  readonly expectStatus?: number;
}

/** API Gateway answers 403 to a request the signer did not sign: it can never prove the edge healthy. */
export const NOT_403 = "allowed: an HTTP status from 100 to 599 but 403, which API Gateway answers to an unsigned request (through the edge it never passes)";

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/** Joins a target's URL and path: the URLs of REST and HTTP APIs end with `/`, WebSocket URLs are used as they are. */
export function targetUrl(base: string, path: string): string {
  return path === "" ? base : `${base}${path.replace(/^\/+/, "")}`;
}

/**
 * Every problem of a target list (field, value, allowed); empty when valid. `schemes` are the URL schemes
 * accepted: `https:`/`wss:` for what is deployed, plus `http:`/`ws:` where a test runs local servers.
 */
export function targetProblems(
  targets: readonly ProbeTarget[],
  schemes: readonly string[] = ["https:", "wss:"],
): { field: string; value: unknown; allowed: string }[] {
  const problems: { field: string; value: unknown; allowed: string }[] = [];
  const add = (field: string, value: unknown, allowed: string) => problems.push({ field, value, allowed });
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    if (!NAME.test(t.name)) add(`${at}.name`, t.name, "allowed: 1-64 letters, digits, _, . or -");
    else if (seen.has(t.name)) add(`${at}.name`, t.name, "allowed: a name not already used by another target");
    seen.add(t.name);
    if (!["REST", "HTTP", "WEBSOCKET"].includes(t.kind)) add(`${at}.kind`, t.kind, "allowed: REST, HTTP or WEBSOCKET");
    const wanted = t.kind === "WEBSOCKET" ? ["wss:", "ws:"] : ["https:", "http:"];
    for (const key of ["edgeUrl", "directUrl"] as const) {
      const scheme = schemeOf(t[key]);
      if (scheme === undefined || !wanted.includes(scheme) || !schemes.includes(scheme)) {
        add(`${at}.${key}`, t[key], `allowed: an absolute ${wanted.filter((s) => schemes.includes(s)).join(" or ")} URL`);
      }
    }
    if (!PATH.test(t.path) || t.path.startsWith("/") || (t.kind === "WEBSOCKET" && t.path !== "")) {
      add(`${at}.path`, t.path, t.kind === "WEBSOCKET" ? "allowed: empty (a WebSocket probe is the upgrade itself)" : "allowed: a URL path relative to the stage root, without a leading /");
    }
    if (t.expectStatus !== undefined && !(Number.isInteger(t.expectStatus) && t.expectStatus >= 100 && t.expectStatus <= 599)) {
      add(`${at}.expectStatus`, t.expectStatus, "allowed: an HTTP status from 100 to 599");
    } else if (t.expectStatus === 403) {
      add(`${at}.expectStatus`, t.expectStatus, NOT_403);
    }
  });
  return problems;
}

function schemeOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}
