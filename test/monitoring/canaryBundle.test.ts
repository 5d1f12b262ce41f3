/** The canary zip: deterministic, laid out as Synthetics loads Node.js canaries, targets baked in, checked with unzip(1). */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCanaryScript, buildCanaryZip, CANARY_HANDLER, writeCanaryZip } from "../../edge-functions/canary/build";
import type { ProbeTarget } from "../../edge-functions/canary/src/targets";
import { ConfigError } from "../../components/shared/validation";

const TARGETS: ProbeTarget[] = [
  { name: "petstore-rest", kind: "REST", edgeUrl: "https://d111.cloudfront.net/", directUrl: "https://a1.execute-api.eu-west-1.amazonaws.com/dev/", path: "pets", expectStatus: 200 },
  { name: "petstore-ws", kind: "WEBSOCKET", edgeUrl: "wss://d111.cloudfront.net/ws", directUrl: "wss://a3.execute-api.eu-west-1.amazonaws.com/dev", path: "" },
];

describe("canary bundle", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "canary-zip-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is byte-identical for equal targets in any order, and differs when a target changes", () => {
    const zip = buildCanaryZip(TARGETS);
    assert.deepEqual(buildCanaryZip([...TARGETS].reverse()), zip);
    assert.notDeepEqual(buildCanaryZip([{ ...TARGETS[0], path: "pets/1" }, TARGETS[1]]), zip);
    assert.equal(CANARY_HANDLER, "edgeCanary.handler");
  });

  it("holds exactly nodejs/node_modules/edgeCanary.js, dated 1980-01-01 (unzip -Z)", () => {
    const file = join(dir, "listing.zip");
    writeFileSync(file, buildCanaryZip(TARGETS));
    const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
    assert.deepEqual(names, ["nodejs/node_modules/edgeCanary.js"]);
    assert.match(execFileSync("unzip", ["-l", file], { encoding: "utf8" }), /1980-01-01 00:00/);
  });

  it("the unzipped script loads with require(), exports handler and bakes in the canonical targets, needing only Node built-ins", async () => {
    const file = join(dir, "load.zip");
    writeFileSync(file, buildCanaryZip(TARGETS));
    execFileSync("unzip", ["-o", "-q", file, "-d", join(dir, "x")]);
    const script = readFileSync(join(dir, "x/nodejs/node_modules/edgeCanary.js"), "utf8");
    assert.equal(script, buildCanaryScript(TARGETS));
    assert.deepEqual([...new Set(script.match(/require\("[^"]*"\)/g))].sort(), ['require("node:crypto")', 'require("node:http")', 'require("node:https")']);
    assert.ok(script.includes(JSON.stringify(TARGETS)), "targets baked in, sorted by name");
    const loaded = require(join(dir, "x/nodejs/node_modules/edgeCanary.js")) as { handler: unknown };
    assert.equal(typeof loaded.handler, "function");
  });

  it("writes canary-<hash>.zip, a new name whenever the code changes", () => {
    const a = writeCanaryZip(TARGETS, dir);
    assert.equal(writeCanaryZip([...TARGETS].reverse(), dir), a);
    const b = writeCanaryZip([TARGETS[0]], dir);
    assert.notEqual(a, b);
    assert.match(a, /canary-[0-9a-f]{16}\.zip$/);
    assert.ok(readdirSync(dir).includes(a.split("/").pop()!));
  });

  it("refuses bad or no targets with one error naming each field", () => {
    assert.throws(() => buildCanaryScript([]), (e: unknown) => e instanceof ConfigError && /targets: got \[\]; required: at least one API/.test(e.message));
    assert.throws(
      () => buildCanaryScript([{ ...TARGETS[0], directUrl: "http://a1.execute-api.eu-west-1.amazonaws.com/dev/" }]),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 1 && e.problems[0].field === "targets[0].directUrl",
    );
  });
});
