/**
 * The origin-request handler on CloudFront event fixtures: exact forwarded requests, every one accepted
 * by the independent verifier as the origin receives it.
 */
import assert from "node:assert/strict";
import type { CloudFrontRequest } from "aws-lambda";
import { createHandler } from "../../edge-functions/sigv4-signer/src/handler";
import { DEFAULT_SIGNER_SETTINGS } from "../../edge-functions/sigv4-signer/src/settings";
import { API_DOMAIN, CREDENTIALS_ENV, originRequestEvent, receivedBy, SIGNING_TIME, VERIFIER_KEYS } from "./support/events";
import { AUTHORIZATION, forward, logs, values, verify } from "./support/handlerHarness";
import { verifySigV4 } from "./support/verifySigV4";

describe("sigv4-signer handler: forwarded requests", () => {
  beforeEach(() => (logs.length = 0));

  it("GET: signs host, x-amz-date and the session token only, and leaves every other header as it was", async () => {
    const out = await forward({ uri: "/pets", headers: [["Accept", "application/json"]] });
    assert.equal(out.uri, "/pets");
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

  it("signs origin path + URI, as CloudFront forwards it", async () => {
    const out = await forward({ uri: "/pets/1", originPath: "/prod" });
    assert.deepEqual(verify(receivedBy(out)), { ok: true });
    const noOriginPath = await forward({ uri: "/pets/1", originPath: "" });
    assert.deepEqual(verify(receivedBy(noOriginPath)), { ok: true });
    assert.notEqual(out.headers.authorization[0].value, noOriginPath.headers.authorization[0].value);
  });

  for (const uri of ["/%40connections/x%3D", "/caf%C3%A9/%E1%88%B4", "/a%20b/c%2Fd", "/a;b=c/!$&'()*+,:@~", "/pets//1/", "/%7Euser/", "/"]) {
    it(`signs the encoded path ${uri} double-encoded`, async () => {
      const out = await forward({ uri });
      assert.equal(out.uri, uri);
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
    ["constructor=1&toString=2&hasOwnProperty=3", "constructor=1&toString=2&hasOwnProperty=3"],
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

  it("signs for a configured custom domain in its mapped region", async () => {
    const out = await forward({ domainName: "api.example.com", originPath: "" }, { customDomains: { "api.example.com": "ap-southeast-2" } });
    assert.match(out.headers.authorization[0].value, /\/20260301\/ap-southeast-2\/execute-api\/aws4_request,/);
    assert.deepEqual(verify(receivedBy(out), "ap-southeast-2"), { ok: true });
  });

  it("strips the longest configured prefix at a segment boundary before signing", async () => {
    const settings = { stripPrefixes: ["/rest", "/rest/v2", "/ws"] };
    const cases: [string, string][] = [["/rest/v2/pets", "/pets"], ["/rest/pets", "/pets"], ["/rest", "/"], ["/restful/x", "/restful/x"], ["/ws", "/"], ["/other", "/other"]];
    for (const [uri, stripped] of cases) {
      const out = await forward({ uri }, settings);
      assert.equal(out.uri, stripped, uri);
      assert.deepEqual(verify(receivedBy(out)), { ok: true });
    }
  });

  it("re-reads credentials when the reserved variables change", async () => {
    const env: Record<string, string | undefined> = { ...CREDENTIALS_ENV };
    const handler = createHandler(DEFAULT_SIGNER_SETTINGS, { env, now: () => SIGNING_TIME, log: (l) => logs.push(l) });
    const first = (await handler(originRequestEvent())) as CloudFrontRequest;
    env.AWS_ACCESS_KEY_ID = "ASIAROTATEDKEY000002";
    env.AWS_SESSION_TOKEN = "rotated-token";
    const second = (await handler(originRequestEvent())) as CloudFrontRequest;
    assert.match(first.headers.authorization[0].value, /Credential=ASIAEDGETESTKEY00001\//);
    assert.match(second.headers.authorization[0].value, /Credential=ASIAROTATEDKEY000002\//);
    assert.deepEqual(values(second, "x-amz-security-token"), ["X-Amz-Security-Token: rotated-token"]);
  });
});
