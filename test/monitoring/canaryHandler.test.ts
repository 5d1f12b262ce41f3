import assert from "node:assert/strict";
import { createCanaryHandler } from "../../edge-functions/canary/src/handler";
import { probe } from "../../edge-functions/canary/src/probe";
import { targetProblems, targetUrl, type ProbeTarget } from "../../edge-functions/canary/src/targets";
import { API_GATEWAY_HEADERS, LocalServer, startServer } from "./support/localServers";

describe("canary handler against local servers", () => {
  let edge: LocalServer;
  let direct: LocalServer;
  let lines: string[];
  beforeEach(async () => {
    [edge, direct] = await Promise.all([startServer(), startServer()]);
    lines = [];
  });
  afterEach(() => Promise.all([edge.close(), direct.close()]));

  const rest = (): ProbeTarget => ({ name: "petstore", kind: "REST", edgeUrl: `${edge.url}/`, directUrl: `${direct.url}/prod/`, path: "pets", expectStatus: 200 });
  const ws = (): ProbeTarget => ({ name: "chat", kind: "WEBSOCKET", edgeUrl: `${edge.url.replace("http", "ws")}/ws`, directUrl: `${direct.url.replace("http", "ws")}/dev`, path: "" });
  const handler = (targets: ProbeTarget[]) => createCanaryHandler(targets, { log: (line) => lines.push(line) });

  it("passes when the edge answers the expected status and the direct URL answers 403, and logs one line per check", async () => {
    edge.route("/pets", { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" });
    direct.route("/prod/pets", { status: 403, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Missing Authentication Token" }) });
    assert.equal(await handler([rest()])(), "2 checks passed");
    assert.deepEqual(lines.map((l) => JSON.parse(l)), [
      { api: "petstore", check: "edge", url: `${edge.url}/pets`, ok: true, evidence: "200" },
      { api: "petstore", check: "direct", url: `${direct.url}/prod/pets`, ok: true, evidence: '403 {"message":"Missing Authentication Token"}' },
    ]);
    assert.equal(edge.seen[0].headers["user-agent"], "edge-security-probe/1");
  });

  it("fails the run when the direct URL serves an unsigned call, naming the check", async () => {
    edge.route("/pets", { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" });
    direct.route("/prod/pets", { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" });
    await assert.rejects(handler([rest()])(), { message: "1 of 2 checks failed: petstore direct: 200; expected 403 (no valid SigV4 signature)" });
  });

  it("reports the signer's failure code when the edge answers the signer's deliberate error", async () => {
    edge.route("/pets", { status: 500, headers: { "x-cache": "LambdaGeneratedResponse from cloudfront" }, body: JSON.stringify({ message: "Internal Server Error", code: "NO_CREDENTIALS", requestId: "r1" }) });
    direct.route("/prod/pets", { status: 403, headers: API_GATEWAY_HEADERS });
    await assert.rejects(handler([rest()])(), {
      message: '1 of 2 checks failed: petstore edge: 500 signer NO_CREDENTIALS {"message":"Internal Server Error"} (LambdaGeneratedResponse from cloudfront); expected 200 from API Gateway, and this answer did not come from it (WAF, CloudFront or the signer)',
    });
  });

  it("passes a configured status only from API Gateway: WAF's own 429 or the signer's 400 is no proof the request was signed", async () => {
    direct.route("/prod/pets", { status: 403, headers: API_GATEWAY_HEADERS });
    edge.route("/pets", { status: 429, headers: {}, body: JSON.stringify({ message: "rate-limited" }) });
    await assert.rejects(handler([{ ...rest(), expectStatus: 429 }])(), /petstore edge: 429 .*expected 429 from API Gateway, and this answer did not come from it/);
    edge.route("/pets", { status: 429, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Too Many Requests" }) });
    assert.equal(await handler([{ ...rest(), expectStatus: 429 }])(), "2 checks passed");
  });

  it("without an expected status, only a 2xx from API Gateway passes through the edge", async () => {
    const target: ProbeTarget = { ...rest(), name: "orders", path: "", expectStatus: undefined };
    direct.route("/prod/", { status: 403, headers: API_GATEWAY_HEADERS });
    edge.route("/", { status: 204, headers: API_GATEWAY_HEADERS });
    assert.equal(await handler([target])(), "2 checks passed");
    // An HTTP API answers 404 for an unknown route before it checks the signature: it proves nothing.
    edge.route("/", { status: 404, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Not Found" }) });
    await assert.rejects(handler([target])(), {
      message: '1 of 2 checks failed: orders edge: 404 {"message":"Not Found"}; expected 2xx from API Gateway; if the path has no method: set monitoring.apis.orders.path to a route with a method, and expectStatus',
    });
    edge.route("/", { status: 200, body: "<html>" });
    await assert.rejects(handler([target])(), { message: "1 of 2 checks failed: orders edge: 200; expected 2xx from API Gateway, and this answer did not come from it (WAF, CloudFront or the signer)" });
  });

  it("never passes a 403 through the edge: MissingAuthenticationToken is what an edge that lost the signer gets", async () => {
    const missing = { status: 403, headers: { ...API_GATEWAY_HEADERS, "x-amzn-errortype": "MissingAuthenticationTokenException" }, body: JSON.stringify({ message: "Missing Authentication Token" }) };
    const target: ProbeTarget = { ...rest(), name: "orders", path: "", expectStatus: undefined };
    direct.route("/prod/", missing);
    edge.route("/", missing);
    await assert.rejects(handler([target])(), {
      message: '1 of 2 checks failed: orders edge: 403 {"message":"Missing Authentication Token"}; a 403 through the edge never passes (expected 2xx from API Gateway): '
        + "MissingAuthenticationToken: API Gateway got no signature (has the behaviour lost the signer?) or the path has no method; "
        + "if the path has no method: set monitoring.apis.orders.path to a route with a method, and expectStatus",
    });
    assert.deepEqual(JSON.parse(lines.at(-1)!), { api: "orders", check: "direct", url: `${direct.url}/prod/`, ok: true, evidence: '403 {"message":"Missing Authentication Token"}' });
    edge.route("/", { status: 403, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Forbidden" }) });
    await assert.rejects(handler([{ ...target, expectStatus: 403 }])(), {
      message: "1 of 2 checks failed: orders edge: 403 {\"message\":\"Forbidden\"}; a 403 through the edge never passes (expected 403): API Gateway refused the signature or the signer's permission",
    });
    edge.route("/", { status: 403, body: JSON.stringify({ message: "Forbidden" }) });
    await assert.rejects(handler([target])(), /orders edge: 403 \{"message":"Forbidden"\}; a 403 through the edge never passes \(expected 2xx from API Gateway\): refused before API Gateway \(WAF or CloudFront\)$/);
  });

  it("WebSocket: the upgrade through the edge is accepted and the direct one refused with 403", async () => {
    edge.route("/ws", { status: 101, upgrade: true });
    direct.route("/dev", { status: 403, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Forbidden" }) });
    assert.equal(await handler([ws()])(), "2 checks passed");
    assert.equal(edge.seen[0].headers.upgrade, "websocket");
    assert.equal(edge.seen[0].headers["sec-websocket-version"], "13");
    direct.route("/dev", { status: 101, upgrade: true });
    await assert.rejects(handler([ws()])(), { message: "1 of 2 checks failed: chat direct: upgrade ACCEPTED without a signature" });
  });

  it("a server that does not answer in time fails the check instead of hanging the run", async () => {
    const stalled = await probe(`${edge.url}/x`, { timeoutMs: 5000 }).catch(() => undefined);
    assert.equal(stalled?.status, 404);
    const silent = { name: "slow", kind: "HTTP" as const, edgeUrl: "http://127.0.0.1:9/", directUrl: `${direct.url}/`, path: "", expectStatus: 200 };
    direct.route("/", { status: 403 });
    await assert.rejects(handler([silent])(), /slow edge: no answer: /);
  });

  it("caps a probe's body at 4 KB", async () => {
    edge.route("/big", { status: 200, body: "x".repeat(100_000) });
    assert.equal((await probe(`${edge.url}/big`)).body.length, 4096);
  });
});

describe("canary targets", () => {
  it("joins URLs and paths the way the edge and the stage root expect", () => {
    assert.equal(targetUrl("https://d.cloudfront.net/orders/", "health"), "https://d.cloudfront.net/orders/health");
    assert.equal(targetUrl("https://d.cloudfront.net/orders/", "/health"), "https://d.cloudfront.net/orders/health");
    assert.equal(targetUrl("wss://d.cloudfront.net/ws", ""), "wss://d.cloudfront.net/ws");
  });

  it("names every bad field at once", () => {
    const problems = targetProblems([
      { name: "a", kind: "REST", edgeUrl: "http://d/", directUrl: "ftp://x/", path: "/pets", expectStatus: 42 },
      { name: "a", kind: "WEBSOCKET", edgeUrl: "https://d/ws", directUrl: "wss://id.execute-api.eu-west-1.amazonaws.com/dev", path: "x" },
      { name: "b", kind: "HTTP", edgeUrl: "https://d/", directUrl: "https://id.execute-api.eu-west-1.amazonaws.com/", path: "", expectStatus: 403 },
    ]);
    assert.deepEqual(problems.map((p) => `${p.field}: ${p.allowed}`), [
      "targets[0].edgeUrl: allowed: an absolute https: URL",
      "targets[0].directUrl: allowed: an absolute https: URL",
      "targets[0].path: allowed: a URL path relative to the stage root, without a leading /",
      "targets[0].expectStatus: allowed: an HTTP status from 100 to 599",
      "targets[1].name: allowed: a name not already used by another target",
      "targets[1].edgeUrl: allowed: an absolute wss: URL",
      "targets[1].path: allowed: empty (a WebSocket probe is the upgrade itself)",
      "targets[2].expectStatus: allowed: an HTTP status from 100 to 599 but 403, which API Gateway answers to an unsigned request (through the edge it never passes)",
    ]);
  });
});
