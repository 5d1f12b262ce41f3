/**
 * AWS's own SigV4 test suites (aws-c-auth and botocore) through the signing core, asserting the exact
 * canonical request, string to sign, signature and Authorization header of every applicable case.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SignatureV4Base } from "@smithy/signature-v4";
import { PairQuerySignature, signRequest, type SigningCredentials } from "../../edge-functions/sigv4-signer/src/sign";
import { parseQuery } from "../../edge-functions/sigv4-signer/src/query";
import { verifySigV4 } from "./support/verifySigV4";

interface VectorCase {
  readonly name: string;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query: string;
    readonly headers: [string, string][];
    readonly body: string;
  };
  readonly context: {
    readonly region: string;
    readonly service: string;
    readonly credentials: SigningCredentials;
    readonly timestamp: string;
    readonly normalize?: boolean;
    readonly sign_body?: boolean;
    readonly omit_session_token?: boolean;
  };
  readonly expected: { canonicalRequest: string; stringToSign: string; signature: string; authorizationHeader: string };
}

const FIXTURES = join(__dirname, "..", "fixtures", "sigv4");
const suite = (file: string): VectorCase[] => JSON.parse(readFileSync(join(FIXTURES, file), "utf8")).cases;

/**
 * Cases that only make sense with path normalization off (S3 rules). execute-api always normalizes,
 * and smithy normalizes whenever it escapes the path, so these do not apply.
 */
const NOT_APPLICABLE = [
  "get-relative-relative-unnormalized", "get-relative-unnormalized", "get-slash-dot-slash-unnormalized",
  "get-slash-pointless-dot-unnormalized", "get-slash-unnormalized", "get-slashes-unnormalized", "get-space-unnormalized",
];

/** The suites write raw UTF-8 in a few request lines; on the wire it is percent-encoded. */
const toWire = (query: string) => query.replace(/[^\x21-\x7e]+/g, (s) => encodeURIComponent(s));

/**
 * The two intermediate strings, observed while the core signs: the canonical request from the core's own
 * override (smithy's with the canonical query put in), the string to sign on smithy's prototype.
 */
interface Traced {
  canonicalRequest: string;
  stringToSign: string;
}
type Internals = {
  createCanonicalRequest(...args: unknown[]): string;
  createStringToSign(...args: unknown[]): Promise<string>;
};

function traceSmithy(): { traced: Traced; restore: () => void } {
  const ours = PairQuerySignature.prototype as unknown as Internals;
  const smithy = SignatureV4Base.prototype as unknown as Internals;
  const { createCanonicalRequest } = ours;
  const { createStringToSign } = smithy;
  const traced: Traced = { canonicalRequest: "", stringToSign: "" };
  ours.createCanonicalRequest = function (this: unknown, ...args) {
    return (traced.canonicalRequest = createCanonicalRequest.apply(this, args));
  };
  smithy.createStringToSign = async function (this: unknown, ...args) {
    return (traced.stringToSign = await createStringToSign.apply(this, args));
  };
  return {
    traced,
    restore: () => {
      Object.assign(ours, { createCanonicalRequest });
      Object.assign(smithy, { createStringToSign });
    },
  };
}

async function run(c: VectorCase) {
  const headers: Record<string, string[]> = {};
  let host = "";
  for (const [name, value] of c.request.headers) {
    const lower = name.toLowerCase();
    if (lower === "host") host = value;
    // The core adds the date from its clock and the token from the credentials.
    else if (lower !== "x-amz-date" && lower !== "x-amz-security-token") (headers[lower] ??= []).push(value);
  }
  const { sessionToken, ...longTerm } = c.context.credentials;
  const credentials = c.context.omit_session_token || sessionToken === undefined ? longTerm : { ...longTerm, sessionToken };
  return signRequest(
    {
      method: c.request.method,
      host,
      path: c.request.path,
      query: parseQuery(toWire(c.request.query)),
      headers,
      body: c.request.body === "" ? undefined : Buffer.from(c.request.body, "utf8"),
    },
    credentials,
    { region: c.context.region, service: c.context.service, now: new Date(c.context.timestamp), contentSha256Header: c.context.sign_body === true },
  );
}

for (const file of ["aws-c-auth-v4.json", "botocore-aws4.json"]) {
  describe(`SigV4 test suite ${file}`, () => {
    const cases = suite(file);
    let trace: ReturnType<typeof traceSmithy>;
    before(() => (trace = traceSmithy()));
    after(() => trace.restore());

    it("skips exactly the unnormalized-path cases", () => {
      const skipped = cases.filter((c) => NOT_APPLICABLE.includes(c.name)).map((c) => c.name);
      assert.deepEqual(skipped, cases.filter((c) => c.context.normalize === false).map((c) => c.name));
      assert.ok(cases.length - skipped.length >= 31);
    });

    for (const c of cases.filter((k) => !NOT_APPLICABLE.includes(k.name))) {
      it(c.name, async () => {
        const headers = await run(c);
        assert.equal(trace.traced.canonicalRequest, c.expected.canonicalRequest);
        assert.equal(trace.traced.stringToSign, c.expected.stringToSign);
        assert.equal(headers.authorization.split("Signature=")[1], c.expected.signature);
        assert.equal(headers.authorization, c.expected.authorizationHeader);
        assert.equal(headers["x-amz-date"], "20150830T123600Z");
      });
    }

    // The independent verifier used by the handler tests must itself accept AWS's own signed requests.
    for (const c of cases.filter((k) => !NOT_APPLICABLE.includes(k.name))) {
      it(`${c.name}: accepted by the independent verifier`, () => {
        const received: Record<string, string[]> = {};
        for (const [name, value] of c.request.headers) (received[name.toLowerCase()] ??= []).push(value);
        received["x-amz-date"] ??= ["20150830T123600Z"];
        received.authorization = [c.expected.authorizationHeader];
        const { sessionToken } = c.context.credentials;
        if (sessionToken !== undefined) received["x-amz-security-token"] ??= [sessionToken];
        if (c.context.sign_body) received["x-amz-content-sha256"] = [createHash("sha256").update(c.request.body).digest("hex")];
        const verdict = verifySigV4(
          { method: c.request.method, path: c.request.path, query: toWire(c.request.query), headers: received, body: Buffer.from(c.request.body, "utf8") },
          {
            region: c.context.region,
            service: c.context.service,
            now: new Date(c.context.timestamp),
            keys: { [c.context.credentials.accessKeyId]: { secretAccessKey: c.context.credentials.secretAccessKey, sessionToken: c.context.omit_session_token ? undefined : sessionToken } },
          },
        );
        assert.deepEqual(verdict, { ok: true });
      });
    }
  });
}
