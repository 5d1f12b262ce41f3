/**
 * What the signer refuses, as shared tables: the handler specs run them through the source, the bundle spec
 * through the built bundle. Each entry: what it is, the event input, and the log detail of the refusal.
 */
import { API_DOMAIN, type EventInput } from "./events";

/** Distinctive request data put into every failing event: none of it may reach the log line or the response. */
export const VIEWER_TOKEN = "Bearer vt-7f3a9c1e-viewer-token";
export const QUERY_VALUE = "qv-5d2b8e4a-query-value";
export const PATH_SEGMENT = "ps-9c4e1f7b-path-segment";

/** The event with the viewer's bearer token, a distinctive query value and path segment added, the failure's own input kept. */
export function withRequestData(input: EventInput): EventInput {
  return {
    ...input,
    uri: `${input.uri ?? "/pets"}${input.uri?.endsWith("/") ? "" : "/"}${PATH_SEGMENT}`,
    querystring: `secret=${QUERY_VALUE}${input.querystring ? `&${input.querystring}` : ""}`,
    headers: [["Authorization", VIEWER_TOKEN], ...(input.headers ?? [])],
  };
}
/** Requests a viewer can send that get 400 MALFORMED_REQUEST (the log detail is for the input with the request data added). */
export const MALFORMED: [string, EventInput, string][] = [
  ["a bad escape in a value", { querystring: "a=%zz" }, "query[1]: bad percent-encoding"],
  ["a truncated escape", { querystring: "a=%4" }, "query[1]: bad percent-encoding"],
  ["a bad escape in a name", { querystring: "%g1=1" }, "query[1]: bad percent-encoding"],
  ["invalid UTF-8", { querystring: "a=%FF" }, "query[1]: not UTF-8"],
  ["a truncated UTF-8 sequence", { querystring: "a=%E1%88" }, "query[1]: not UTF-8"],
  ["an empty parameter name", { querystring: "=v" }, "query[1]: empty name"],
  ["a SigV4 query parameter", { querystring: "X-Amz-Signature=abc" }, "query[1]: reserved name"],
  ["a SigV4 query parameter in any case", { querystring: "a=1&x-amz-credential=k" }, "query[2]: reserved name"],
  ["raw non-ASCII in the query", { querystring: "a=ሴ" }, "query: not visible ASCII"],
  ["a parameter named __proto__ (smithy would sign it as [object Object])", { querystring: "a=1&__proto__=x" }, "query[2]: reserved name"],
  ["an encoded NUL in a value", { querystring: "a=x%00y" }, "query[1]: control character"],
  ["an encoded CR LF in a value (header and log injection)", { querystring: "next=%0D%0ASet-Cookie:x" }, "query[1]: control character"],
  ["an encoded tab in a name", { querystring: "a%09b=1" }, "query[1]: control character"],
  ["an encoded DEL in a value", { querystring: "a=%7f" }, "query[1]: control character"],
  ["_method (a method override past WAF's method rules)", { querystring: "_method=DELETE" }, "query[1]: reserved name"],
  ["_method in any case", { querystring: "a=1&_METHOD=PUT" }, "query[2]: reserved name"],
  ["_method spelled with escapes", { querystring: "%5Fmethod=DELETE" }, "query[1]: reserved name"],
  ["a nested __proto__ (qs, PHP and Rails nest brackets)", { querystring: "__proto__[x]=1" }, "query[1]: prototype key"],
  ["__proto__ as a bracket segment", { querystring: "a[__proto__][x]=1" }, "query[1]: prototype key"],
  ["constructor[prototype] (Object.prototype through a constructor)", { querystring: "constructor[prototype][x]=1" }, "query[1]: prototype key"],
  ["encoded brackets around prototype", { querystring: "a%5Bconstructor%5D%5Bprototype%5D=1" }, "query[1]: prototype key"],
  ["dot notation (qs allowDots, lodash set)", { querystring: "a.__proto__.x=1" }, "query[1]: prototype key"],
  ["a bad escape in the path", { uri: "/pets/%2" }, "path: not RFC 3986"],
  ["a dot-segment", { uri: "/pets/../admin" }, "path: dot-segment"],
  ["a single-dot segment", { uri: "/pets/./admin" }, "path: dot-segment"],
  ["an encoded dot-segment", { uri: "/pets/%2E%2e/admin" }, "path: dot-segment"],
  ["a dot-segment left after the prefix is removed", { uri: "/ws/..", originPrefix: "/ws" }, "path: dot-segment"],
  ["an empty leading segment (WAF's STARTS_WITH /pets misses //pets)", { uri: "//pets" }, "path: empty segment"],
  ["an empty inner segment", { uri: "/pets//x" }, "path: empty segment"],
  ["an empty segment after the prefix (CloudFront routes //orders/x to /orders)", { uri: "//ws/x", originPrefix: "/ws" }, "path: empty segment"],
  ["encoded slashes around dot-segments", { uri: "/pets/..%2F..%2Fadmin" }, "path: encoded delimiter or control character"],
  ["encoded dots and slash, lowercase", { uri: "/pets/%2e%2e%2fadmin" }, "path: encoded delimiter or control character"],
  ["an encoded slash", { uri: "/a%2fb" }, "path: encoded delimiter or control character"],
  ["an encoded backslash", { uri: "/a%5Cb" }, "path: encoded delimiter or control character"],
  ["an encoded NUL", { uri: "/a%00b" }, "path: encoded delimiter or control character"],
  ["an encoded control character", { uri: "/a%0Ab" }, "path: encoded delimiter or control character"],
  ["an encoded DEL", { uri: "/a%7fb" }, "path: encoded delimiter or control character"],
  ["overlong UTF-8 dots (%C0%AE)", { uri: "/%C0%AE%C0%AE/x" }, "path: escape not UTF-8"],
  ["an overlong UTF-8 slash (%C1%9C)", { uri: "/a%C1%9Cb" }, "path: escape not UTF-8"],
  ["an overlong three-byte dot (%E0%80%AE)", { uri: "/%E0%80%AE%E0%80%AE/x" }, "path: escape not UTF-8"],
  ["an encoded UTF-16 surrogate (%ED%A0%80)", { uri: "/a%ED%A0%80" }, "path: escape not UTF-8"],
  ["a byte that is never UTF-8 (%FF)", { uri: "/a%FF" }, "path: escape not UTF-8"],
  ["a lone UTF-8 continuation byte", { uri: "/a%80" }, "path: escape not UTF-8"],
  ["fullwidth dots (NFKC reads ．． as ..)", { uri: "/pets/%EF%BC%8E%EF%BC%8E/admin" }, "path: NFKC/bidi"],
  ["a fullwidth solidus (NFKC reads ／ as /)", { uri: "/pets%EF%BC%8Fadmin" }, "path: NFKC/bidi"],
  ["a two-dot leader (NFKC reads ‥ as ..)", { uri: "/pets/%E2%80%A5/admin" }, "path: NFKC/bidi"],
  ["a fullwidth percent sign (NFKC makes an escape of it)", { uri: "/pets/%EF%BC%852e" }, "path: NFKC/bidi"],
  ["a right-to-left override (U+202E)", { uri: "/pets/%E2%80%AEnimda" }, "path: NFKC/bidi"],
  ["digit zero full stop (U+1F100, NFKC 0.)", { uri: "/pets%F0%9F%84%80" }, "path: NFKC/bidi"],
  ["an Arabic letter mark (U+061C)", { uri: "/a%D8%9Cb" }, "path: NFKC/bidi"],
  ["a dot-segment with a ;parameter (Tomcat reads ..;/ as ..)", { uri: "/pets/..;/admin" }, "path: matrix parameter"],
  ["a dot-segment with an encoded ;parameter", { uri: "/pets/..%3Bx/admin" }, "path: encoded delimiter or control character"],
  ["a dot-segment made of encoded dots and a parameter", { uri: "/pets/%2E%2E;jsessionid=1/admin" }, "path: matrix parameter"],
  ["three dots (Windows-style normalization trims trailing dots)", { uri: "/pets/.../admin" }, "path: dot-segment"],
  ["dots and an encoded space", { uri: "/pets/..%20/admin" }, "path: dot-segment"],
  ["a segment of encoded spaces", { uri: "/pets/%20%20/admin" }, "path: dot-segment"],
  ["a matrix parameter (WAF reads pets;x as another segment, Tomcat and Spring serve pets)", { uri: "/pets;x" }, "path: matrix parameter"],
  ["a matrix parameter on an inner segment", { uri: "/pets;x/42" }, "path: matrix parameter"],
  ["a session id parameter", { uri: "/admin;jsessionid=1" }, "path: matrix parameter"],
  ["a bare ;", { uri: "/pets/;" }, "path: matrix parameter"],
  ["a trailing dot (IIS serves /pets for /pets.)", { uri: "/pets." }, "path: segment ends in a dot or space"],
  ["an inner segment with a trailing dot", { uri: "/admin./x" }, "path: segment ends in a dot or space"],
  ["an encoded trailing dot", { uri: "/pets%2E" }, "path: segment ends in a dot or space"],
  ["a trailing encoded space", { uri: "/pets%20" }, "path: segment ends in a dot or space"],
  ["an encoded ? (a decoding backend or {proxy} substitution ends the path there)", { uri: "/pets%3Fadmin" }, "path: encoded delimiter or control character"],
  ["an encoded #", { uri: "/pets%23x" }, "path: encoded delimiter or control character"],
  ["an encoded ;", { uri: "/admin%3bx" }, "path: encoded delimiter or control character"],
  ["a double-encoded dot-segment", { uri: "/pets/%252e%252e/admin" }, "path: double-encoded"],
  ["a double-encoded slash", { uri: "/pets/a%252fb" }, "path: double-encoded"],
  ["a double-encoded backslash", { uri: "/pets/a%255Cb" }, "path: double-encoded"],
  ["a double-encoded NUL", { uri: "/pets/a%2500" }, "path: double-encoded"],
  ["a triple-encoded dot", { uri: "/pets/%25252e" }, "path: double-encoded"],
  ["a double encoding spelled with encoded digits (%25%32%65 is %252e)", { uri: "/pets/%25%32%65%25%32%65/admin" }, "path: double-encoded"],
  ["a double-encoded letter (%2570 is p to a double-decoding backend)", { uri: "/pets/%2570" }, "path: double-encoded"],
  ["a double-encoded ?", { uri: "/pets/a%253Fb" }, "path: double-encoded"],
  ["a double-encoded non-ASCII byte", { uri: "/pets/caf%25C3%25A9" }, "path: double-encoded"],
  ["a URI outside the origin's prefix (/wsx on /ws)", { uri: "/wsx", originPrefix: "/ws" }, "path: outside the origin's prefix"],
  ["a URI that only contains the prefix", { uri: "/other/ws", originPrefix: "/ws" }, "path: outside the origin's prefix"],
  ["a URI on the prefix's parent", { uri: "/v1", originPrefix: "/v1/ws" }, "path: outside the origin's prefix"],
  ["a URI that only starts like the nested prefix", { uri: "/v1/wsx/pets", originPrefix: "/v1/ws" }, "path: outside the origin's prefix"],
  ["raw non-ASCII in the path", { uri: "/café" }, "path: not RFC 3986"],
  ["a space in the path", { uri: "/a b" }, "path: not RFC 3986"],
  ["a control character in the path", { uri: "/a\tb" }, "path: not RFC 3986"],
  ...[..."\"<>[\\]^`{|}"].map((c): [string, EventInput, string] => [`${JSON.stringify(c)} in the path (not an RFC 3986 path character)`, { uri: `/pets/a${c}b` }, "path: not RFC 3986"]),
  ["a '{' in the prefixed path", { uri: "/ws/{id}", originPrefix: "/ws" }, "path: not RFC 3986"],
];

const json = Buffer.from('{"q":"1 UNION SELECT password FROM users"}');
const utf16 = (text: string) => Buffer.from(text, "utf16le");
/** Bodies the managed rules cannot read, [what, input, log detail]: 415 UNSUPPORTED_MEDIA_TYPE, never signed. */
export const UNREADABLE_BODIES: [string, EventInput, string][] = [
  ["a gzip body (also a gzip bomb past the size rule)", { method: "POST", body: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), headers: [["Content-Type", "application/json"], ["Content-Encoding", "gzip"]] }, "body: content-encoding"],
  ["a deflate body", { method: "POST", body: json, headers: [["Content-Encoding", "deflate"]] }, "body: content-encoding"],
  ["a Content-Encoding list that is not only identity", { method: "PUT", body: json, headers: [["Content-Encoding", "identity, br"]] }, "body: content-encoding"],
  ["a second Content-Encoding header", { method: "POST", body: json, headers: [["Content-Encoding", "identity"], ["Content-Encoding", "GZIP"]] }, "body: content-encoding"],
  ["JSON declared UTF-16LE", { method: "POST", body: utf16('{"q":"<script>"}'), headers: [["Content-Type", "application/json; charset=utf-16le"]] }, "body: charset"],
  ["a form in UTF-7 (+ADw-script+AD4-)", { method: "POST", body: Buffer.from("q=+ADw-script+AD4-"), headers: [["Content-Type", "application/x-www-form-urlencoded;charset=UTF-7"]] }, "body: charset"],
  ["text in Latin-1, quoted", { method: "POST", body: Buffer.from("x"), headers: [["Content-Type", 'text/plain; charset="ISO-8859-1"']] }, "body: charset"],
  ["a second charset parameter", { method: "POST", body: json, headers: [["Content-Type", "application/json; charset=utf-8; charset=utf-32"]] }, "body: charset"],
  ["two Content-Type headers", { method: "POST", body: json, headers: [["Content-Type", "application/json"], ["Content-Type", "text/plain; charset=utf-16"]] }, "body: content-type repeated"],
  ["UTF-16 JSON without a charset (Jackson and Python detect it from the bytes)", { method: "POST", body: utf16('{"q":"1 UNION SELECT 1"}'), headers: [["Content-Type", "application/json"]] }, "body: NUL byte in a text body"],
  ["a NUL in a JSON body", { method: "POST", body: Buffer.from('{"a":"x\0"}'), headers: [["Content-Type", "application/problem+json"]] }, "body: NUL byte in a text body"],
  ["a NUL in a text body", { method: "POST", body: Buffer.from("a\0b"), headers: [["Content-Type", "text/plain; charset=utf-8"]] }, "body: NUL byte in a text body"],
  ["a NUL in an XML body", { method: "POST", body: Buffer.from("<a>\0</a>"), headers: [["Content-Type", "application/soap+xml"]] }, "body: NUL byte in a text body"],
  ["a NUL in a form", { method: "POST", body: Buffer.from("a=\0"), headers: [["Content-Type", "application/x-www-form-urlencoded"]] }, "body: NUL byte in a text body"],
  ["a NUL in a body without Content-Type (read as JSON)", { method: "POST", body: Buffer.from([0x7b, 0, 0x7d]) }, "body: NUL byte in a text body"],
];
/** Bodies every reader decodes as WAF does: forwarded, signed. */
export const READABLE_BODIES: [string, EventInput][] = [
  ["JSON in UTF-8, no charset", { method: "POST", body: json, headers: [["Content-Type", "application/json"]] }],
  ["JSON with charset=UTF-8, quoted, and identity encoding", { method: "POST", body: json, headers: [["Content-Type", 'application/json; charset="UTF-8"'], ["Content-Encoding", "identity"]] }],
  ["text in US-ASCII", { method: "POST", body: Buffer.from("hello"), headers: [["Content-Type", "text/plain;charset=us-ascii"]] }],
  ["charset=utf8, as some clients spell it", { method: "PATCH", body: json, headers: [["Content-Type", "application/json;charset=utf8"]] }],
  ["binary with NUL bytes, declared binary", { method: "PUT", body: Buffer.from([0, 1, 2, 0, 255]), headers: [["Content-Type", "application/octet-stream"]] }],
  ["an image", { method: "PUT", body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), headers: [["Content-Type", "image/png"]] }],
  ["a multipart upload with a binary part", { method: "POST", body: Buffer.from("--b\r\n\r\n\0\r\n--b--"), headers: [["Content-Type", "multipart/form-data; boundary=b"]] }],
  ["Content-Encoding on a request without a body", { method: "GET", headers: [["Content-Encoding", "gzip"], ["Content-Type", "text/plain; charset=utf-16"]] }],
];

// Origins that are not in the baked list (TEST_ORIGINS: API_DOMAIN with origin paths "", /prod, /v1, /live and
// prefixes "", /ws, /rest, /v1/ws, /a.b~c): the published version attached to another distribution or origin.
export const FOREIGN_ORIGINS: [string, EventInput][] = [
  ["another domain", { domainName: "api.example.com" }],
  ["the API's domain with a suffix", { domainName: `${API_DOMAIN}.evil.com` }],
  ["another API in the same region", { domainName: "zzzzzzzzzz.execute-api.eu-west-1.amazonaws.com" }],
  ["the same API ID in another region", { domainName: "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com" }],
  ["another stage of the API", { originPath: "/admin" }],
  ["a nested origin path", { originPath: "/prod/admin" }],
  ["an origin path with a trailing slash", { originPath: "/prod/" }],
  ["an unknown prefix", { uri: "/admin/x", originPrefix: "/admin" }],
  ["a listed prefix with a trailing slash", { uri: "/ws/x", originPrefix: "/ws/" }],
  ["an empty prefix header", { originPrefix: "" }],
];

/** `count` bare parameters after the request data's own one (withRequestData adds `secret=...`). */
const params = (count: number) => Array.from({ length: count - 1 }, (_, i) => `p${i}`).join("&");
/** A URI of `count` segments in all, the request data's own last one included (withRequestData appends it). */
const segmentsUri = (count: number) => "/s".repeat(count - 1);
/** `count` header names in all, the test event's four (Host, User-Agent, Via, X-Forwarded-For) and Authorization included. */
const headerNames = (count: number) => Array.from({ length: count - 5 }, (_, i): [string, string] => [`x-h${i}`, "v"]);

/** Requests past the signer's cost limits, [what, input, status, code, log detail]; each limit itself is still forwarded (see the specs). */
export const OVER_LIMITS: [string, EventInput, string, string, string][] = [
  ["129 query parameters", { querystring: params(129) }, "414", "URI_TOO_LONG", "query: over 128 parameters"],
  ["129 path segments", { uri: segmentsUri(129) }, "414", "URI_TOO_LONG", "path: over 128 segments"],
  ["129 header names", { headers: headerNames(129) }, "431", "HEADERS_TOO_LARGE", "headers: over 128 names"],
];
/** The same dimensions exactly at the limits: forwarded. */
export const AT_LIMITS: [string, EventInput][] = [
  ["128 query parameters", { querystring: params(128) }],
  ["128 path segments", { uri: segmentsUri(128) }],
  ["128 header names", { headers: headerNames(128) }],
];

/** Viewer headers that steer API Gateway or the backend: never forwarded. */
export const STEERING_HEADERS = [
  "X-Amz-Signature", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Algorithm", "X-Amz-Invocation-Type", "X-Amz-Target",
  "X-Apigw-Api-Id", "X-Original-URL", "X-Rewrite-URL", "X-Original-URI", "X-Forwarded-Uri",
  "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override", "X-Original-Method", "X-Forwarded-Prefix", "X-Forwarded-Host", "Forwarded",
  // Underscore spellings, which Rack, PHP, Django and WSGI read as the hyphenated header.
  "X_HTTP_Method_Override", "X_Original_URL", "X_Forwarded_Prefix", "X_Forwarded_Authorization", "X_Amz_Security_Token", "x_apigw_api_id",
  "X_Forwarded_Host", "X_Forwarded_For", "X_Forwarded_Proto", "CloudFront_Viewer_Country",
];
