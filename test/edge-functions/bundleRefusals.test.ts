/**
 * Every refused path and query, every foreign origin and every steering header, through the BUILT bundle
 * (the code Lambda@Edge runs), with the same tables the handler specs use.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult, CloudFrontResultResponse } from "aws-lambda";
import { writeSignerBundle } from "../../edge-functions/sigv4-signer/build";
import { CREDENTIALS_ENV, originRequestEvent, receivedBy, VERIFIER_KEYS } from "./support/events";
import { TEST_SETTINGS } from "./support/handlerHarness";
import { AT_LIMITS, FOREIGN_ORIGINS, MALFORMED, OVER_LIMITS, READABLE_BODIES, STEERING_HEADERS, UNREADABLE_BODIES, withRequestData } from "./support/refusals";
import { verifySigV4 } from "./support/verifySigV4";

describe("sigv4-signer bundle: what it refuses and drops", () => {
  let dir: string;
  let handler: (event: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>;
  const lines: string[] = [];
  const saved = { env: { ...process.env }, error: console.error };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "signer-refusals-"));
    const file = join(dir, "index.js");
    writeSignerBundle(file, TEST_SETTINGS);
    Object.assign(process.env, CREDENTIALS_ENV);
    ({ handler } = (await import(pathToFileURL(file).href)) as { handler: typeof handler });
    console.error = (line: string) => lines.push(line);
  });
  after(() => {
    console.error = saved.error;
    for (const key of Object.keys(CREDENTIALS_ENV)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => (lines.length = 0));

  async function refused(input: Parameters<typeof withRequestData>[0]): Promise<{ status: string; code: string; detail: string }> {
    const result = await handler(originRequestEvent(withRequestData(input)));
    assert.ok(result && "status" in result, "expected a generated response");
    assert.equal(lines.length, 1);
    return { status: (result as CloudFrontResultResponse).status, code: JSON.parse((result as CloudFrontResultResponse).body!).code, detail: JSON.parse(lines[0]).detail };
  }

  for (const [what, input, detail] of MALFORMED) {
    it(`400 for ${what}`, async () => {
      assert.deepEqual(await refused(input), { status: "400", code: "MALFORMED_REQUEST", detail });
    });
  }
  for (const [what, input, detail] of UNREADABLE_BODIES) {
    it(`415 for a body the managed rules cannot read: ${what}`, async () => {
      assert.deepEqual(await refused(input), { status: "415", code: "UNSUPPORTED_MEDIA_TYPE", detail });
    });
  }
  for (const [what, input] of READABLE_BODIES) {
    it(`forwards a readable body, signed: ${what}`, async () => {
      const result = (await handler(originRequestEvent(input))) as CloudFrontRequest;
      assert.ok(!("status" in result), JSON.stringify(result));
      assert.deepEqual(verifySigV4(receivedBy(result, input.body), { region: "eu-west-1", service: "execute-api", now: new Date(), keys: VERIFIER_KEYS }), { ok: true });
    });
  }
  for (const [what, input] of FOREIGN_ORIGINS) {
    it(`502 for an origin that is not the stack's: ${what}`, async () => {
      const { status, code } = await refused(input);
      assert.deepEqual([status, code], ["502", "UNKNOWN_ORIGIN"]);
    });
  }

  for (const [what, input, status, code, detail] of OVER_LIMITS) {
    it(`${status} for ${what}`, async () => {
      assert.deepEqual(await refused(input), { status, code, detail });
    });
  }
  for (const [what, input] of AT_LIMITS) {
    it(`forwards ${what}, the limit, signed`, async () => {
      const result = (await handler(originRequestEvent(withRequestData(input)))) as CloudFrontRequest;
      assert.ok(!("status" in result));
      assert.deepEqual(verifySigV4(receivedBy(result), { region: "eu-west-1", service: "execute-api", now: new Date(), keys: VERIFIER_KEYS }), { ok: true });
    });
  }

  it("returns the connection pinned to HTTPS on 443 with TLS 1.2 for an origin given as http, port 80, SSLv3", async () => {
    const event = originRequestEvent({ uri: "/pets" });
    Object.assign(event.Records[0].cf.request.origin!.custom!, { protocol: "http", port: 80, sslProtocols: ["SSLv3"] });
    const result = (await handler(event)) as CloudFrontRequest;
    assert.deepEqual([result.origin?.custom?.protocol, result.origin?.custom?.port, result.origin?.custom?.sslProtocols], ["https", 443, ["TLSv1.2"]]);
  });

  it("forwards none of the steering headers, signed", async () => {
    const result = (await handler(originRequestEvent({ headers: STEERING_HEADERS.map((name): [string, string] => [name, "x"]) }))) as CloudFrontRequest;
    assert.ok(!("status" in result));
    for (const name of STEERING_HEADERS) assert.equal(result.headers[name.toLowerCase()], undefined, name);
    assert.deepEqual(verifySigV4(receivedBy(result), { region: "eu-west-1", service: "execute-api", now: new Date(), keys: VERIFIER_KEYS }), { ok: true });
  });
});
