/** The bundle: deterministic, small, self-contained, settings baked in, loadable with import(). */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { buildSignerBundle, writeSignerBundle } from "../../edge-functions/sigv4-signer/build";
import { DEFAULT_SIGNER_SETTINGS, type SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { ConfigError } from "../../components/shared/validation";
import { CREDENTIALS_ENV, originRequestEvent } from "./support/events";

const PROD: SignerSettings = {
  customDomains: { "api.example.com": "eu-west-1", "ws.example.com": "eu-west-1", "legacy.example.org": "us-east-1" },
  authorizationHeader: "x-app-authorization",
};
/** The documented limit for the minified bundle. */
const MAX_BUNDLE_BYTES = 20_000;

describe("sigv4-signer bundle", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "signer-bundle-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is byte-identical for equal settings, whatever their key order", () => {
    const reordered: SignerSettings = { authorizationHeader: PROD.authorizationHeader, customDomains: { "legacy.example.org": "us-east-1", "ws.example.com": "eu-west-1", "api.example.com": "eu-west-1" } };
    assert.equal(buildSignerBundle(PROD), buildSignerBundle(reordered));
    assert.notEqual(buildSignerBundle(PROD), buildSignerBundle(DEFAULT_SIGNER_SETTINGS));
  });

  it("holds no paths of the build machine, no dynamic import and no require but node:crypto", () => {
    const code = buildSignerBundle(PROD);
    assert.ok(!code.includes(process.cwd()) && !code.includes("node_modules") && !code.includes(__dirname));
    assert.ok(!/\bimport\(/.test(code));
    assert.deepEqual([...new Set(code.match(/require\("[^"]*"\)/g))], ['require("node:crypto")']);
    assert.ok(code.includes(JSON.stringify({ customDomains: { "api.example.com": "eu-west-1", "legacy.example.org": "us-east-1", "ws.example.com": "eu-west-1" }, authorizationHeader: "x-app-authorization" })));
  });

  it("bakes in only the settings (no routes), and is CommonJS without ESM interop helpers", () => {
    const code = buildSignerBundle(DEFAULT_SIGNER_SETTINGS);
    assert.ok(code.includes(`JSON.parse('{"customDomains":{},"authorizationHeader":"x-forwarded-authorization"}')`));
    assert.ok(!code.includes("__esModule"));
  });

  it(`is at most ${MAX_BUNDLE_BYTES} bytes minified (default and a three-API production set)`, () => {
    assert.ok(Buffer.byteLength(buildSignerBundle(DEFAULT_SIGNER_SETTINGS)) <= MAX_BUNDLE_BYTES);
    assert.ok(Buffer.byteLength(buildSignerBundle(PROD)) <= MAX_BUNDLE_BYTES);
  });

  it("refuses invalid settings with one error naming every problem", () => {
    assert.throws(
      () => buildSignerBundle({ customDomains: { "api.example.com": "nowhere-1" }, authorizationHeader: "cookie" }),
      (error: unknown) => error instanceof ConfigError && error.problems.map((p) => p.field).join() === "customDomains.api.example.com,authorizationHeader",
    );
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
      const out = (await mod.handler(originRequestEvent({ domainName: "api.example.com", originPath: "", originPrefix: "/rest", uri: "/rest/pets", headers: [["Authorization", "Bearer app"]] }))) as CloudFrontRequest;
      assert.equal(out.uri, "/pets");
      assert.equal(out.origin?.custom?.path, "");
      assert.deepEqual(out.headers["x-app-authorization"], [{ key: "x-app-authorization", value: "Bearer app" }]);
      assert.match(out.headers.authorization[0].value, /^AWS4-HMAC-SHA256 Credential=ASIAEDGETESTKEY00001\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    } finally {
      for (const key of Object.keys(CREDENTIALS_ENV)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
