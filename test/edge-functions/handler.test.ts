/**
 * The origin-request handler on CloudFront event fixtures: exact forwarded requests, every one accepted
 * by the independent verifier as the origin receives it.
 */
import assert from "node:assert/strict";
import type { CloudFrontRequest } from "aws-lambda";
import { DROPPED_HEADER_NAMES, DROPPED_HEADER_PREFIXES } from "../../edge-functions/sigv4-signer/src/droppedHeaders";
import { createHandler } from "../../edge-functions/sigv4-signer/src/handler";
import { API_DOMAIN, CREDENTIALS_ENV, originRequestEvent, receivedBy, SIGNING_TIME, VERIFIER_KEYS } from "./support/events";
import { AUTHORIZATION, forward, handlerWith, logs, TEST_SETTINGS, values, verify } from "./support/handlerHarness";
import { returnedOriginProblems } from "./support/returnedOrigin";
import { READABLE_BODIES, STEERING_HEADERS } from "./support/refusals";
import { verifySigV4 } from "./support/verifySigV4";

describe("sigv4-signer handler: forwarded requests", () => {
  beforeEach(() => (logs.length = 0));

  it("GET: signs host, x-amz-date and the session token only, and leaves every other header as it was", async () => {
    const out = await forward({ uri: "/pets", headers: [["Accept", "application/json"]] });
    assert.equal(out.uri, "/prod/pets");
    assert.equal(out.origin?.custom?.path, "");
    assert.equal(out.querystring, "");
    assert.deepEqual(values(out, "host"), [`Host: ${API_DOMAIN}`]);
    assert.deepEqual(values(out, "x-amz-date"), ["X-Amz-Date: 20260301T102030Z"]);
    assert.deepEqual(values(out, "x-amz-security-token"), [`X-Amz-Security-Token: ${CREDENTIALS_ENV.AWS_SESSION_TOKEN}`]);
    assert.match(out.headers.authorization[0].value, AUTHORIZATION);
    assert.deepEqual(values(out, "via"), ["Via: 2.0 abc.cloudfront.net (CloudFront)"]);
    assert.deepEqual(values(out, "x-forwarded-for"), ["X-Forwarded-For: 203.0.113.10"]);
    assert.deepEqual(values(out, "user-agent"), ["User-Agent: test"]);
    assert.deepEqual(values(out, "accept"), ["Accept: application/json"]);
    assert.equal(out.headers["x-forwarded-authorization"], undefined);
    assert.equal(out.headers["x-amz-content-sha256"], undefined);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
    assert.deepEqual(logs, []);
  });

  it("GET: the verifier rejects the same request at another path, region or time (the checks can fail)", async () => {
    const out = await forward({ uri: "/pets" });
    assert.equal(verify({ ...receivedBy(out), path: "/pets" }).ok, false);
    assert.equal(verify({ ...receivedBy(out), path: "/prod/prod/pets" }).ok, false);
    assert.equal(verify(receivedBy(out), "us-east-1").ok, false);
    assert.deepEqual(
      verifySigV4(receivedBy(out), { region: "eu-west-1", service: "execute-api", now: new Date(SIGNING_TIME.getTime() + 301_000), keys: VERIFIER_KEYS }),
      { ok: false, reason: "signature expired" },
    );
  });

  it("POST JSON: hashes the exact body bytes", async () => {
    const body = Buffer.from(JSON.stringify({ name: "Rex", tags: ["ü", "🐶"] }));
    const out = await forward({ method: "POST", uri: "/pets", body, headers: [["Content-Type", "application/json"], ["Content-Length", String(body.length)]] });
    assert.deepEqual(verify(receivedBy(out, body)), { ok: true });
    assert.deepEqual(verify(receivedBy(out, Buffer.concat([body, Buffer.from(" ")]))), { ok: false, reason: "signature does not match" });
    assert.equal(out.body?.data, body.toString("base64"));
  });

  for (const [what, input] of READABLE_BODIES) {
    it(`forwards a body every reader decodes as WAF does, signed with its hash: ${what}`, async () => {
      const out = await forward(input);
      assert.deepEqual(verify(receivedBy(out, input.body)), { ok: true });
    });
  }

  it("signs origin path + URI and forwards it whole as the URI, with the origin path emptied and the rest of the origin kept", async () => {
    const event = originRequestEvent({ uri: "/pets/1", originPath: "/prod" });
    const out = await forward({ uri: "/pets/1", originPath: "/prod" });
    assert.equal(out.uri, "/prod/pets/1");
    assert.deepEqual(out.origin, { custom: { ...event.Records[0].cf.request.origin!.custom!, path: "" } });
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
    const noOriginPath = await forward({ uri: "/pets/1", originPath: "" });
    assert.equal(noOriginPath.uri, "/pets/1");
    assert.deepEqual(verify(receivedBy(noOriginPath)), { ok: true });
    assert.notEqual(out.headers.authorization[0].value, noOriginPath.headers.authorization[0].value);
  });

  it("signs non-ASCII paths whose NFKC form adds no delimiter (accents, CJK, ①, ﬁ) as written", async () => {
    for (const uri of ["/caf%C3%A9", "/%E6%97%A5%E6%9C%AC/%E6%9D%B1%E4%BA%AC", "/items/%E2%91%A0", "/%EF%AC%81le"]) {
      const out = await forward({ uri, originPath: "/prod" });
      assert.equal(out.uri, `/prod${uri}`);
      assert.deepEqual(verify(receivedBy(out)), { ok: true }, uri);
    }
  });

  it("returns the connection pinned to HTTPS on 443 with TLS 1.2, whatever the origin said (a signed request never in clear text)", async () => {
    const event = originRequestEvent({ uri: "/pets" });
    const custom = event.Records[0].cf.request.origin!.custom!;
    Object.assign(custom, { protocol: "http", port: 80, sslProtocols: ["SSLv3", "TLSv1"] });
    const out = (await handlerWith()(event)) as CloudFrontRequest;
    assert.deepEqual(out.origin, { custom: { ...custom, path: "", protocol: "https", port: 443, sslProtocols: ["TLSv1.2"] } });
    assert.deepEqual(returnedOriginProblems(out.origin!.custom!), []);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
  });

  // [viewer URI, forwarded in RFC 3986 normal form: escapes of unreserved characters decoded, other escapes in uppercase hex]
  const ENCODED: [string, string][] = [
    ["/%40connections/x%3D", "/%40connections/x%3D"],
    ["/caf%C3%A9/%E1%88%B4", "/caf%C3%A9/%E1%88%B4"],
    ["/caf%c3%a9/%e1%88%b4", "/caf%C3%A9/%E1%88%B4"],
    ["/a%20b/c%40d%2Ce", "/a%20b/c%40d%2Ce"],
    ["/a=b,c/!$&'()*+:@~", "/a=b,c/!$&'()*+:@~"],
    ["/100%25/x%25zz", "/100%25/x%25zz"],
    ["/v1.0/.hidden/a.b", "/v1.0/.hidden/a.b"],
    ["/pets/1/", "/pets/1/"],
    ["/%7Euser/", "/~user/"],
    ["/%70ets/%41%2d%2E%5f%7e/a%2eb", "/pets/A-._~/a.b"],
    ["/.well-known/x..y", "/.well-known/x..y"],
    ["/", "/"],
  ];
  for (const [uri, forwarded] of ENCODED) {
    it(`forwards ${uri} as ${forwarded}, signed double-encoded`, async () => {
      const out = await forward({ uri, originPath: "" });
      assert.equal(out.uri, forwarded);
      assert.deepEqual(verify(receivedBy(out)), { ok: true });
    });
  }

  const QUERIES: [string, string][] = [
    ["b=2&a=1&a=0", "b=2&a=1&a=0"],
    ["empty=&bare&k=v", "empty=&bare=&k=v"],
    ["a=1&&b=2&", "a=1&b=2"],
    ["q=a+b", "q=a%20b"],
    ["q=a%2Bb&r=%2b", "q=a%2Bb&r=%2B"],
    ["x=%7e&y=%7E&z=~", "x=~&y=~&z=~"],
    ["k=%e1%88%b4&%E1%88%B4=v", "k=%E1%88%B4&%E1%88%B4=v"],
    ["filter[name]=rex&ids[]=1&ids[]=2", "filter%5Bname%5D=rex&ids%5B%5D=1&ids%5B%5D=2"],
    ["a=b=c&e=!'()*", "a=b%3Dc&e=%21%27%28%29%2A"],
    ["constructor=1&toString=2&hasOwnProperty=3&prototype=4", "constructor=1&toString=2&hasOwnProperty=3&prototype=4"],
    ["filter[constructorName]=x&a.b=c&method=x&_methods=y", "filter%5BconstructorName%5D=x&a.b=c&method=x&_methods=y"],
    ["q=line%20one%2C%20two&tab=%E2%80%83", "q=line%20one%2C%20two&tab=%E2%80%83"],
  ];
  for (const [input, forwarded] of QUERIES) {
    it(`forwards the query ${input} exactly as signed: ${forwarded}`, async () => {
      const out = await forward({ querystring: input });
      assert.equal(out.querystring, forwarded);
      assert.deepEqual(verify(receivedBy(out)), { ok: true });
    });
  }

  it("keeps multi-value headers as they were", async () => {
    const out = await forward({ headers: [["Accept", "text/html"], ["Accept", "application/json"], ["X-Trace", "a"], ["X-Trace", "b"]] });
    assert.deepEqual(values(out, "accept"), ["Accept: text/html", "Accept: application/json"]);
    assert.deepEqual(values(out, "x-trace"), ["X-Trace: a", "X-Trace: b"]);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
  });

  it("moves the viewer's Authorization to x-forwarded-authorization", async () => {
    const out = await forward({ headers: [["Authorization", "Bearer viewer-token"]] });
    assert.deepEqual(values(out, "x-forwarded-authorization"), ["x-forwarded-authorization: Bearer viewer-token"]);
    assert.match(out.headers.authorization[0].value, AUTHORIZATION);
    assert.equal(out.headers.authorization.length, 1);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
  });

  it("moves it to the configured header, and drops a viewer-forged one when the viewer sent no Authorization", async () => {
    const moved = await forward({ headers: [["Authorization", "Basic dXNlcg=="], ["X-App-Auth", "forged"]] }, { authorizationHeader: "x-app-auth" });
    assert.deepEqual(values(moved, "x-app-auth"), ["x-app-auth: Basic dXNlcg=="]);
    const forged = await forward({ headers: [["X-Forwarded-Authorization", "Bearer forged"]] });
    assert.equal(forged.headers["x-forwarded-authorization"], undefined);
    // Rack, PHP and Django read X_Forwarded_Authorization as X-Forwarded-Authorization: dropped in that spelling too.
    const underscored = await forward({ headers: [["Authorization", "Bearer real"], ["X_Forwarded_Authorization", "Bearer forged"], ["X_App_Auth", "forged"]] }, { authorizationHeader: "x-app-auth" });
    assert.deepEqual(values(underscored, "x-app-auth"), ["x-app-auth: Bearer real"]);
    assert.equal(underscored.headers.x_app_auth, undefined);
    assert.deepEqual(values(underscored, "x_forwarded_authorization"), ["X_Forwarded_Authorization: Bearer forged"], "only the configured header is the relocation one");
  });

  it("replaces viewer-supplied x-amz-date, x-amz-security-token and x-amz-content-sha256", async () => {
    const out = await forward({
      headers: [["X-Amz-Date", "20000101T000000Z"], ["X-Amz-Security-Token", "viewer"], ["X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"]],
    });
    assert.deepEqual(values(out, "x-amz-date"), ["X-Amz-Date: 20260301T102030Z"]);
    assert.deepEqual(values(out, "x-amz-security-token"), [`X-Amz-Security-Token: ${CREDENTIALS_ENV.AWS_SESSION_TOKEN}`]);
    assert.equal(out.headers["x-amz-content-sha256"], undefined);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
  });

  it("drops the viewer headers that steer API Gateway or the backend, and leaves X-Amz-Cf-* to CloudFront", async () => {
    const steering = STEERING_HEADERS;
    const out = await forward({ method: "POST", body: Buffer.from("{}"), headers: [...steering.map((name): [string, string] => [name, "DELETE"]), ["X-Amz-Cf-Id", "cf-id"], ["X-Amzn-Trace-Id", "Root=1-abc"], ["X-Keep", "1"]] });
    for (const name of steering) assert.equal(out.headers[name.toLowerCase()], undefined, name);
    assert.deepEqual(values(out, "x-amz-cf-id"), ["X-Amz-Cf-Id: cf-id"], "Lambda@Edge lets no function touch X-Amz-Cf-*");
    assert.deepEqual(values(out, "x-amzn-trace-id"), ["X-Amzn-Trace-Id: Root=1-abc"]);
    assert.deepEqual(values(out, "x-keep"), ["X-Keep: 1"]);
    assert.deepEqual(Object.keys(out.headers).filter((name) => name.startsWith("x-amz-")).sort(), ["x-amz-cf-id", "x-amz-date", "x-amz-security-token"]);
    assert.deepEqual(verify(receivedBy(out, Buffer.from("{}"))), { ok: true });
  });

  it("drops exactly the documented list", () => {
    assert.deepEqual(DROPPED_HEADER_PREFIXES, ["x-amz-", "x-apigw-"]);
    assert.deepEqual(DROPPED_HEADER_NAMES, [
      "x-original-url", "x-rewrite-url", "x-original-uri", "x-forwarded-uri",
      "x-http-method-override", "x-http-method", "x-method-override", "x-original-method",
      "x-forwarded-prefix", "x-forwarded-host", "forwarded",
    ]);
  });

  it("signs for a baked origin in the region the list gives it, with the listed domain as Host", async () => {
    const origins = [{ domain: "api.example.com", path: "", prefix: "", region: "ap-southeast-2" }];
    const out = await forward({ domainName: "API.Example.com", originPath: "" }, { origins });
    assert.match(out.headers.authorization[0].value, /\/20260301\/ap-southeast-2\/execute-api\/aws4_request,/);
    assert.deepEqual(values(out, "host"), ["Host: api.example.com"]);
    assert.deepEqual(verify(receivedBy(out), "ap-southeast-2"), { ok: true });
  });

  // [origin prefix, origin path, viewer URI, the path the origin receives]
  const PREFIXED: [string | undefined, string, string, string][] = [
    ["/ws", "/prod", "/ws", "/prod"],
    ["/ws", "/prod", "/ws/", "/prod/"],
    ["/ws", "/prod", "/ws/x", "/prod/x"],
    ["/ws", "/prod", "/ws/a/b/", "/prod/a/b/"],
    ["/ws", "", "/ws", "/"],
    ["/ws", "", "/ws/", "/"],
    ["/ws", "", "/ws/pets", "/pets"],
    ["/v1/ws", "/live", "/v1/ws", "/live"],
    ["/v1/ws", "/live", "/v1/ws/pets", "/live/pets"],
    ["/a.b~c", "/prod", "/a.b~c/x", "/prod/x"],
    ["/ws", "/prod", "/%77s/x", "/prod/x"],
    [undefined, "/prod", "/ws", "/prod/ws"],
    [undefined, "/prod", "/ws/x", "/prod/ws/x"],
    [undefined, "", "/", "/"],
  ];
  for (const [prefix, originPath, uri, path] of PREFIXED) {
    it(`${prefix === undefined ? "no prefix header" : `prefix ${prefix}`}, origin path "${originPath}": ${uri} reaches exactly ${path}`, async () => {
      const out = await forward({ uri, originPath, originPrefix: prefix, querystring: "a=1" });
      assert.equal(out.uri, path);
      assert.equal(out.origin?.custom?.path, "");
      assert.equal(out.querystring, "a=1");
      assert.equal(receivedBy(out).path, path);
      assert.deepEqual(verify(receivedBy(out)), { ok: true });
      assert.equal(out.headers["x-forwarded-prefix"], undefined, "only CloudFront sends X-Forwarded-Prefix, as an origin custom header");
      assert.deepEqual(out.origin?.custom?.customHeaders, prefix === undefined ? {} : { "x-forwarded-prefix": [{ key: "X-Forwarded-Prefix", value: prefix }] });
    });
  }

  it("drops viewer headers named like an origin custom header (Lambda@Edge would reject the result) and a viewer X-Forwarded-Prefix everywhere", async () => {
    const out = await forward({
      uri: "/ws/x",
      originPrefix: "/ws",
      originHeaders: [["X-Origin-Verify", "edge-secret"]],
      headers: [["X-Forwarded-Prefix", "/admin"], ["X-Origin-Verify", "forged"], ["X-Keep", "1"]],
    });
    assert.equal(out.headers["x-forwarded-prefix"], undefined);
    assert.equal(out.headers["x-origin-verify"], undefined);
    assert.deepEqual(values(out, "x-keep"), ["X-Keep: 1"]);
    for (const name of Object.keys(out.origin!.custom!.customHeaders)) assert.ok(!(name in out.headers), name);
    assert.deepEqual(out.origin?.custom?.customHeaders["x-origin-verify"], [{ key: "X-Origin-Verify", value: "edge-secret" }]);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });

    const defaultOrigin = await forward({ uri: "/pets", headers: [["X-Forwarded-Prefix", "/admin"]] });
    assert.equal(defaultOrigin.headers["x-forwarded-prefix"], undefined);
    assert.equal(defaultOrigin.uri, "/prod/pets");
  });

  it("WebSocket connect through a prefix: the upgrade GET reaches exactly the stage, Sec-WebSocket-* untouched, signed", async () => {
    // CloudFront keeps Connection and Upgrade away from Lambda@Edge; the function sees a GET with the Sec-WebSocket-* headers.
    const ws: [string, string][] = [
      ["Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="],
      ["Sec-WebSocket-Version", "13"],
      ["Sec-WebSocket-Protocol", "chat, superchat"],
      ["Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"],
      ["Origin", "https://app.example.com"],
    ];
    const out = await forward({ method: "GET", uri: "/ws", querystring: "token=abc", originPrefix: "/ws", originPath: "/prod", headers: [...ws, ["Authorization", "Bearer app"]] });
    assert.equal(out.uri, "/prod");
    assert.equal(out.querystring, "token=abc");
    for (const [name, value] of ws) assert.deepEqual(values(out, name.toLowerCase()), [`${name}: ${value}`]);
    assert.match(out.headers.authorization[0].value, AUTHORIZATION);
    assert.deepEqual(values(out, "x-forwarded-authorization"), ["x-forwarded-authorization: Bearer app"]);
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
    assert.equal(verify({ ...receivedBy(out), path: "/prod/" }).ok, false, "the stage with a trailing slash is another path");
  });

  it("re-reads credentials when the reserved variables change", async () => {
    const env: Record<string, string | undefined> = { ...CREDENTIALS_ENV };
    const handler = createHandler(TEST_SETTINGS, { env, now: () => SIGNING_TIME, log: (l) => logs.push(l) });
    const first = (await handler(originRequestEvent())) as CloudFrontRequest;
    env.AWS_ACCESS_KEY_ID = "ASIAROTATEDKEY000002";
    env.AWS_SESSION_TOKEN = "rotated-token";
    const second = (await handler(originRequestEvent())) as CloudFrontRequest;
    assert.match(first.headers.authorization[0].value, /Credential=ASIAEDGETESTKEY00001\//);
    assert.match(second.headers.authorization[0].value, /Credential=ASIAROTATEDKEY000002\//);
    assert.deepEqual(values(second, "x-amz-security-token"), ["X-Amz-Security-Token: rotated-token"]);
  });
});
