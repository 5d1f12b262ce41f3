/** The origin-request handler's deliberate failures: exact generated responses and one safe log line each. */
import assert from "node:assert/strict";
import type { CloudFrontRequestEvent, CloudFrontResultResponse } from "aws-lambda";
import { CREDENTIALS_ENV, originRequestEvent, type EventInput } from "./support/events";
import { handlerWith, logs, refuse } from "./support/handlerHarness";
import { AT_LIMITS, FOREIGN_ORIGINS, MALFORMED, OVER_LIMITS, PATH_SEGMENT, QUERY_VALUE, UNREADABLE_BODIES, VIEWER_TOKEN, withRequestData } from "./support/refusals";

const eventWithRequestData = (input: EventInput = {}) => originRequestEvent(withRequestData(input));

describe("sigv4-signer handler: deliberate failures", () => {
  beforeEach(() => (logs.length = 0));
  const SECRETS = [CREDENTIALS_ENV.AWS_SECRET_ACCESS_KEY, CREDENTIALS_ENV.AWS_SESSION_TOKEN, VIEWER_TOKEN, "vt-7f3a9c1e", QUERY_VALUE, PATH_SEGMENT];

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
    const seen = `${logs[0]}\n${JSON.stringify(response)}`;
    for (const secret of SECRETS) assert.ok(!seen.includes(secret), `no request data or secrets in logs or responses: ${secret}`);
  }
  /** Refuses the input with the request data added. */
  const refuseWithData = (input: EventInput, settings = {}, env?: Record<string, string | undefined>) => refuse(withRequestData(input), settings, env);

  it("the request data is really in every failing event", () => {
    const request = eventWithRequestData({ uri: "/x", querystring: "a=1" }).Records[0].cf.request;
    assert.equal(request.uri, `/x/${PATH_SEGMENT}`);
    assert.equal(request.querystring, `secret=${QUERY_VALUE}&a=1`);
    assert.equal(request.headers.authorization[0].value, VIEWER_TOKEN);
  });

  it("413 for a body CloudFront truncated", async () => {
    expectFailure(await refuseWithData({ method: "POST", body: Buffer.alloc(16), inputTruncated: true }), "413", "Payload Too Large", "BODY_TRUNCATED");
  });

  for (const [what, input, detail] of UNREADABLE_BODIES) {
    it(`415 for a body the managed rules cannot read: ${what}`, async () => {
      expectFailure(await refuseWithData(input), "415", "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE");
      assert.equal(JSON.parse(logs[0]).detail, detail);
    });
  }

  it("500 for a body the event does not include (includeBody off)", async () => {
    expectFailure(await refuseWithData({ method: "POST", headers: [["Content-Length", "12"]] }), "500", "Internal Server Error", "BODY_NOT_INCLUDED");
    logs.length = 0;
    expectFailure(await refuseWithData({ method: "POST", headers: [["Transfer-Encoding", "chunked"]] }), "500", "Internal Server Error", "BODY_NOT_INCLUDED");
  });

  it("500 for an empty body in the event while Content-Length announces bytes (never signed as the empty payload)", async () => {
    expectFailure(await refuseWithData({ method: "POST", body: Buffer.alloc(0), headers: [["Content-Length", "12"]] }), "500", "Internal Server Error", "BODY_NOT_INCLUDED");
  });

  it("500 when the credentials are missing", async () => {
    expectFailure(await refuseWithData({}, {}, { AWS_SESSION_TOKEN: CREDENTIALS_ENV.AWS_SESSION_TOKEN }), "500", "Internal Server Error", "NO_CREDENTIALS");
    logs.length = 0;
    expectFailure(await refuseWithData({}, {}, { AWS_ACCESS_KEY_ID: "ASIA1", AWS_SECRET_ACCESS_KEY: "" }), "500", "Internal Server Error", "NO_CREDENTIALS");
  });

  for (const [what, input] of FOREIGN_ORIGINS) {
    it(`502 for an origin that is not the stack's: ${what}`, async () => {
      expectFailure(await refuseWithData(input), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
      assert.equal(JSON.parse(logs[0]).detail, input.originPrefix === "" ? "origin: prefix header repeated or empty" : "origin: not one of the stack's");
    });
  }

  it("502 for an S3 origin, never a guess", async () => {
    const s3 = eventWithRequestData();
    s3.Records[0].cf.request.origin = { s3: { authMethod: "none", customHeaders: {}, domainName: "b.s3.amazonaws.com", path: "" } };
    expectFailure(await refuse(s3), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
  });

  for (const prefix of ["", "ws", "/", "/ws/", "//ws", "/ws//x", "/ws/*", "/ws*", "/w?s", "/w#s", "/w%41", "/a/../b", "/a/./b", "/..", "/w s", "/wé", "/w\"s"]) {
    it(`502 for an origin whose X-Forwarded-Prefix is malformed: ${JSON.stringify(prefix)}`, async () => {
      expectFailure(await refuseWithData({ uri: `${prefix}/x`, originPrefix: prefix }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
    });
  }

  it("502 for an origin with two X-Forwarded-Prefix values", async () => {
    expectFailure(await refuseWithData({ originPrefix: "/ws", originHeaders: [["X-Forwarded-Prefix", "/rest"]] }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
  });

  for (const name of ["Authorization", "Host", "X-Amz-Date", "X-Amz-Security-Token", "X-Forwarded-Authorization"]) {
    it(`502 for an origin custom header the signer sets itself: ${name}`, async () => {
      expectFailure(await refuseWithData({ originHeaders: [[name, "origin-value"]] }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
    });
  }

  for (const [what, input, detail] of MALFORMED) {
    it(`400 for ${what}`, async () => {
      expectFailure(await refuseWithData(input), "400", "Bad Request", "MALFORMED_REQUEST");
      assert.equal(JSON.parse(logs[0]).detail, detail);
    });
  }

  for (const [what, input, status, code, detail] of OVER_LIMITS) {
    it(`${status} for ${what}`, async () => {
      expectFailure(await refuseWithData(input), status, status === "414" ? "URI Too Long" : "Request Header Fields Too Large", code);
      assert.equal(JSON.parse(logs[0]).detail, detail);
    });
  }
  for (const [what, input] of AT_LIMITS) {
    it(`forwards ${what}, the limit`, async () => {
      const result = await handlerWith()(originRequestEvent(withRequestData(input)));
      assert.ok(result && !("status" in result), JSON.stringify(result).slice(0, 200));
    });
  }

  it("500, never a throw, for an event it cannot read", async () => {
    const broken = eventWithRequestData();
    (broken.Records[0].cf.request as { headers?: unknown }).headers = undefined;
    expectFailure(await refuse(broken), "500", "Internal Server Error", "SIGNING_FAILED");
    assert.equal(JSON.parse(logs[0]).detail, "TypeError");
    logs.length = 0;
    const empty = await handlerWith()({ Records: [] } as unknown as CloudFrontRequestEvent);
    assert.equal((empty as CloudFrontResultResponse).status, "500");
  });
});
