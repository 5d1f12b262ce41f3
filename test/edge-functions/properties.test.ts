/**
 * Property-based: for random requests, every forwarded result must be accepted by two independent
 * oracles recomputing the signature from what the origin receives (the spec-written verifier, and
 * `aws4`), and must carry the viewer's query parameters unchanged in meaning. Random garbage must
 * never make the handler throw or forward unsigned.
 */
import assert from "node:assert/strict";
import aws4 from "aws4";
import fc from "fast-check";
import type { CloudFrontRequest, CloudFrontResultResponse } from "aws-lambda";
import { createHandler } from "../../edge-functions/sigv4-signer/src/handler";
import { DEFAULT_SIGNER_SETTINGS } from "../../edge-functions/sigv4-signer/src/settings";
import { API_DOMAIN, CREDENTIALS_ENV, originRequestEvent, receivedBy, SIGNING_TIME, VERIFIER_KEYS } from "./support/events";
import { verifySigV4 } from "./support/verifySigV4";

const handler = createHandler(
  { ...DEFAULT_SIGNER_SETTINGS, stripPrefixes: ["/rest", "/ws"] },
  { env: { ...CREDENTIALS_ENV }, now: () => SIGNING_TIME, log: () => undefined },
);

const hex = (byte: number, lower: boolean) => {
  const h = byte.toString(16).padStart(2, "0");
  return `%${lower ? h : h.toUpperCase()}`;
};
/** Percent-encoded UTF-8 of a random character, with random hex case. */
const escapedChar = fc.tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.boolean()).map(([ch, lower]) =>
  [...Buffer.from(ch, "utf8")].map((b) => hex(b, lower)).join(""),
);
const PCHAR = "ABCXYZabcxyz0189-._~!$&'()*+,;=:@".split("");
const pathSegment = fc.array(fc.oneof(fc.constantFrom(...PCHAR), escapedChar), { minLength: 1, maxLength: 6 }).map((p) => p.join(""))
  .filter((s) => !/^(?:\.|%2e){1,2}$/i.test(s));
const uri = fc.tuple(fc.constantFrom("", "/rest", "/ws"), fc.array(pathSegment, { maxLength: 4 }), fc.boolean())
  .map(([prefix, segments, slash]) => `${prefix}/${segments.join("/")}${slash && segments.length > 0 ? "/" : ""}`);
const QCHAR = [...PCHAR.filter((c) => c !== "&" && c !== "="), "/", "?", "[", "]", "{", "}", "|", "^", "`", "\"", "<", ">", "\\"];
const queryText = (minLength: number) => fc.array(fc.oneof(fc.constantFrom(...QCHAR), escapedChar, fc.constant("%2B"), fc.constant("+")), { minLength, maxLength: 5 }).map((p) => p.join(""));
const queryKey = queryText(1).filter((k) => !/^(?:x-amz-|__proto__$)/i.test(decodeURIComponent(k.replace(/\+/g, " "))));
const querystring = fc.array(fc.tuple(queryKey, fc.option(queryText(0))), { maxLength: 6 })
  .chain((pairs) => fc.constantFrom("", "&").map((extra) => pairs.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join(`&${extra}`)));
const headers = fc.array(
  fc.tuple(fc.constantFrom("Accept", "X-Custom", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256", "X-Forwarded-Authorization", "Cookie"), fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, "x"))),
  { maxLength: 5 },
);
const request = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
  originPath: fc.constantFrom("", "/prod", "/v1"),
  uri,
  querystring,
  headers,
  body: fc.option(fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b))),
});

/** The viewer's parameters as any form decoder reads them (`+` is a space): what the application must still see. */
const formDecoded = (qs: string) => qs.split("&").filter(Boolean).map((p) => {
  const eq = p.indexOf("=");
  const d = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
  return [d(eq < 0 ? p : p.slice(0, eq)), eq < 0 ? "" : d(p.slice(eq + 1))];
});

describe("sigv4-signer properties", () => {
  it("every forwarded request verifies independently (spec verifier and aws4) and keeps the query's meaning", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const body = input.body ?? undefined;
        const result = await handler(originRequestEvent({ ...input, body }));
        assert.ok(!("status" in result!), `refused: ${JSON.stringify(result)}`);
        const out = result as CloudFrontRequest;
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
      { numRuns: 400 },
    );
  });

  it("random garbage never throws and never forwards without a signature the verifier accepts", async () => {
    const garbage = fc.record({
      uri: fc.string({ maxLength: 30 }).map((s) => `/${s}`),
      querystring: fc.string({ maxLength: 30 }),
      method: fc.constantFrom("GET", "POST"),
    });
    await fc.assert(
      fc.asyncProperty(garbage, async (input) => {
        const result = await handler(originRequestEvent(input));
        if (result && "status" in result) {
          assert.ok(["400", "500"].includes((result as CloudFrontResultResponse).status));
          return;
        }
        assert.deepEqual(verifySigV4(receivedBy(result as CloudFrontRequest), { region: "eu-west-1", service: "execute-api", now: SIGNING_TIME, keys: VERIFIER_KEYS }), { ok: true });
      }),
      { numRuns: 400 },
    );
  });
});
