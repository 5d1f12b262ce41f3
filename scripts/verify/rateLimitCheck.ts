/**
 * The opt-in rate-limit probe: requests carrying the stack's probe token, one a second, until WAF answers the
 * JSON 429, bounded in count and time. WAF rate limiting lags: AWS says requests can exceed the limit for up to
 * several minutes before it acts, usually under 30 seconds (rate-based rule caveats).
 */
import { fromApiGateway } from "../../edge-functions/canary/src/judge";
import { targetUrl, type ProbeTarget } from "../../edge-functions/canary/src/targets";
import type { RateLimitProbe } from "../../components/monitoring/rateLimitProbe";
import { RESPONSE_BODIES } from "../../components/waf/toPulumiRules";
import type { Clock } from "./distributionCheck";
import type { Requester } from "./httpChecks";
import { CheckResult, fail, pass } from "./report";

export const PROBE_INTERVAL_MS = 1000;
const LAG = "AWS WAF rate limiting lags: usually under 30 s, up to several minutes";

export async function checkRateLimit(
  targets: readonly ProbeTarget[],
  probe: RateLimitProbe | undefined,
  bounds: { readonly timeoutSec: number; readonly maxRequests: number },
  request: Requester,
  clock: Clock,
  progress: (line: string) => void,
): Promise<CheckResult> {
  const name = "rate limit 429";
  if (!probe) return fail(name, "the stack has no rate-limit probe rule: set edge-security:monitoring.rateLimitProbe.enabled: true and deploy");
  const target = targets.find((t) => t.kind !== "WEBSOCKET");
  if (!target) return fail(name, "no REST or HTTP API to send the probe to");
  const url = targetUrl(target.edgeUrl, target.path);
  progress(`... rate-limit probe: up to ${bounds.maxRequests} requests to ${url}, one a second, expecting 429 past ${probe.limit} per ${probe.windowSec} s (${LAG})`);
  const start = clock.now();
  for (let sent = 1; sent <= bounds.maxRequests; sent++) {
    const elapsed = (clock.now() - start) / 1000;
    if (elapsed > bounds.timeoutSec) return fail(name, `no 429 after ${sent - 1} requests in ${Math.round(elapsed)} s (--probe-timeout ${bounds.timeoutSec}; ${LAG})`);
    const answer = await request(url, { headers: { [probe.headerName]: probe.token } }).catch(() => undefined);
    if (answer?.status === 429 && !fromApiGateway(answer)) {
      const body = answer.body.trim() === RESPONSE_BODIES["rate-limited"] ? "the JSON 429" : `a 429 with body ${answer.body.slice(0, 80)}`;
      const evidence = `${body}, Retry-After ${answer.headers["retry-after"] ?? "(none)"}, after ${sent} requests in ${Math.round(elapsed)} s (limit ${probe.limit} per ${probe.windowSec} s; ${LAG})`;
      return body === "the JSON 429" ? pass(name, evidence) : fail(name, evidence);
    }
    if (sent % 10 === 0) progress(`... rate-limit probe: ${sent} requests, ${Math.round(elapsed)} s, last answer ${answer?.status ?? "none"}`);
    await clock.sleep(PROBE_INTERVAL_MS);
  }
  return fail(name, `no 429 after ${bounds.maxRequests} requests (--probe-requests; ${LAG})`);
}
