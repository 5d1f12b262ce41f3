import assert from "node:assert/strict";
import { probe } from "../../edge-functions/canary/src/probe";
import { checkApis, checkKnownBad, KNOWN_BAD_HEADER, KNOWN_BAD_VALUE, targetsOf } from "../../scripts/verify/httpChecks";
import { checkRateLimit } from "../../scripts/verify/rateLimitCheck";
import { API_GATEWAY_HEADERS, LocalServer, startServer } from "../monitoring/support/localServers";
import { PROBE, VERIFICATION, outputs } from "./fixtures";

const FORBIDDEN_JSON = JSON.stringify({ message: "Forbidden" });
const WAF_DEFAULT_403 = "<HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY>403 ERROR</BODY></HTML>";

describe("verify: through the edge and direct", () => {
  let edge: LocalServer;
  let direct: LocalServer;
  beforeEach(async () => { [edge, direct] = await Promise.all([startServer(), startServer()]); });
  afterEach(() => Promise.all([edge.close(), direct.close()]));
  const stack = () => outputs(`${edge.url}/`, `${direct.url}/prod/`, `${edge.url.replace("http", "ws")}/ws`, `${direct.url.replace("http", "ws")}/prod`);
  const healthy = () => {
    edge.route("/pets", { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" });
    edge.route("/ws", { status: 101, upgrade: true });
    direct.route("/prod/pets", { status: 403, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Missing Authentication Token" }) });
    direct.route("/prod", { status: 403, headers: API_GATEWAY_HEADERS, body: FORBIDDEN_JSON });
  };

  it("probes each API as the verification output says: pets/200 through the edge, 403 directly, WebSocket upgrades", async () => {
    healthy();
    assert.deepEqual(await checkApis(targetsOf(stack()), probe), [
      { name: "api petstore through the edge", status: "pass", evidence: `${edge.url}/pets -> 200` },
      { name: "api petstore direct", status: "pass", evidence: `${direct.url}/prod/pets -> 403 {"message":"Missing Authentication Token"}` },
      { name: "api ws through the edge", status: "pass", evidence: `ws://127.0.0.1:${new URL(edge.url).port}/ws -> upgrade accepted (101)` },
      { name: "api ws direct", status: "pass", evidence: `ws://127.0.0.1:${new URL(direct.url).port}/prod -> upgrade refused: 403 {"message":"Forbidden"}` },
    ]);
  });

  it("fails a direct URL that serves unsigned calls and an edge that does not answer", async () => {
    healthy();
    direct.route("/prod/pets", { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" });
    edge.route("/ws", { status: 403, body: FORBIDDEN_JSON });
    const results = await checkApis(targetsOf(stack()), probe);
    assert.deepEqual(results.filter((r) => r.status === "fail").map((r) => r.evidence.split(" -> ")[1]), [
      "200; expected 403 (no valid SigV4 signature)",
      'upgrade refused: 403 {"message":"Forbidden"}',
    ]);
  });

  it("fails an edge that answers MissingAuthenticationToken (the signer lost, or no method there), and still judges the direct call", async () => {
    const { verification: _ignored, ...bare } = stack();
    const missing = { status: 403, headers: { ...API_GATEWAY_HEADERS, "x-amzn-errortype": "MissingAuthenticationTokenException" }, body: JSON.stringify({ message: "Missing Authentication Token" }) };
    edge.route("/", missing);
    direct.route("/prod/", missing);
    const [edgeResult, directResult] = await checkApis(targetsOf(bare).filter((t) => t.name === "petstore"), probe);
    assert.deepEqual(edgeResult, {
      name: "api petstore through the edge", status: "fail",
      evidence: `${edge.url}/ -> 403 {"message":"Missing Authentication Token"}; a 403 through the edge never passes (expected 2xx from API Gateway): `
        + "MissingAuthenticationToken: API Gateway got no signature (has the behaviour lost the signer?) or the path has no method; "
        + "if the path has no method: set monitoring.apis.petstore.path to a route with a method, and expectStatus",
    });
    assert.deepEqual(directResult, { name: "api petstore direct", status: "pass", evidence: `${direct.url}/prod/ -> 403 {"message":"Missing Authentication Token"}` });
  });

  it("without a verification output, the stage root is probed and only a 2xx from API Gateway counts through the edge", async () => {
    const { verification: _ignored, ...bare } = stack();
    assert.deepEqual(targetsOf(bare).map((t) => [t.name, t.path, t.expectStatus]), [["petstore", "", undefined], ["ws", "", undefined]]);
    edge.route("/", { status: 404, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Not Found" }) });
    direct.route("/prod/", { status: 403, headers: API_GATEWAY_HEADERS, body: FORBIDDEN_JSON });
    const [edgeResult] = await checkApis(targetsOf(bare).filter((t) => t.name === "petstore"), probe);
    assert.equal(edgeResult.evidence, `${edge.url}/ -> 404 {"message":"Not Found"}; expected 2xx from API Gateway; if the path has no method: set monitoring.apis.petstore.path to a route with a method, and expectStatus`);
  });

  it("known-bad input: WAF's default 403 passes when that is what the config gives; an API Gateway 403 does not", async () => {
    edge.route("/pets", (req) => (req.headers[KNOWN_BAD_HEADER] === KNOWN_BAD_VALUE ? { status: 403, headers: { "x-cache": "Error from cloudfront" }, body: WAF_DEFAULT_403 } : { status: 200, headers: API_GATEWAY_HEADERS }));
    const targets = targetsOf(stack());
    assert.deepEqual(await checkKnownBad(targets, { waf: VERIFICATION.waf }, probe), {
      name: "known-bad input", status: "pass",
      evidence: `${edge.url}/pets with a Log4j JNDI header -> 403 (Error from cloudfront): blocked by WAF with AWS WAF's default 403; `
        + "managed-rule blocks answer AWS WAF's default 403, not the web ACL's JSON 403, unless a rule is overridden to block (Log4JRCE_HEADER: block)",
    });
    assert.equal((await checkKnownBad(targets, { waf: { ...VERIFICATION.waf!, knownBad: "json-403" } }, probe)).status, "fail");
    edge.route("/pets", { status: 403, headers: API_GATEWAY_HEADERS, body: FORBIDDEN_JSON });
    assert.match((await checkKnownBad(targets, { waf: VERIFICATION.waf }, probe)).evidence, /expected a 403 from WAF, not from API Gateway; managed-rule blocks answer AWS WAF's default 403/);
  });

  it("known-bad input: the JSON 403 when the rule is overridden to block; in count rollout it passes to the API", async () => {
    edge.route("/pets", { status: 403, body: FORBIDDEN_JSON });
    const targets = targetsOf(stack());
    assert.equal((await checkKnownBad(targets, { waf: { ...VERIFICATION.waf!, knownBad: "json-403" } }, probe)).evidence,
      `${edge.url}/pets with a Log4j JNDI header -> 403 {"message":"Forbidden"}: blocked by WAF with the JSON 403 (Log4JRCE_HEADER is overridden to block)`);
    edge.route("/pets", { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" });
    assert.deepEqual(await checkKnownBad(targets, { waf: { ...VERIFICATION.waf!, mode: "count", knownBad: "passes" } }, probe), {
      name: "known-bad input", status: "pass", evidence: `${edge.url}/pets with a Log4j JNDI header -> 200: passed, as count rollout wants`,
    });
    assert.equal((await checkKnownBad(targets, undefined, probe)).status, "skip");
  });

  it("known-bad input: skipped, not judged, when Firewall Manager's policy runs Known Bad Inputs (hybrid) or owns the web ACL (centralized)", async () => {
    edge.route("/pets", { status: 403, body: WAF_DEFAULT_403 });
    const targets = targetsOf(stack());
    assert.deepEqual(await checkKnownBad(targets, { waf: { ...VERIFICATION.waf!, knownBad: "firewall-manager" } }, probe), {
      name: "known-bad input", status: "skip",
      evidence: "AWSManagedRulesKnownBadInputsRuleSet is run by Firewall Manager's policy; its action is the security team's (hybrid governance: a central rule group)",
    });
    assert.deepEqual(await checkKnownBad(targets, { webAclOwner: "firewall-manager" }, probe), {
      name: "known-bad input", status: "skip",
      evidence: "AWSManagedRulesKnownBadInputsRuleSet is run by Firewall Manager's policy; its action is the security team's (centralized governance: the web ACL is Firewall Manager's)",
    });
    assert.equal(edge.seen.length, 0, "nothing is sent when the check does not apply");
  });

  it("rate-limit probe: sends the token header one a second until WAF's JSON 429, and reports the lag", async () => {
    let n = 0;
    edge.route("/pets", (req) => {
      assert.equal(req.headers[PROBE.headerName], PROBE.token);
      n += 1;
      return n > 12 ? { status: 429, headers: { "retry-after": "60" }, body: JSON.stringify({ message: "Too Many Requests" }) } : { status: 200, headers: API_GATEWAY_HEADERS };
    });
    let now = 0;
    const slept: number[] = [];
    const lines: string[] = [];
    const result = await checkRateLimit(targetsOf(stack()), PROBE, { timeoutSec: 300, maxRequests: 200 }, probe, { now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; } }, (l) => lines.push(l));
    assert.deepEqual(result, {
      name: "rate limit 429", status: "pass",
      evidence: "the JSON 429, Retry-After 60, after 13 requests in 12 s (limit 10 per 60 s; AWS WAF rate limiting lags: usually under 30 s, up to several minutes)",
    });
    assert.equal(slept.length, 12);
    assert.equal(lines.length, 2);
  });

  it("rate-limit probe: bounded in requests and time, and refused without the probe rule", async () => {
    edge.route("/pets", { status: 200, headers: API_GATEWAY_HEADERS });
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => { now += ms; } };
    const targets = targetsOf(stack());
    assert.match((await checkRateLimit(targets, PROBE, { timeoutSec: 300, maxRequests: 15 }, probe, clock, () => undefined)).evidence, /^no 429 after 15 requests \(--probe-requests;/);
    now = 0;
    assert.match((await checkRateLimit(targets, PROBE, { timeoutSec: 30, maxRequests: 200 }, probe, clock, () => undefined)).evidence, /^no 429 after 31 requests in 31 s \(--probe-timeout 30;/);
    assert.match((await checkRateLimit(targets, undefined, { timeoutSec: 30, maxRequests: 20 }, probe, clock, () => undefined)).evidence, /rateLimitProbe\.enabled: true/);
    assert.equal(edge.seen.filter((r) => r.headers[PROBE.headerName] !== undefined).length, 46);
  });
});
