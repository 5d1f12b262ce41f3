/**
 * Through the edge each API answers (2xx or its expectStatus, never 403; WebSocket: the upgrade succeeds), and its execute-api
 * URL refuses (403; WebSocket: upgrade refused). In enforce rollout a known-bad input (a Log4j JNDI lookup in a
 * header, which AWS's Known Bad Inputs group blocks) is blocked by WAF; in count rollout it passes.
 */
import { fromApiGateway, judgeDirect, judgeEdge, describe as describeAnswer } from "../../edge-functions/canary/src/judge";
import type { ProbeAnswer, ProbeRequest } from "../../edge-functions/canary/src/probe";
import { targetUrl, type ProbeTarget } from "../../edge-functions/canary/src/targets";
import { apiProbe, KNOWN_BAD_INPUTS, KNOWN_BAD_RULE, type VerificationOutput } from "../../components/monitoring/verification";
import { RESPONSE_BODIES } from "../../components/waf/toPulumiRules";
import type { StackOutputs } from "./outputs";
import { CheckResult, fail, pass, skip } from "./report";

export type Requester = (url: string, request?: ProbeRequest) => Promise<ProbeAnswer>;

/** The header verify sends as a known-bad input; WAF inspects every header, the API ignores this one. */
export const KNOWN_BAD_HEADER = "x-edge-verify";
export const KNOWN_BAD_VALUE = "${jndi:ldap://verify.invalid/edge-security}";

/** Each API as a probe target, probed as the `verification` output says (or as any API, without it). */
export function targetsOf(outputs: StackOutputs): ProbeTarget[] {
  return Object.entries(outputs.apis).map(([name, api]) => {
    const probe = outputs.verification?.probes[name] ?? apiProbe({ kind: api.kind, petStore: false });
    return { name, kind: api.kind, edgeUrl: api.edgeUrl, directUrl: api.directUrl, path: probe.path, ...(probe.expectStatus !== undefined ? { expectStatus: probe.expectStatus } : {}) };
  });
}

export async function checkApis(targets: readonly ProbeTarget[], request: Requester): Promise<CheckResult[]> {
  const results = await Promise.all(targets.map(async (t) => {
    const edgeName = `api ${t.name} through the edge`;
    const directName = `api ${t.name} direct`;
    const edgeUrl = targetUrl(t.edgeUrl, t.path);
    const directUrl = targetUrl(t.directUrl, t.path);
    const edge = await answerOf(edgeUrl, request);
    const direct = await answerOf(directUrl, request);
    // Both always judged: a path without a method answers 403 directly to anyone, but then the edge fails (never 403).
    return [verdict(edgeName, edgeUrl, edge, (a) => judgeEdge(t, a)), verdict(directName, directUrl, direct, (a) => judgeDirect(t, a))];
  }));
  return results.flat();
}

async function answerOf(url: string, request: Requester): Promise<{ answer?: ProbeAnswer; error?: string }> {
  try {
    return { answer: await request(url) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function verdict(name: string, url: string, got: { answer?: ProbeAnswer; error?: string }, judge: (a: ProbeAnswer) => { ok: boolean; evidence: string }): CheckResult {
  if (!got.answer) return fail(name, `${url} -> no answer: ${got.error}`);
  const v = judge(got.answer);
  return v.ok ? pass(name, `${url} -> ${v.evidence}`) : fail(name, `${url} -> ${v.evidence}`);
}

/** What a managed rule's block answers (docs/operations.md, "From count to enforce"). */
export const MANAGED_BLOCKS = `managed-rule blocks answer AWS WAF's default 403, not the web ACL's JSON 403, unless a rule is overridden to block (${KNOWN_BAD_RULE}: block)`;

/** Why verify does not judge a known-bad input that Firewall Manager's policy inspects. */
export const CENTRAL_KNOWN_BAD = `${KNOWN_BAD_INPUTS} is run by Firewall Manager's policy; its action is the security team's`;

export async function checkKnownBad(
  targets: readonly ProbeTarget[],
  verification: Pick<VerificationOutput, "waf" | "webAclOwner"> | undefined,
  request: Requester,
): Promise<CheckResult> {
  const name = "known-bad input";
  const waf = verification?.waf;
  if (verification?.webAclOwner === "firewall-manager") return skip(name, `${CENTRAL_KNOWN_BAD} (centralized governance: the web ACL is Firewall Manager's)`);
  if (waf?.knownBad === "firewall-manager") return skip(name, `${CENTRAL_KNOWN_BAD} (hybrid governance: a central rule group)`);
  if (!waf) return skip(name, "the stack manages no web ACL (or exports no verification output)");
  const target = targets.find((t) => t.kind !== "WEBSOCKET");
  if (!target) return skip(name, "no REST or HTTP API to send it to");
  const url = targetUrl(target.edgeUrl, target.path);
  let answer: ProbeAnswer;
  try {
    answer = await request(url, { headers: { [KNOWN_BAD_HEADER]: KNOWN_BAD_VALUE } });
  } catch (error) {
    return fail(name, `${url} -> no answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const seen = `${url} with a Log4j JNDI header -> ${describeAnswer(answer)}`;
  if (waf.knownBad === "passes") {
    const verdict = judgeEdge(target, answer);
    return verdict.ok ? pass(name, `${seen}: passed, as ${waf.mode === "count" ? "count rollout" : "the config"} wants`) : fail(name, `${seen}; expected it to pass (${verdict.evidence})`);
  }
  const blockedByWaf = answer.status === 403 && !fromApiGateway(answer);
  const json = answer.body.trim() === RESPONSE_BODIES.forbidden;
  if (waf.knownBad === "json-403") {
    return blockedByWaf && json
      ? pass(name, `${seen}: blocked by WAF with the JSON 403 (${KNOWN_BAD_RULE} is overridden to block)`)
      : fail(name, `${seen}; expected WAF's JSON 403 ${RESPONSE_BODIES.forbidden} (${KNOWN_BAD_RULE} is overridden to block)`);
  }
  return blockedByWaf
    ? pass(name, `${seen}: blocked by WAF with AWS WAF's default 403; ${MANAGED_BLOCKS}`)
    : fail(name, `${seen}; expected a 403 from WAF, not from API Gateway; ${MANAGED_BLOCKS}`);
}
