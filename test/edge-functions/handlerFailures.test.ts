/** The origin-request handler's deliberate failures: exact generated responses and one safe log line each. */
import assert from "node:assert/strict";
import type { CloudFrontRequestEvent, CloudFrontResultResponse } from "aws-lambda";
import { CREDENTIALS_ENV, originRequestEvent, type EventInput } from "./support/events";
import { handlerWith, logs, refuse } from "./support/handlerHarness";

/** Distinctive request data put into every failing event: none of it may reach the log line or the response. */
const VIEWER_TOKEN = "Bearer vt-7f3a9c1e-viewer-token";
const QUERY_VALUE = "qv-5d2b8e4a-query-value";
const PATH_SEGMENT = "ps-9c4e1f7b-path-segment";

/** The event with the viewer's bearer token, a distinctive query value and path segment added, the failure's own input kept. */
function withRequestData(input: EventInput): EventInput {
  return {
    ...input,
    uri: `/${PATH_SEGMENT}${input.uri ?? "/pets"}`,
    querystring: `secret=${QUERY_VALUE}${input.querystring ? `&${input.querystring}` : ""}`,
    headers: [["Authorization", VIEWER_TOKEN], ...(input.headers ?? [])],
  };
}
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
    assert.equal(request.uri, `/${PATH_SEGMENT}/x`);
    assert.equal(request.querystring, `secret=${QUERY_VALUE}&a=1`);
    assert.equal(request.headers.authorization[0].value, VIEWER_TOKEN);
  });

  it("413 for a body CloudFront truncated", async () => {
    expectFailure(await refuseWithData({ method: "POST", body: Buffer.alloc(16), inputTruncated: true }), "413", "Payload Too Large", "BODY_TRUNCATED");
  });

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

  it("502 for an origin it does not know, never a guess", async () => {
    expectFailure(await refuseWithData({ domainName: "api.example.com" }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
    logs.length = 0;
    expectFailure(await refuseWithData({ domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com.evil.com" }), "502", "Bad Gateway", "UNKNOWN_ORIGIN");
    logs.length = 0;
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
    ["a single-dot segment", { uri: "/pets/./admin" }],
    ["an encoded dot-segment", { uri: "/pets/%2E%2e/admin" }],
    ["a dot-segment left after the prefix is removed", { uri: "/ws/..", originPrefix: "/ws" }],
    ["an empty leading segment (WAF's STARTS_WITH /pets misses //pets)", { uri: "//pets" }],
    ["an empty inner segment", { uri: "/pets//x" }],
    ["an empty segment after the prefix (CloudFront routes //orders/x to /orders)", { uri: "//ws/x", originPrefix: "/ws" }],
    ["encoded slashes around dot-segments", { uri: "/pets/..%2F..%2Fadmin" }],
    ["encoded dots and slash, lowercase", { uri: "/pets/%2e%2e%2fadmin" }],
    ["an encoded slash", { uri: "/a%2fb" }],
    ["an encoded backslash", { uri: "/a%5Cb" }],
    ["an encoded NUL", { uri: "/a%00b" }],
    ["an encoded control character", { uri: "/a%0Ab" }],
    ["an encoded DEL", { uri: "/a%7fb" }],
    ["overlong UTF-8 dots (%C0%AE)", { uri: "/%C0%AE%C0%AE/x" }],
    ["an overlong UTF-8 slash (%C1%9C)", { uri: "/a%C1%9Cb" }],
    ["an overlong three-byte dot (%E0%80%AE)", { uri: "/%E0%80%AE%E0%80%AE/x" }],
    ["an encoded UTF-16 surrogate (%ED%A0%80)", { uri: "/a%ED%A0%80" }],
    ["a byte that is never UTF-8 (%FF)", { uri: "/a%FF" }],
    ["a lone UTF-8 continuation byte", { uri: "/a%80" }],
    ["a dot-segment with a ;parameter (Tomcat reads ..;/ as ..)", { uri: "/pets/..;/admin" }],
    ["a dot-segment with an encoded ;parameter", { uri: "/pets/..%3Bx/admin" }],
    ["a dot-segment made of encoded dots and a parameter", { uri: "/pets/%2E%2E;jsessionid=1/admin" }],
    ["three dots (Windows-style normalization trims trailing dots)", { uri: "/pets/.../admin" }],
    ["dots and an encoded space", { uri: "/pets/..%20/admin" }],
    ["a segment of encoded spaces", { uri: "/pets/%20%20/admin" }],
    ["a double-encoded dot-segment", { uri: "/pets/%252e%252e/admin" }],
    ["a double-encoded slash", { uri: "/pets/a%252fb" }],
    ["a double-encoded backslash", { uri: "/pets/a%255Cb" }],
    ["a double-encoded NUL", { uri: "/pets/a%2500" }],
    ["a triple-encoded dot", { uri: "/pets/%25252e" }],
    ["a double encoding spelled with encoded digits (%25%32%65 is %252e)", { uri: "/pets/%25%32%65%25%32%65/admin" }],
    ["a URI outside the origin's prefix (/wsx on /ws)", { uri: "/wsx", originPrefix: "/ws" }],
    ["a URI that only contains the prefix", { uri: "/other/ws", originPrefix: "/ws" }],
    ["a URI on the prefix's parent", { uri: "/v1", originPrefix: "/v1/ws" }],
    ["a URI that only starts like the nested prefix", { uri: "/v1/wsx/pets", originPrefix: "/v1/ws" }],
    ["raw non-ASCII in the path", { uri: "/café" }],
    ["a space in the path", { uri: "/a b" }],
    ["a control character in the path", { uri: "/a\tb" }],
    ...[..."\"<>[\\]^`{|}"].map((c): [string, EventInput] => [`${JSON.stringify(c)} in the path (not an RFC 3986 path character)`, { uri: `/pets/a${c}b` }]),
    ["a '{' in the prefixed path", { uri: "/ws/{id}", originPrefix: "/ws" }],
  ];
  for (const [what, input] of MALFORMED) {
    it(`400 for ${what}`, async () => {
      expectFailure(await refuseWithData(input), "400", "Bad Request", "MALFORMED_REQUEST");
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
