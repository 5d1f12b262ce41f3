/**
 * What counts as healthy, for the canary and `npm run verify` alike (one judge): through the edge the API answers
 * (2xx or the configured status, a WebSocket upgrade), directly it refuses (403, upgrade refused). Pure.
 */
import type { ProbeAnswer } from "./probe";
import type { ProbeTarget } from "./targets";

export interface Verdict {
  readonly ok: boolean;
  /** One line, never a body beyond an error's `message` and the signer's failure `code`. */
  readonly evidence: string;
}

/** API Gateway stamps its request id on every answer; CloudFront and WAF do not. */
export function fromApiGateway(answer: ProbeAnswer): boolean {
  return "x-amzn-requestid" in answer.headers || "apigw-requestid" in answer.headers;
}

/**
 * REST APIs answer 403 MissingAuthenticationTokenException to an unsigned call to an AWS_IAM method, and to a path
 * without a method, signed or not: through the edge it means the signer did not sign (or the path proves nothing).
 */
export function missingAuthenticationToken(answer: ProbeAnswer): boolean {
  return answer.status === 403 && (answer.headers["x-amzn-errortype"] ?? "").startsWith("MissingAuthenticationTokenException");
}

/** What to do when a probe path cannot tell a healthy edge from a broken one. */
export function probePathAdvice(name: string): string {
  return `if the path has no method: set monitoring.apis.${name}.path to a route with a method, and expectStatus`;
}

/**
 * Through the edge: 2xx from API Gateway, or exactly the configured `expectStatus` from API Gateway; a 403 never passes, since it is
 * what API Gateway answers a request the signer did not sign (an HTTP API's 404 for an unknown route comes before
 * the signature is checked, so only 2xx proves the signature was accepted).
 */
export function judgeEdge(target: ProbeTarget, answer: ProbeAnswer): Verdict {
  if (target.kind === "WEBSOCKET") {
    return answer.upgraded
      ? { ok: true, evidence: `upgrade accepted (${answer.status})` }
      : { ok: false, evidence: `upgrade refused: ${describe(answer)}` };
  }
  const expected = target.expectStatus;
  const wanted = expected !== undefined ? `expected ${expected}` : "expected 2xx from API Gateway";
  if (answer.status === 403) {
    const why = missingAuthenticationToken(answer)
      ? `MissingAuthenticationToken: API Gateway got no signature (has the behaviour lost the signer?) or the path has no method; ${probePathAdvice(target.name)}`
      : fromApiGateway(answer) ? "API Gateway refused the signature or the signer's permission" : "refused before API Gateway (WAF or CloudFront)";
    return { ok: false, evidence: `${describe(answer)}; a 403 through the edge never passes (${wanted}): ${why}` };
  }
  // From API Gateway in both cases: WAF, CloudFront and the signer answer 429, 502 or 400 themselves.
  const ok = fromApiGateway(answer) && (expected !== undefined ? answer.status === expected : answer.status >= 200 && answer.status < 300);
  if (ok) return { ok, evidence: describe(answer) };
  if (!fromApiGateway(answer)) {
    const from = expected !== undefined ? `expected ${expected} from API Gateway` : wanted;
    return { ok, evidence: `${describe(answer)}; ${from}, and this answer did not come from it (WAF, CloudFront or the signer)` };
  }
  // A 4xx from API Gateway without a configured status: most likely a route the API does not have (HTTP APIs: 404).
  const unknownRoute = expected === undefined && fromApiGateway(answer) && answer.status >= 400 && answer.status < 500;
  return { ok, evidence: `${describe(answer)}; ${wanted}${unknownRoute ? `; ${probePathAdvice(target.name)}` : ""}` };
}

export function judgeDirect(target: ProbeTarget, answer: ProbeAnswer): Verdict {
  if (target.kind === "WEBSOCKET") {
    const ok = !answer.upgraded && answer.status === 403;
    return { ok, evidence: answer.upgraded ? "upgrade ACCEPTED without a signature" : `upgrade refused: ${describe(answer)}` };
  }
  const ok = answer.status === 403;
  return { ok, evidence: ok ? describe(answer) : `${describe(answer)}; expected 403 (no valid SigV4 signature)` };
}

/** `403 {"message":"Forbidden"}`, `500 signer NO_CREDENTIALS`: the status and what the error says, bounded. */
export function describe(answer: ProbeAnswer): string {
  const parts = [String(answer.status)];
  const error = errorFields(answer.body);
  if (error.code) parts.push(`signer ${error.code}`);
  if (error.message) parts.push(JSON.stringify({ message: error.message }));
  if (!fromApiGateway(answer) && answer.headers["x-cache"]) parts.push(`(${answer.headers["x-cache"]})`);
  return parts.join(" ");
}

/** The `message` (at most 80 characters) and the signer's failure `code` of a JSON error body, when there are. */
export function errorFields(body: string): { message?: string; code?: string } {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const { message, code } = parsed as Record<string, unknown>;
    return {
      ...(typeof message === "string" ? { message: message.slice(0, 80) } : {}),
      ...(typeof code === "string" && /^[A-Z_]{1,40}$/.test(code) ? { code } : {}),
    };
  } catch {
    return {};
  }
}
