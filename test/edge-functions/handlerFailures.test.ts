/** The origin-request handler's deliberate failures: exact generated responses and one safe log line each. */
import assert from "node:assert/strict";
import type { CloudFrontRequestEvent, CloudFrontResultResponse } from "aws-lambda";
import { CREDENTIALS_ENV, originRequestEvent, type EventInput } from "./support/events";
import { handlerWith, logs, refuse } from "./support/handlerHarness";

describe("sigv4-signer handler: deliberate failures", () => {
  beforeEach(() => (logs.length = 0));
  const SECRETS = [CREDENTIALS_ENV.AWS_SECRET_ACCESS_KEY, CREDENTIALS_ENV.AWS_SESSION_TOKEN, "Bearer viewer-token"];

  function expectFailure(response: CloudFrontResultResponse, status: string, description: string, code: string) {
    assert.deepEqual(response, {
      status,
      statusDescription: description,
      headers: {
        "content-type": [{ key: "Content-Type", value: "application/json" }],
        "cache-control": [{ key: "Cache-Control", value: "no-store" }],
      },
      body: JSON.stringify({ message: description, code, requestId: "req-1" }),
    });
    assert.equal(logs.length, 1, "one log line per failure");
    const line = JSON.parse(logs[0]);
    assert.deepEqual(
      { level: line.level, code: line.code, status: line.status, requestId: line.requestId, distributionId: line.distributionId },
      { level: "ERROR", code, status, requestId: "req-1", distributionId: "EDFDVBD6EXAMPLE" },
    );
    for (const secret of SECRETS) assert.ok(!logs[0].includes(secret) && !response.body!.includes(secret), "no secrets in logs or responses");
  }

  it("413 for a body CloudFront truncated", async () => {
    expectFailure(await refuse({ method: "POST", body: Buffer.alloc(16), inputTruncated: true, headers: [["Authorization", "Bearer viewer-token"]] }), "413", "Payload Too Large", "BODY_TRUNCATED");
  });

  it("500 for a body the event does not include (includeBody off)", async () => {
    expectFailure(await refuse({ method: "POST", headers: [["Content-Length", "12"]] }), "500", "Internal Server Error", "BODY_NOT_INCLUDED");
    logs.length = 0;
    expectFailure(await refuse({ method: "POST", headers: [["Transfer-Encoding", "chunked"]] }), "500", "Internal Server Error", "BODY_NOT_INCLUDED");
  });

  it("500 when the credentials are missing", async () => {
    expectFailure(await refuse({}, {}, { AWS_SESSION_TOKEN: CREDENTIALS_ENV.AWS_SESSION_TOKEN }), "500", "Internal Server Error", "NO_CREDENTIALS");
    logs.length = 0;
    expectFailure(await refuse({}, {}, { AWS_ACCESS_KEY_ID: "ASIA1", AWS_SECRET_ACCESS_KEY: "" }), "500", "Internal Server Error", "NO_CREDENTIALS");
  });

  it("502 for an origin it does not know, never a guess", async () => {
    expectFailure(await refuse({ domainName: "api.example.com" }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
    logs.length = 0;
    expectFailure(await refuse({ domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com.evil.com" }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
    logs.length = 0;
    const s3 = originRequestEvent();
    s3.Records[0].cf.request.origin = { s3: { authMethod: "none", customHeaders: {}, domainName: "b.s3.amazonaws.com", path: "" } };
    expectFailure(await refuse(s3), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
  });

  const MALFORMED: [string, EventInput][] = [
    ["a bad escape in a value", { querystring: "a=%zz" }],
    ["a truncated escape", { querystring: "a=%4" }],
    ["a bad escape in a name", { querystring: "%g1=1" }],
    ["invalid UTF-8", { querystring: "a=%FF" }],
    ["a truncated UTF-8 sequence", { querystring: "a=%E1%88" }],
    ["an empty parameter name", { querystring: "=v" }],
    ["a SigV4 query parameter", { querystring: "X-Amz-Signature=abc" }],
    ["a SigV4 query parameter in any case", { querystring: "a=1&x-amz-credential=k" }],
    ["raw non-ASCII in the query", { querystring: "a=ሴ" }],
    ["a parameter named __proto__ (smithy would sign it as [object Object])", { querystring: "a=1&__proto__=x" }],
    ["a bad escape in the path", { uri: "/pets/%2" }],
    ["a dot-segment", { uri: "/pets/../admin" }],
    ["an encoded dot-segment", { uri: "/pets/%2E%2e/admin" }],
    ["raw non-ASCII in the path", { uri: "/café" }],
    ["a space in the path", { uri: "/a b" }],
  ];
  for (const [what, input] of MALFORMED) {
    it(`400 for ${what}`, async () => {
      expectFailure(await refuse(input), "400", "Bad Request", "MALFORMED_REQUEST");
    });
  }

  it("500, never a throw, for an event it cannot read", async () => {
    const broken = originRequestEvent();
    (broken.Records[0].cf.request as { headers?: unknown }).headers = undefined;
    expectFailure(await refuse(broken), "500", "Internal Server Error", "SIGNING_FAILED");
    assert.equal(JSON.parse(logs[0]).detail, "TypeError");
    logs.length = 0;
    const empty = await handlerWith()({ Records: [] } as unknown as CloudFrontRequestEvent);
    assert.equal((empty as CloudFrontResultResponse).status, "500");
  });
});
