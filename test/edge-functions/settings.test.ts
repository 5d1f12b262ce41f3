/** The deploy-time validator of the baked-in signer settings: every problem reported, with field and allowed values. */
import assert from "node:assert/strict";
import { authorizationHeaderProblems, canonicalSignerSettings, signerSettingsProblems, type SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";

const REST = { domain: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", path: "/prod", prefix: "", region: "eu-west-1" };
const WS = { domain: "f6g7h8i9j0.execute-api.us-east-1.amazonaws.com", path: "/live", prefix: "/ws", region: "us-east-1" };
const valid: SignerSettings = {
  origins: [REST, WS, { domain: "api.example.com", path: "", prefix: "/v1/orders", region: "ap-southeast-2" }],
  authorizationHeader: "x-app-authorization",
};
const fields = (settings: SignerSettings) => signerSettingsProblems(settings).map((p) => [p.field, p.value]);

describe("sigv4-signer settings", () => {
  it("accepts a full valid set: origins of any domain in an explicit region, and the default header", () => {
    assert.deepEqual(signerSettingsProblems(valid), []);
    assert.deepEqual(signerSettingsProblems({ origins: [REST], authorizationHeader: "x-forwarded-authorization" }), []);
  });

  const ORIGIN_CASES: [string, unknown, [string, unknown][]][] = [
    ["no origins", [], [["origins", []]]],
    ["origins that are not a list", { a: REST }, [["origins", { a: REST }]]],
    ["a domain that is not a lowercase DNS name", [{ ...REST, domain: "API.example.com" }], [["origins[0].domain", "API.example.com"]]],
    ["a domain with a port", [{ ...REST, domain: "api.example.com:443" }], [["origins[0].domain", "api.example.com:443"]]],
    ["an origin path with a trailing slash", [{ ...REST, path: "/prod/" }], [["origins[0].path", "/prod/"]]],
    ["an origin path without a leading slash", [{ ...REST, path: "prod" }], [["origins[0].path", "prod"]]],
    ["an origin path with an escape", [{ ...REST, path: "/pr%6Fd" }], [["origins[0].path", "/pr%6Fd"]]],
    ["an origin path with a dot-segment", [{ ...REST, path: "/a/../b" }], [["origins[0].path", "/a/../b"]]],
    ["a prefix of \"/\"", [{ ...REST, prefix: "/" }], [["origins[0].prefix", "/"]]],
    ["a prefix with a wildcard", [{ ...REST, prefix: "/ws/*" }], [["origins[0].prefix", "/ws/*"]]],
    ["a prefix that is not a string", [{ ...REST, prefix: undefined }], [["origins[0].prefix", undefined]]],
    ["an unknown region", [{ ...REST, domain: "api.example.com", region: "eu-west-9" }], [["origins[0].region", "eu-west-9"]]],
    ["an execute-api domain signed for another region", [{ ...REST, region: "us-east-1" }], [["origins[0].region", "us-east-1"]]],
    ["the same origin twice", [REST, { ...REST, region: "eu-west-1" }], [["origins[1]", REST]]],
  ];
  for (const [what, origins, expected] of ORIGIN_CASES) {
    it(`reports ${what}`, () => {
      assert.deepEqual(fields({ ...valid, origins } as SignerSettings), expected);
    });
  }

  it("accepts the same API behind two prefixes or at two stages", () => {
    assert.deepEqual(fields({ ...valid, origins: [REST, { ...REST, prefix: "/a" }, { ...REST, path: "/beta" }] }), []);
  });

  it("says what region an execute-api domain needs", () => {
    assert.match(signerSettingsProblems({ ...valid, origins: [{ ...REST, region: "us-east-1" }] })[0].allowed, /"eu-west-1", the region in the execute-api domain/);
  });

  it("checks the authorization header alone for the deploy-time config, with the same rules", () => {
    assert.deepEqual(authorizationHeaderProblems("x-forwarded-authorization"), []);
    assert.deepEqual(authorizationHeaderProblems("x-original-url").map((p) => p.field), ["authorizationHeader"]);
    assert.deepEqual(authorizationHeaderProblems(7).map((p) => [p.field, p.value]), [["authorizationHeader", 7]]);
  });

  for (const header of ["x-forwarded-authorization", "x-app-authorization", "x-forwarded-user-token", "x-a", "x-1"]) {
    it(`accepts the application header ${header}`, () => {
      assert.deepEqual(fields({ ...valid, authorizationHeader: header }), []);
    });
  }

  // Headers the handler would overwrite or delete on every request: standard ones, the edge's own, CloudFront's and AWS's.
  const NOT_AN_APPLICATION_HEADER = [
    "authorization", "cookie", "origin", "accept", "user-agent", "referer", "te", "forwarded", "host", "content-type", "via",
    "cloudfront-viewer-country", "cloudfront-is-mobile-viewer", "sec-websocket-key", "proxy-authorization",
    "X-Auth", "x_auth", "x-", "x", "x-auth ", "x-ä", "-x-auth", `x-${"a".repeat(62)}`, "",
  ];
  const RESERVED = [
    "x-forwarded-prefix", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "x-cache",
    "x-amz-cf-id", "x-amz-date", "x-amzn-trace-id", "x-edge-location", "x-accel-redirect",
    "x-original-url", "x-rewrite-url", "x-http-method-override", "x-http-method", "x-method-override", "x-apigw-api-id",
  ];
  for (const header of NOT_AN_APPLICATION_HEADER) {
    it(`refuses ${JSON.stringify(header)} as the authorization header: not an x- application header`, () => {
      const problems = signerSettingsProblems({ ...valid, authorizationHeader: header });
      assert.deepEqual(problems.map((p) => [p.field, p.value]), [["authorizationHeader", header]]);
      assert.match(problems[0].allowed, /starting with "x-"/);
    });
  }
  for (const header of RESERVED) {
    it(`refuses ${header} as the authorization header: reserved`, () => {
      const problems = signerSettingsProblems({ ...valid, authorizationHeader: header });
      assert.deepEqual(problems.map((p) => [p.field, p.value]), [["authorizationHeader", header]]);
      assert.match(problems[0].allowed, /not reserved \(x-forwarded-for, .*cloudfront-\*, x-amz-\*, x-amzn-\*, x-edge-\*, x-accel-\*\) nor dropped by the signer \(x-original-url, .*x-forwarded-prefix, x-forwarded-host, forwarded, x-amz-\*, x-apigw-\*\)/);
    });
  }

  it("reports every problem at once, each with what is allowed", () => {
    const problems = signerSettingsProblems({ origins: [{ ...REST, region: "mars-1" }], authorizationHeader: "host" });
    assert.deepEqual(problems.map((p) => p.field), ["origins[0].region", "authorizationHeader"]);
    assert.match(problems[0].allowed, /AWS region/);
    assert.match(problems[1].allowed, /x-/);
  });

  it("canonical form: origins sorted by domain, path and prefix, fields in one order, so equal settings bake identically", () => {
    const shuffled = { authorizationHeader: "x-a", origins: [{ region: "us-east-1", prefix: "/ws", path: "/live", domain: WS.domain }, { ...REST, prefix: "/b" }, REST] } as SignerSettings;
    assert.equal(
      JSON.stringify(canonicalSignerSettings(shuffled)),
      JSON.stringify({ origins: [REST, { ...REST, prefix: "/b" }, WS], authorizationHeader: "x-a" }),
    );
  });
});
