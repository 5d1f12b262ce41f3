/** The bundle: deterministic, small, self-contained, settings baked in, loadable with import(). */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { buildSignerBundle, writeSignerBundle } from "../../edge-functions/sigv4-signer/build";
import { EXAMPLE_SIGNER_SETTINGS } from "../../edge-functions/sigv4-signer/build";
import { canonicalSignerSettings, type SignerOrigin, type SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { ConfigError } from "../../components/shared/validation";
import { CREDENTIALS_ENV, originRequestEvent } from "./support/events";

const REST: SignerOrigin = { domain: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", path: "/prod", prefix: "", region: "eu-west-1" };
const ORDERS: SignerOrigin = { domain: "k1l2m3n4o5.execute-api.eu-west-1.amazonaws.com", path: "/live", prefix: "/orders", region: "eu-west-1" };
const LEGACY: SignerOrigin = { domain: "legacy.example.org", path: "", prefix: "/rest", region: "us-east-1" };
const PROD: SignerSettings = { origins: [REST, ORDERS, LEGACY], authorizationHeader: "x-app-authorization" };
/** CloudFront's default quota of origins per distribution, each an API behind its own prefix. */
const MANY: SignerSettings = {
  origins: Array.from({ length: 25 }, (_, i) => ({ domain: `${String(i).padStart(10, "a")}.execute-api.ap-southeast-2.amazonaws.com`, path: `/stage-${i}`, prefix: i === 0 ? "" : `/service-${i}`, region: "ap-southeast-2" })),
  authorizationHeader: "x-forwarded-authorization",
};
/** The documented limit for the minified bundle. */
const MAX_BUNDLE_BYTES = 20_000;

describe("sigv4-signer bundle", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "signer-bundle-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is byte-identical for equal settings, whatever their order, and differs when an origin does", () => {
    const reordered: SignerSettings = { authorizationHeader: PROD.authorizationHeader, origins: [LEGACY, ORDERS, { region: REST.region, prefix: "", path: "/prod", domain: REST.domain }] };
    assert.equal(buildSignerBundle(PROD), buildSignerBundle(reordered));
    for (const changed of [
      { ...PROD, origins: [REST, ORDERS] },
      { ...PROD, origins: [REST, ORDERS, LEGACY, { ...REST, path: "/beta" }] },
      { ...PROD, origins: [REST, { ...ORDERS, prefix: "/order" }, LEGACY] },
      { ...PROD, authorizationHeader: "x-forwarded-authorization" },
    ]) {
      assert.notEqual(buildSignerBundle(changed), buildSignerBundle(PROD));
    }
  });

  it("holds no paths of the build machine, no dynamic import and no require but node:crypto", () => {
    const code = buildSignerBundle(PROD);
    assert.ok(!code.includes(process.cwd()) && !code.includes("node_modules") && !code.includes(__dirname));
    assert.ok(!/\bimport\(/.test(code));
    assert.deepEqual([...new Set(code.match(/require\("[^"]*"\)/g))], ['require("node:crypto")']);
  });

  it("bakes in exactly the canonical settings, and is CommonJS without ESM interop helpers", () => {
    const code = buildSignerBundle(PROD);
    assert.ok(code.includes(`JSON.parse('${JSON.stringify(canonicalSignerSettings(PROD))}')`));
    assert.deepEqual(canonicalSignerSettings(PROD).origins, [REST, ORDERS, LEGACY]);
    assert.ok(!code.includes("__esModule"));
  });

  it(`is at most ${MAX_BUNDLE_BYTES} bytes minified (the example, a three-API production set, 25 origins)`, () => {
    for (const settings of [EXAMPLE_SIGNER_SETTINGS, PROD, MANY]) assert.ok(Buffer.byteLength(buildSignerBundle(settings)) <= MAX_BUNDLE_BYTES);
  });

  it("refuses invalid settings with one error naming every problem", () => {
    assert.throws(
      () => buildSignerBundle({ origins: [{ ...REST, region: "nowhere-1" }], authorizationHeader: "cookie" }),
      (error: unknown) => error instanceof ConfigError && error.problems.map((p) => p.field).join() === "origins[0].region,authorizationHeader",
    );
    assert.throws(() => buildSignerBundle({ origins: [], authorizationHeader: "x-forwarded-authorization" }), ConfigError);
  });

  it("loads with import(), exports handler, and applies the baked settings", async () => {
    const file = join(dir, "index.js");
    writeSignerBundle(file, PROD);
    assert.equal(readFileSync(file, "utf8"), buildSignerBundle(PROD));
    const saved = { ...process.env };
    Object.assign(process.env, CREDENTIALS_ENV);
    try {
      const mod = (await import(pathToFileURL(file).href)) as { handler: (e: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult> };
      assert.equal(typeof mod.handler, "function");
      const out = (await mod.handler(originRequestEvent({ domainName: "legacy.example.org", originPath: "", originPrefix: "/rest", uri: "/rest/pets", headers: [["Authorization", "Bearer app"]] }))) as CloudFrontRequest;
      assert.equal(out.uri, "/pets");
      assert.equal(out.origin?.custom?.path, "");
      assert.deepEqual(out.headers["x-app-authorization"], [{ key: "x-app-authorization", value: "Bearer app" }]);
      assert.match(out.headers.authorization[0].value, /^AWS4-HMAC-SHA256 Credential=ASIAEDGETESTKEY00001\/\d{8}\/us-east-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    } finally {
      for (const key of Object.keys(CREDENTIALS_ENV)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
