/** The deploy-time validator of the baked-in signer settings: every problem reported, with field and allowed values. */
import assert from "node:assert/strict";
import { canonicalSignerSettings, DEFAULT_SIGNER_SETTINGS, signerSettingsProblems, type SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";

const valid: SignerSettings = {
  customDomains: { "api.example.com": "eu-west-1", "ws.example.org": "us-east-1" },
  authorizationHeader: "x-app-authorization",
};
const fields = (settings: SignerSettings) => signerSettingsProblems(settings).map((p) => [p.field, p.value]);

describe("sigv4-signer settings", () => {
  it("accepts the defaults and a full valid set; routing is no setting", () => {
    assert.deepEqual(DEFAULT_SIGNER_SETTINGS, { customDomains: {}, authorizationHeader: "x-forwarded-authorization" });
    assert.deepEqual(signerSettingsProblems(DEFAULT_SIGNER_SETTINGS), []);
    assert.deepEqual(signerSettingsProblems(valid), []);
  });

  for (const header of ["x-forwarded-authorization", "x-app-authorization", "x-forwarded-user-token", "x-a", "x-1"]) {
    it(`accepts the application header ${header}`, () => {
      assert.deepEqual(fields({ ...valid, authorizationHeader: header }), []);
    });
  }

  const CASES: [string, Partial<Record<keyof SignerSettings, unknown>>, [string, unknown][]][] = [
    ["custom domains that are not lowercase DNS names", { customDomains: { "API.example.com": "eu-west-1", "no_underscore.example.com": "eu-west-1", localhost: "eu-west-1" } },
      [["customDomains.API.example.com", "API.example.com"], ["customDomains.no_underscore.example.com", "no_underscore.example.com"], ["customDomains.localhost", "localhost"]]],
    ["a custom domain that is an execute-api domain", { customDomains: { "abc123.execute-api.eu-west-1.amazonaws.com": "eu-west-1" } },
      [["customDomains.abc123.execute-api.eu-west-1.amazonaws.com", "abc123.execute-api.eu-west-1.amazonaws.com"]]],
    ["an unknown region", { customDomains: { "api.example.com": "eu-west-9" } }, [["customDomains.api.example.com", "eu-west-9"]]],
    ["customDomains that is not an object", { customDomains: ["api.example.com"] }, [["customDomains", ["api.example.com"]]]],
    ["an authorization header that is not a string", { authorizationHeader: 7 }, [["authorizationHeader", 7]]],
  ];
  for (const [what, override, expected] of CASES) {
    it(`reports ${what}`, () => {
      assert.deepEqual(fields({ ...valid, ...override } as SignerSettings), expected);
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
      assert.match(problems[0].allowed, /not reserved \(x-forwarded-for, .*cloudfront-\*, x-amz-\*, x-amzn-\*, x-edge-\*, x-accel-\*\) nor dropped by the signer \(x-original-url, .*x-forwarded-prefix, x-amz-\*, x-apigw-\*\)/);
    });
  }

  it("reports every problem at once, each with what is allowed", () => {
    const problems = signerSettingsProblems({ customDomains: { "api.example.com": "mars-1" }, authorizationHeader: "host" });
    assert.deepEqual(problems.map((p) => p.field), ["customDomains.api.example.com", "authorizationHeader"]);
    assert.match(problems[0].allowed, /AWS region/);
    assert.match(problems[1].allowed, /x-/);
  });

  it("canonical form: domains sorted and fields in one order, so equal settings bake identically", () => {
    assert.deepEqual(
      JSON.stringify(canonicalSignerSettings({ authorizationHeader: "x-a", customDomains: { "b.example.com": "eu-west-1", "a.example.com": "us-east-1" } })),
      JSON.stringify({ customDomains: { "a.example.com": "us-east-1", "b.example.com": "eu-west-1" }, authorizationHeader: "x-a" }),
    );
  });
});
