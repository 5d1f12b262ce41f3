/**
 * End to end on 127.0.0.1: a real HTTP client -> a local edge proxy running the BUNDLED handler, with
 * behaviours "/rest" and "/rest/*" on an origin that carries `X-Forwarded-Prefix: /rest` and "*" on one
 * without -> a local origin that verifies SigV4 like API Gateway. 200 through the edge, 403 around it.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { writeSignerBundle } from "../../edge-functions/sigv4-signer/build";
import { CREDENTIALS_ENV, originRequestEvent, VERIFIER_KEYS } from "./support/events";
import { close, send, startEdge, startOrigin, type LocalOrigin } from "./support/localEdge";
import type { Server } from "node:http";

const DOMAIN = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";

describe("sigv4-signer end to end (bundled handler, local edge and origin)", () => {
  let dir: string;
  let origin: LocalOrigin;
  let edge: { server: Server; port: number };
  const savedEnv = { ...process.env };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "signer-e2e-"));
    const file = join(dir, "index.js");
    // The two origins of the local edge: the default one and the one behind "/rest", both the same stage.
    const origins = ["", "/rest"].map((prefix) => ({ domain: DOMAIN, path: "/prod", prefix, region: "eu-west-1" }));
    writeSignerBundle(file, { origins, authorizationHeader: "x-forwarded-authorization" });
    Object.assign(process.env, CREDENTIALS_ENV);
    const { handler } = (await import(pathToFileURL(file).href)) as { handler: (e: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult> };
    origin = await startOrigin("eu-west-1", VERIFIER_KEYS);
    edge = await startEdge({ handler, domainName: DOMAIN, originPath: "/prod", originPort: origin.port, prefix: "/rest" });
  });

  after(async () => {
    await close(edge.server);
    await close(origin.server);
    for (const key of Object.keys(CREDENTIALS_ENV)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    rmSync(dir, { recursive: true, force: true });
  });

  it("GET through the edge: 200, prefix stripped, query canonical, viewer Authorization relocated", async () => {
    const reply = await send(edge.port, "GET", "/rest/pets/%40id/caf%C3%A9?b=2&a=1&a=0&q=a+b&bare", { Authorization: "Bearer app-token" });
    assert.equal(reply.status, 200, reply.body);
    const { headerNames, ...echoed } = JSON.parse(reply.body);
    assert.deepEqual(echoed, {
      path: "/prod/pets/%40id/caf%C3%A9",
      query: "b=2&a=1&a=0&q=a%20b&bare=",
      forwardedAuthorization: ["Bearer app-token"],
      forwardedPrefix: ["/rest"],
      bodyBytes: 0,
    });
    assert.deepEqual(headerNames, ["authorization", "connection", "host", "via", "x-amz-date", "x-amz-security-token", "x-forwarded-authorization", "x-forwarded-for", "x-forwarded-prefix"]);
  });

  it("a path CloudFront routes to the prefixed origin but would forward raw (//rest/pets): 400 from the edge, nothing forwarded", async () => {
    for (const path of ["//rest/pets", "/rest//pets", "/rest/..%2Fadmin", "/rest/%2e%2e/admin", "/rest/..;/admin", "/rest/%252e%252e/admin"]) {
      const reply = await send(edge.port, "GET", path);
      assert.deepEqual([reply.status, JSON.parse(reply.body).code], [400, "MALFORMED_REQUEST"], path);
    }
  });

  it("headers that steer the backend never reach it", async () => {
    const steering = { "X-HTTP-Method-Override": "DELETE", "X-Original-URL": "/admin", "X-Amz-Invocation-Type": "Event", "X-Apigw-Api-Id": "zzzzzzzzzz" };
    const reply = await send(edge.port, "POST", "/rest/pets", { ...steering, "Content-Length": "2" }, Buffer.from("{}"));
    assert.equal(reply.status, 200, reply.body);
    const { headerNames } = JSON.parse(reply.body);
    for (const name of Object.keys(steering)) assert.ok(!headerNames.includes(name.toLowerCase()), name);
  });

  // [viewer path, what the origin receives, X-Forwarded-Prefix it receives]
  const ROUTES: [string, string, string[] | null][] = [
    ["/rest", "/prod", ["/rest"]],
    ["/rest/", "/prod/", ["/rest"]],
    ["/rest/pets", "/prod/pets", ["/rest"]],
    ["/restful/pets", "/prod/restful/pets", null],
    ["/pets", "/prod/pets", null],
    ["/", "/prod/", null],
  ];
  for (const [viewerPath, path, prefix] of ROUTES) {
    it(`${viewerPath} through the edge reaches exactly ${path} (${prefix ? "prefixed origin" : "default origin"}), signed`, async () => {
      const reply = await send(edge.port, "GET", viewerPath, { "X-Forwarded-Prefix": "/forged" });
      assert.equal(reply.status, 200, reply.body);
      const echoed = JSON.parse(reply.body);
      assert.deepEqual([echoed.path, echoed.forwardedPrefix], [path, prefix]);
    });
  }

  it("a WebSocket handshake through the prefix reaches exactly the stage path, signed", async () => {
    const reply = await send(edge.port, "GET", "/rest?token=t1", {
      "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version": "13",
      "Sec-WebSocket-Protocol": "chat",
    });
    assert.equal(reply.status, 200, reply.body);
    assert.deepEqual([JSON.parse(reply.body).path, JSON.parse(reply.body).query], ["/prod", "token=t1"]);
  });

  it("POST JSON through the edge: 200 with the body hashed", async () => {
    const body = Buffer.from(JSON.stringify({ name: "Rex", kind: "dog" }));
    const reply = await send(edge.port, "POST", "/rest/pets", { "Content-Type": "application/json", "Content-Length": String(body.length) }, body);
    assert.equal(reply.status, 200, reply.body);
    assert.equal(JSON.parse(reply.body).bodyBytes, body.length);
  });

  it("a body over 1 MB: 413 from the edge with one log line, nothing forwarded", async () => {
    const lines: string[] = [];
    const consoleError = console.error;
    console.error = (line: string) => lines.push(line);
    try {
      const reply = await send(edge.port, "PUT", "/rest/big", { "Content-Type": "application/octet-stream" }, Buffer.alloc(1024 * 1024 + 1));
      assert.equal(reply.status, 413);
      assert.equal(JSON.parse(reply.body).code, "BODY_TRUNCATED");
    } finally {
      console.error = consoleError;
    }
    assert.equal(lines.length, 1);
    assert.equal(JSON.parse(lines[0]).code, "BODY_TRUNCATED");
  });

  it("straight to the origin: 403 without a signature, with a wrong one, and with an expired one", async () => {
    const unsigned = await send(origin.port, "GET", "/prod/pets", { Host: DOMAIN });
    assert.deepEqual([unsigned.status, JSON.parse(unsigned.body).message], [403, "missing Authorization"]);

    // Capture what the edge forwards by replaying its headers: the origin accepts the genuine copy...
    const captured = await captureSigned("/rest/pets");
    const replay = await send(origin.port, "GET", "/prod/pets", captured);
    assert.equal(replay.status, 200);
    // ...but not a tampered path, a forged signature, or the same request six minutes later.
    const tampered = await send(origin.port, "GET", "/prod/admin", captured);
    assert.deepEqual([tampered.status, JSON.parse(tampered.body).message], [403, "signature does not match"]);
    const forged = await send(origin.port, "GET", "/prod/pets", { ...captured, Authorization: captured.Authorization.replace(/Signature=\w+/, `Signature=${"0".repeat(64)}`) });
    assert.equal(forged.status, 403);
    origin.skewMs = 6 * 60 * 1000;
    try {
      const expired = await send(origin.port, "GET", "/prod/pets", captured);
      assert.deepEqual([expired.status, JSON.parse(expired.body).message], [403, "signature expired"]);
    } finally {
      origin.skewMs = 0;
    }
  });

  /** Runs the same bundled handler the edge uses and returns the signed headers it would forward. */
  async function captureSigned(uri: string): Promise<Record<string, string>> {
    const file = join(dir, "index.js");
    const { handler } = (await import(pathToFileURL(file).href)) as { handler: (e: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult> };
    const result = (await handler(originRequestEvent({ uri, originPath: "/prod", originPrefix: "/rest", domainName: DOMAIN }))) as { headers: Record<string, { key?: string; value: string }[]> };
    const headers: Record<string, string> = {};
    for (const name of ["host", "x-amz-date", "x-amz-security-token", "authorization"]) headers[result.headers[name][0].key ?? name] = result.headers[name][0].value;
    assert.equal((result as { uri?: string }).uri, "/prod/pets");
    return headers;
  }
});
