import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { buildLibrary } from "../../scripts/build-lib";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");

describe("the package app teams install (npm run build:lib, npm pack)", function () {
  this.timeout(180_000);
  before(() => buildLibrary(DIST));

  it("exports the components, their schemas and the outputs contract as JavaScript", () => {
    // A plain require of the built file: what a consumer's Node resolves through package.json `exports`.
    const lib = require(path.join(DIST, "components", "index.js")) as Record<string, unknown>;
    for (const name of ["EdgeProtection", "ProtectedApis", "PrivateMicroservices", "EdgeWebAcl", "EdgeShield", "readEdgeStack", "apiEdgeUrl", "stackSchema", "readStackConfig", "ConfigError"]) {
      assert.equal(typeof lib[name], "function", name);
    }
  });

  it("packs the built JavaScript, its declarations and the signer's and the canary's sources, and nothing of the repository's own", () => {
    const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" })) as { files: { path: string }[] }[];
    const files = pack.files.map((f) => f.path);
    for (const required of ["dist/components/index.js", "dist/components/index.d.ts", "dist/components/api/petstore/index.js", "dist/edge-functions/sigv4-signer/build.js", "edge-functions/sigv4-signer/src/index.ts", "dist/edge-functions/canary/build.js", "edge-functions/canary/src/index.ts", "package.json", "README.md"]) {
      assert.ok(files.includes(required), `${required} not packed`);
    }
    assert.deepEqual(files.filter((f) => /^(test|scripts|examples|index\.ts|Pulumi)/.test(f)), []);
  });

  it("bundles the signer from the package exactly as from the checkout", () => {
    const settings = { origins: [{ domain: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", path: "/prod", prefix: "", region: "eu-west-1" }], authorizationHeader: "x-forwarded-authorization" };
    const packaged = require(path.join(DIST, "edge-functions", "sigv4-signer", "build.js")) as typeof import("../../edge-functions/sigv4-signer/build");
    const source = require("../../edge-functions/sigv4-signer/build") as typeof import("../../edge-functions/sigv4-signer/build");
    assert.equal(packaged.buildSignerBundle(settings), source.buildSignerBundle(settings));
  });

  it("bundles the canary from the package exactly as from the checkout", () => {
    const targets = [{ name: "shop", kind: "REST" as const, edgeUrl: "https://d111111abcdef8.cloudfront.net/", directUrl: "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/", path: "pets" }];
    const packaged = require(path.join(DIST, "edge-functions", "canary", "build.js")) as typeof import("../../edge-functions/canary/build");
    const source = require("../../edge-functions/canary/build") as typeof import("../../edge-functions/canary/build");
    assert.equal(packaged.buildCanaryScript(targets), source.buildCanaryScript(targets));
  });

  it("resolves by name through the exports map, as the examples import it", () => {
    const resolved = execFileSync(process.execPath, ["-e", "console.log(require.resolve('edge-security'))"], { cwd: ROOT, encoding: "utf8" }).trim();
    assert.equal(resolved, path.join(DIST, "components", "index.js"));
  });
});
