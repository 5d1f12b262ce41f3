/** The README's layout block names every folder a newcomer finds, and nothing that is gone. */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const LAYOUT = README.slice(README.indexOf("```\nindex.ts "), README.indexOf("```\n", README.indexOf("```\nindex.ts ") + 4));
const TOP_LEVEL_SKIPPED = new Set(["node_modules", "dist"]);

const folders = (dir: string) => readdirSync(join(ROOT, dir)).filter((n) => !n.startsWith(".") && statSync(join(ROOT, dir, n)).isDirectory());
/** The names the block lists at a depth: `name/` at the start of a line, or in a `a/ b/ c/` group. */
const listed = (indent: string) =>
  new Set(LAYOUT.split("\n").filter((l) => l.startsWith(indent) && l[indent.length] !== " ").flatMap((l) => [...l.slice(indent.length).split(/ {2,}/)[0].matchAll(/([\w.-]+)\//g)].map((m) => m[1])));

describe("README layout", () => {
  it("is found", () => assert.ok(LAYOUT.length > 200, "the layout block starts with ```\\nindex.ts"));

  it("lists every top-level folder and only those", () => {
    const top = new Set(LAYOUT.split("\n").filter((l) => /^[\w.-]+\//.test(l)).map((l) => l.split("/")[0]));
    assert.deepEqual([...top].sort(), folders(".").filter((n) => !TOP_LEVEL_SKIPPED.has(n)).sort());
  });

  it("lists every folder of components/ and only those", () => {
    assert.deepEqual([...listed("  ")].sort(), folders("components").sort());
  });
});
