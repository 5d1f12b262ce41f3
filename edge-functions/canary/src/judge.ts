/**
 * What counts as healthy, for the canary and `npm run verify` alike: through the edge the API answers
 * (the expected status, a WebSocket upgrade), directly it refuses (403, upgrade refused). Pure.
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
 * REST APIs answer a path without a resource or method with 403 MissingAuthenticationTokenException, signed or
 * not. Through the edge (signed) that still proves the request reached API Gateway and was accepted as signed.
 */
export function noSuchRestRoute(answer: ProbeAnswer): boolean {
  return answer.status === 403 && (answer.headers["x-amzn-errortype"] ?? "").startsWith("MissingAuthenticationTokenException");
}

export function judgeEdge(target: ProbeTarget, answer: ProbeAnswer): Verdict {
  if (target.kind === "WEBSOCKET") {
    return answer.upgraded
      ? { ok: true, evidence: `upgrade accepted (${answer.status})` }
      : { ok: false, evidence: `upgrade refused: ${describe(answer)}` };
  }
  const expected = target.expectStatus;
  const ok = expected !== undefined
    ? answer.status === expected
    : fromApiGateway(answer) && (answer.status !== 403 || noSuchRestRoute(answer)) && answer.status < 500;
  const wanted = expected !== undefined ? `expected ${expected}` : "expected an answer from API Gateway, not 403 or 5xx";
  if (!ok) return { ok, evidence: `${describe(answer)}; ${wanted}` };
  return { ok, evidence: noSuchRestRoute(answer) ? `${describe(answer)} (no such route; set monitoring.apis.${target.name}.path)` : describe(answer) };
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
