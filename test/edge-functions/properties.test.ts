/**
 * Property-based: for random requests, every forwarded result must be accepted by two independent
 * oracles recomputing the signature from what the origin receives (the spec-written verifier, and
 * `aws4`), must reach the path the origin's prefix and origin path call for, and must carry the viewer's
 * query parameters unchanged in meaning; a path with a character RFC 3986 does not allow gets 400.
 * Random garbage (any Unicode, lone surrogates, control characters) mixed into otherwise well-formed
 * requests must never make the handler throw or forward unsigned; both refusals and signed forwards
 * must occur often.
 */
import assert from "node:assert/strict";
import aws4 from "aws4";
import fc from "fast-check";
import type { CloudFrontRequest, CloudFrontResultResponse } from "aws-lambda";
import { createHandler } from "../../edge-functions/sigv4-signer/src/handler";
import { API_DOMAIN, CREDENTIALS_ENV, originRequestEvent, receivedBy, SIGNING_TIME, VERIFIER_KEYS } from "./support/events";
import { botocoreNormalizePath } from "./support/botocorePath";
import { TEST_SETTINGS } from "./support/handlerHarness";
import { verifySigV4 } from "./support/verifySigV4";

const handler = createHandler(TEST_SETTINGS, { env: { ...CREDENTIALS_ENV }, now: () => SIGNING_TIME, log: () => undefined });

const hex = (byte: number, lower: boolean) => {
  const h = byte.toString(16).padStart(2, "0");
  return `%${lower ? h : h.toUpperCase()}`;
};
/** Percent-encoded UTF-8 of a random character, with random hex case. */
const escapedChar = fc.tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.boolean()).map(([ch, lower]) =>
  [...Buffer.from(ch, "utf8")].map((b) => hex(b, lower)).join(""),
);
const PCHAR = "ABCXYZabcxyz0189-._~!$&'()*+,;=:@".split("");
/** Characters a URI path must not hold raw: RFC 3986 leaves them out of `pchar`. */
const ILLEGAL = [..."\"<>[\\]^`{|} \t#", "é", "\u{1F436}", "\x7f"];
/** What path tricks are made of: encoded separators and controls, dots, double and overlong encodings, parameters. */
const TRICKS = ["%2F", "%2f", "%5C", "%00", "%0a", "%7F", "%2e", "%2E", ".", "..", "%25", "%252e", "%252F", "%2500", "%2570", "%25zz", "%C0%AE", "%FF", ";x", "%3B", "%3f", "%23", "%41", "%7e", "%20"];
const pathSegment = fc.oneof(
  { arbitrary: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PCHAR), weight: 30 }, { arbitrary: escapedChar, weight: 10 }, { arbitrary: fc.constantFrom(...TRICKS), weight: 3 }, { arbitrary: fc.constantFrom(...ILLEGAL), weight: 1 }), { minLength: 1, maxLength: 6 }).map((p) => p.join("")), weight: 20 },
  { arbitrary: fc.constantFrom(".", "..", "", "%2e%2E", "..;x", "..."), weight: 1 },
);
/** A URI below `prefix` (usually the origin's own, so it is removed), sometimes below another or one that only starts the same. */
const uriUnder = (prefix: string) => fc.tuple(
  fc.oneof({ arbitrary: fc.constant(prefix), weight: 6 }, { arbitrary: fc.constantFrom("", "/rest", "/ws", "/v1/ws", "/wsx", "/v1", "/%77s"), weight: 1 }),
  fc.array(pathSegment, { maxLength: 4 }),
  fc.boolean(),
).map(([start, segments, slash]) => `${start}${segments.length === 0 && start !== "" && slash ? "" : "/"}${segments.join("/")}${slash && segments.length > 0 ? "/" : ""}`);
const QCHAR = [...PCHAR.filter((c) => c !== "&" && c !== "="), "/", "?", "[", "]", "{", "}", "|", "^", "`", "\"", "<", ">", "\\"];
const queryText = (minLength: number) => fc.array(fc.oneof(fc.constantFrom(...QCHAR), escapedChar, fc.constant("%2B"), fc.constant("+")), { minLength, maxLength: 5 }).map((p) => p.join(""));
const queryKey = queryText(1).filter((k) => !/^(?:x-amz-|__proto__$)/i.test(decodeURIComponent(k.replace(/\+/g, " "))));
const querystring = fc.array(fc.tuple(queryKey, fc.option(queryText(0))), { maxLength: 6 })
  .chain((pairs) => fc.constantFrom("", "&").map((extra) => pairs.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join(`&${extra}`)));
const headers = fc.array(
  fc.tuple(fc.constantFrom("Accept", "X-Custom", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256", "X-Forwarded-Authorization", "Cookie"), fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, "x"))),
  { maxLength: 5 },
);
const request = fc.constantFrom(undefined, "/rest", "/ws", "/v1/ws").chain((originPrefix) => fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
  originPath: fc.constantFrom("", "/prod", "/v1"),
  originPrefix: fc.constant(originPrefix),
  uri: uriUnder(originPrefix ?? ""),
  querystring,
  headers,
  body: fc.option(fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b))),
}));

/** The path the origin must receive: the prefix removed only at a segment boundary, the origin path prepended, "/" for nothing. */
function expectedPath(originPath: string, prefix: string | undefined, uri: string): string {
  const rest = prefix !== undefined && (uri === prefix || uri.startsWith(`${prefix}/`)) ? uri.slice(prefix.length) : uri;
  return `${originPath}${rest}` === "" ? "/" : `${originPath}${rest}`;
}
const NOT_PATH = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]|%(?![0-9A-Fa-f]{2})/;
/** RFC 3986 normal form, written from the RFC (6.2.2.1, 6.2.2.2): unreserved escapes decoded, hex uppercased. */
const normalForm = (uri: string) => uri.replace(/%[0-9A-Fa-f]{2}/g, (e) => {
  const c = String.fromCharCode(parseInt(e.slice(1), 16));
  return /[A-Za-z0-9\-._~]/.test(c) ? c : e.toUpperCase();
});
/** An escape that hides a delimiter or control character, or any escape encoded twice. */
const HIDDEN = /%(?:2F|5C|3F|23|3B|[01][0-9A-F]|7F)|%25[0-9A-F]{2}/i;

/** The README's path rules, written independently of path.ts: why the signer must refuse this URI, or undefined. */
function refusal(prefix: string | undefined, uri: string): string | undefined {
  if (NOT_PATH.test(uri)) return "not RFC 3986";
  const normal = normalForm(uri);
  if (HIDDEN.test(normal)) return "hidden separator";
  if (normal.includes(";")) return "matrix parameter";
  const inner = normal.split("/").slice(1);
  if (inner.length > 1 && inner[inner.length - 1] === "") inner.pop();
  for (const segment of inner) {
    if (segment === "" && normal !== "/") return "empty segment";
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "not UTF-8";
    }
    if (/[. ]$/.test(decoded)) return "dot-segment, or a trailing dot or space";
  }
  if (prefix !== undefined && normal !== prefix && !normal.startsWith(`${prefix}/`)) return "outside the prefix";
  return undefined;
}

/** The README's query rules, written independently of query.ts: why the signer must refuse this query, or undefined. */
function queryRefusal(qs: string): string | undefined {
  for (const [name, value] of formDecoded(qs)) {
    if (/[\x00-\x1f\x7f]/.test(name + value)) return "control character";
    if (/^_method$/i.test(name)) return "method override";
    const segments = name.split(/[[\].]/);
    if (segments.length > 1 && segments.some((s) => /^(?:__proto__|constructor|prototype)$/i.test(s))) return "prototype key";
  }
  return undefined;
}

/** The viewer's parameters as any form decoder reads them (`+` is a space): what the application must still see. */
const formDecoded = (qs: string) => qs.split("&").filter(Boolean).map((p) => {
  const eq = p.indexOf("=");
  const d = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
  return [d(eq < 0 ? p : p.slice(0, eq)), eq < 0 ? "" : d(p.slice(eq + 1))];
});

describe("sigv4-signer properties", () => {
  it("every forwarded request verifies independently (spec verifier and aws4), has one meaning for every reader and keeps the query's meaning", async () => {
    const seen = { refused: 0, forwarded: 0, stripped: 0, barePrefix: 0 };
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const body = input.body ?? undefined;
        // A binary body says so: an untyped body is read as text and refused when it holds NUL bytes.
        const headers = body === undefined ? input.headers : [...input.headers, ["Content-Type", "application/octet-stream"] as const];
        const result = await handler(originRequestEvent({ ...input, headers, body }));
        const reason = refusal(input.originPrefix, input.uri) ?? queryRefusal(input.querystring);
        if (reason !== undefined) {
          assert.equal((result as CloudFrontResultResponse).status, "400", `forwarded a path that must be refused (${reason}): ${input.uri}`);
          seen.refused++;
          return;
        }
        assert.ok(!("status" in result!), `refused: ${input.uri} ${JSON.stringify(result)}`);
        seen.forwarded++;
        const normal = normalForm(input.uri);
        if (input.originPrefix !== undefined) seen.stripped++;
        if (normal === input.originPrefix) seen.barePrefix++;
        const out = result as CloudFrontRequest;
        assert.equal(out.uri, expectedPath(input.originPath, input.originPrefix, normal));
        assert.equal(decodeURIComponent(normal), decodeURIComponent(input.uri), "the normal form means what the viewer sent");
        // One meaning: no empty segment, no hidden separator, nothing SigV4's (botocore's) normalization would change.
        assert.ok(!/\/\//.test(out.uri) && !HIDDEN.test(out.uri), `forwarded ${out.uri}`);
        assert.equal(botocoreNormalizePath(out.uri), out.uri);
        assert.equal(out.origin?.custom?.path, "");
        for (const name of Object.keys(out.origin!.custom!.customHeaders)) assert.ok(!(name in out.headers), `header ${name} shadows an origin custom header`);
        const received = receivedBy(out, body);
        assert.deepEqual(verifySigV4(received, { region: "eu-west-1", service: "execute-api", now: SIGNING_TIME, keys: VERIFIER_KEYS }), { ok: true });

        // `extraHeadersToIgnore` (aws4 >= 1.12) keeps the Content-Type/Length aws4 adds out of the signature.
        const aws4Request: aws4.Request & { extraHeadersToIgnore: Record<string, boolean> } = {
          host: API_DOMAIN,
          method: out.method,
          path: `${received.path}${out.querystring ? `?${out.querystring}` : ""}`,
          service: "execute-api",
          region: "eu-west-1",
          headers: { Host: API_DOMAIN, "X-Amz-Date": out.headers["x-amz-date"][0].value, "X-Amz-Security-Token": CREDENTIALS_ENV.AWS_SESSION_TOKEN },
          body: body ?? "",
          extraHeadersToIgnore: { "content-type": true, "content-length": true },
        };
        const signedByAws4 = aws4.sign(aws4Request, {
          accessKeyId: CREDENTIALS_ENV.AWS_ACCESS_KEY_ID,
          secretAccessKey: CREDENTIALS_ENV.AWS_SECRET_ACCESS_KEY,
          sessionToken: CREDENTIALS_ENV.AWS_SESSION_TOKEN,
        });
        assert.equal(out.headers.authorization[0].value, signedByAws4.headers?.Authorization);
        assert.deepEqual(formDecoded(out.querystring), formDecoded(input.querystring));
        assert.ok(!/\+/.test(out.querystring), "no ambiguous '+' is forwarded");
      }),
      { numRuns: 600 },
    );
    assert.ok(seen.refused >= 60 && seen.forwarded >= 200 && seen.stripped > 0 && seen.barePrefix > 0, `the generators reach every branch: ${JSON.stringify(seen)}`);
  });

  it("escaped bytes are refused exactly when they are not UTF-8 (the same verdict as decodeURIComponent)", async () => {
    // Bytes around every UTF-8 boundary (lead bytes, continuation ranges, overlong and surrogate starts), no separators or controls.
    const byte = fc.oneof(
      fc.constantFrom(0x41, 0x7e, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff),
      fc.integer({ min: 0x80, max: 0xff }),
    );
    // Mostly whole UTF-8 characters (any code point past ASCII), sometimes a stray byte among them.
    const unit = fc.oneof(
      { arbitrary: fc.integer({ min: 0x80, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => [...Buffer.from(String.fromCodePoint(c), "utf8")]), weight: 4 },
      { arbitrary: byte.map((b) => [b]), weight: 1 },
    );
    const seen = { refused: 0, forwarded: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 4 }), fc.boolean(), async (units, lower) => {
        const escapes = units.flat().map((b) => hex(b, lower)).join("");
        const result = await handler(originRequestEvent({ uri: `/a${escapes}`, originPath: "" }));
        let utf8 = true;
        try {
          decodeURIComponent(escapes);
        } catch {
          utf8 = false;
        }
        if (utf8) {
          assert.ok(!("status" in result!), `refused UTF-8 ${escapes}`);
          assert.equal(decodeURIComponent((result as CloudFrontRequest).uri), `/a${decodeURIComponent(escapes)}`);
          seen.forwarded++;
        } else {
          assert.equal((result as CloudFrontResultResponse).status, "400", `forwarded ${escapes}`);
          seen.refused++;
        }
      }),
      { numRuns: 1000 },
    );
    assert.ok(seen.refused >= 100 && seen.forwarded >= 100, JSON.stringify(seen));
  });

  it("random garbage never throws and never forwards without a signature the verifier accepts", async () => {
    /** Any code point, a lone surrogate, or a character that means something in a URL. */
    const anyChar = fc.oneof(
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom("%", "/", "?", "#", "+", "&", "=", ".", "%2e", "%2F", "%zz"),
    );
    const text = (maxLength: number) => fc.string({ unit: anyChar, maxLength });
    /** Mostly a well-formed value, sometimes garbage: so that both refusals and forwarded requests are common. */
    const usually = <T, U>(valid: fc.Arbitrary<T>, junk: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: junk, weight: 1 });
    const garbage = fc.option(usually(fc.constantFrom("/ws", "/v1/ws"), text(10)), { nil: undefined }).chain((originPrefix) => fc.record({
      uri: usually(uriUnder(originPrefix ?? ""), fc.oneof(text(30).map((s) => `/${s}`), text(30))),
      querystring: usually(querystring, text(30)),
      method: fc.constantFrom("GET", "POST"),
      originPath: usually(fc.constantFrom("", "/prod"), text(10)),
      originPrefix: fc.constant(originPrefix),
      headers: fc.array(fc.tuple(fc.constantFrom("Authorization", "X-Forwarded-Prefix", "Content-Length", "X-Custom"), text(20)), { maxLength: 3 }),
      body: fc.option(fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)), { nil: undefined }),
    }));
    const seen = { refused: 0, signed: 0 };
    await fc.assert(
      fc.asyncProperty(garbage, async (input) => {
        const result = await handler(originRequestEvent(input));
        if (result && "status" in result) {
          assert.ok(["400", "415", "500", "502"].includes((result as CloudFrontResultResponse).status));
          seen.refused++;
          return;
        }
        assert.deepEqual(verifySigV4(receivedBy(result as CloudFrontRequest, input.body), { region: "eu-west-1", service: "execute-api", now: SIGNING_TIME, keys: VERIFIER_KEYS }), { ok: true });
        seen.signed++;
      }),
      { numRuns: 400 },
    );
    assert.ok(seen.refused >= 40 && seen.signed >= 40, `both refusals and signed forwards are checked often: ${JSON.stringify(seen)}`);
  });
});
