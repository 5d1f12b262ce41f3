/** The deploy-time validator of the baked-in signer settings: every problem reported, with field and allowed values. */
import assert from "node:assert/strict";
import { canonicalSignerSettings, DEFAULT_SIGNER_SETTINGS, signerSettingsProblems, type SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";

const valid: SignerSettings = {
  customDomains: { "api.example.com": "eu-west-1", "ws.example.org": "us-east-1" },
  authorizationHeader: "x-app-authorization",
  stripPrefixes: ["/rest", "/v1/ws", "/a.b~c"],
};
const fields = (settings: SignerSettings) => signerSettingsProblems(settings).map((p) => [p.field, p.value]);

describe("sigv4-signer settings", () => {
  it("accepts the defaults and a full valid set", () => {
    assert.deepEqual(DEFAULT_SIGNER_SETTINGS, { customDomains: {}, authorizationHeader: "x-forwarded-authorization", stripPrefixes: [] });
    assert.deepEqual(signerSettingsProblems(DEFAULT_SIGNER_SETTINGS), []);
    assert.deepEqual(signerSettingsProblems(valid), []);
  });

  const CASES: [string, Partial<Record<keyof SignerSettings, unknown>>, [string, unknown][]][] = [
    ["custom domains that are not lowercase DNS names", { customDomains: { "API.example.com": "eu-west-1", "no_underscore.example.com": "eu-west-1", localhost: "eu-west-1" } },
      [["customDomains.API.example.com", "API.example.com"], ["customDomains.no_underscore.example.com", "no_underscore.example.com"], ["customDomains.localhost", "localhost"]]],
    ["a custom domain that is an execute-api domain", { customDomains: { "abc123.execute-api.eu-west-1.amazonaws.com": "eu-west-1" } },
      [["customDomains.abc123.execute-api.eu-west-1.amazonaws.com", "abc123.execute-api.eu-west-1.amazonaws.com"]]],
    ["an unknown region", { customDomains: { "api.example.com": "eu-west-9" } }, [["customDomains.api.example.com", "eu-west-9"]]],
    ["customDomains that is not an object", { customDomains: ["api.example.com"] }, [["customDomains", ["api.example.com"]]]],
    ["an authorization header with bad characters", { authorizationHeader: "X_Auth" }, [["authorizationHeader", "X_Auth"]]],
    ["an authorization header that is not a string", { authorizationHeader: 7 }, [["authorizationHeader", 7]]],
    ["the Authorization header itself", { authorizationHeader: "authorization" }, [["authorizationHeader", "authorization"]]],
    ["a header CloudFront forbids", { authorizationHeader: "x-amz-cf-auth" }, [["authorizationHeader", "x-amz-cf-auth"]]],
    ["a read-only header", { authorizationHeader: "via" }, [["authorizationHeader", "via"]]],
    ["an x-amzn- header", { authorizationHeader: "x-amzn-auth" }, [["authorizationHeader", "x-amzn-auth"]]],
    ["prefixes that are not paths", { stripPrefixes: ["rest", "/rest/", "/", "/rest/*", "/a?b", "/%41", "/a/../b", 3] },
      [["stripPrefixes[0]", "rest"], ["stripPrefixes[1]", "/rest/"], ["stripPrefixes[2]", "/"], ["stripPrefixes[3]", "/rest/*"], ["stripPrefixes[4]", "/a?b"], ["stripPrefixes[5]", "/%41"], ["stripPrefixes[6]", "/a/../b"], ["stripPrefixes[7]", 3]]],
    ["a repeated prefix", { stripPrefixes: ["/rest", "/ws", "/rest"] }, [["stripPrefixes[2]", "/rest"]]],
    ["stripPrefixes that is not a list", { stripPrefixes: "/rest" }, [["stripPrefixes", "/rest"]]],
  ];
  for (const [what, override, expected] of CASES) {
    it(`reports ${what}`, () => {
      assert.deepEqual(fields({ ...valid, ...override } as SignerSettings), expected);
    });
  }

  it("reports every problem at once, each with what is allowed", () => {
    const problems = signerSettingsProblems({ customDomains: { "api.example.com": "mars-1" }, authorizationHeader: "host", stripPrefixes: ["x"] });
    assert.deepEqual(problems.map((p) => p.field), ["customDomains.api.example.com", "authorizationHeader", "stripPrefixes[0]"]);
    assert.match(problems[0].allowed, /AWS region/);
    assert.match(problems[1].allowed, /not reserved/);
    assert.match(problems[2].allowed, /leading '\/'/);
  });

  it("canonical form: domains sorted, prefixes longest first, so equal settings bake identically", () => {
    assert.deepEqual(
      JSON.stringify(canonicalSignerSettings({ customDomains: { "b.example.com": "eu-west-1", "a.example.com": "us-east-1" }, authorizationHeader: "x-a", stripPrefixes: ["/b", "/a", "/rest/v2"] })),
      JSON.stringify({ customDomains: { "a.example.com": "us-east-1", "b.example.com": "eu-west-1" }, authorizationHeader: "x-a", stripPrefixes: ["/rest/v2", "/a", "/b"] }),
    );
  });
});
