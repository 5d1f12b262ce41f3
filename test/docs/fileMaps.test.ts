/**
 * Every module README listed here has a `## Files` table naming each of its TypeScript files exactly once, and
 * nothing that is gone: adding, renaming or removing a file without updating the map fails.
 */
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = join(__dirname, "..", "..");

interface FileMap {
  /** The folder, from the project's root; its README.md holds the map. */
  readonly dir: string;
  /** Subfolders whose files the map lists as `<sub>/<file>.ts`. */
  readonly expanded?: readonly string[];
}

/** The maps this test keeps complete (the modules another change owns are not listed yet). */
const MAPS: readonly FileMap[] = [
  { dir: "components/waf" },
  { dir: "components/shield" },
  { dir: "components/monitoring" },
  { dir: "components/governance" },
  { dir: "components/cost" },
  { dir: "components/config" },
  { dir: "components/contract" },
  { dir: "components/api" },
  { dir: "components/edge" },
  { dir: "components/private-integration" },
  { dir: "components/signer" },
  { dir: "components/shared", expanded: ["schema"] },
  { dir: "governance", expanded: ["components"] },
  { dir: "policy" },
  { dir: "edge-functions/sigv4-signer", expanded: ["src"] },
  { dir: "edge-functions/canary", expanded: ["src"] },
];

/** Build output and dependencies, never mapped. */
const SKIPPED_FOLDERS = new Set(["dist", "node_modules"]);
const HEADER = "| file | what it holds |";
const ROW = /^\| `([^`]+)` \| (.*\S) \|$/;

/** What the map must name: the folder's `.ts` files (not tests), expanded subfolders' files, other subfolders as `sub/`. */
export function expectedEntries(map: FileMap, root = ROOT): string[] {
  const here = join(root, map.dir);
  const entries: string[] = [];
  for (const name of readdirSync(here)) {
    if (name.startsWith(".")) continue;
    if (statSync(join(here, name)).isDirectory()) {
      if (SKIPPED_FOLDERS.has(name)) continue;
      if (map.expanded?.includes(name)) entries.push(...tsFiles(join(here, name)).map((file) => `${name}/${file}`));
      else entries.push(`${name}/`);
    } else if (isMapped(name)) {
      entries.push(name);
    }
  }
  return entries.sort();
}

const isMapped = (name: string) => name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts");
const tsFiles = (dir: string) => readdirSync(dir).filter((name) => isMapped(name) && statSync(join(dir, name)).isFile());

/** The file names of a README's `## Files` table, in order; throws when the section or its table is malformed. */
export function mappedEntries(readme: string): string[] {
  const sections = readme.split(/^## Files$/m);
  if (sections.length !== 2) throw new Error(`expected one "## Files" section, found ${sections.length - 1}`);
  // The section ends at the next heading; its table is the first one in it.
  const lines = sections[1].split("\n").slice(1);
  const end = lines.findIndex((line) => line.startsWith("#"));
  const tableAt = lines.slice(0, end < 0 ? undefined : end).findIndex((line) => line.startsWith("|"));
  if (tableAt < 0) throw new Error("the Files section has no table");
  if (lines[tableAt] !== HEADER) throw new Error(`the table's header must be "${HEADER}", got "${lines[tableAt]}"`);
  if (!/^\| -+ \| -+ \|$/.test(lines[tableAt + 1] ?? "")) throw new Error("the header must be followed by | --- | --- |");
  const rows: string[] = [];
  for (const line of lines.slice(tableAt + 2)) {
    if (!line.startsWith("|")) break;
    const match = ROW.exec(line);
    if (!match) throw new Error(`a row must be | \`file\` | one line on what it holds |, got: ${line}`);
    rows.push(match[1]);
  }
  return rows;
}

describe("module READMEs' file maps", () => {
  for (const map of MAPS) {
    describe(`${map.dir}/README.md`, () => {
      const readme = () => readFileSync(join(ROOT, map.dir, "README.md"), "utf8");

      it("names every file once, and only files that exist", () => {
        const mapped = mappedEntries(readme());
        const duplicates = mapped.filter((name, i) => mapped.indexOf(name) !== i);
        assert.deepEqual(duplicates, [], "rows listed twice");
        const expected = expectedEntries(map);
        assert.deepEqual(
          { missing: expected.filter((e) => !mapped.includes(e)), gone: mapped.filter((m) => !expected.includes(m)) },
          { missing: [], gone: [] },
        );
      });
    });
  }

  describe("the check itself", () => {
    const valid = ["# m", "", "## Files", "", HEADER, "| --- | --- |", "| `a.ts` | the entry |", "| `b.ts` | a helper |", "", "## API"].join("\n");

    it("reads the rows of the table", () => assert.deepEqual(mappedEntries(valid), ["a.ts", "b.ts"]));

    it("stops at the end of the table", () => {
      assert.deepEqual(mappedEntries(`${valid}\n\n| \`later.ts\` | another table |`), ["a.ts", "b.ts"]);
    });

    it("refuses a README without the section, with two, or with another header", () => {
      assert.throws(() => mappedEntries("# m\n\n## API\n"), /one "## Files" section, found 0/);
      assert.throws(() => mappedEntries(`${valid}\n\n## Files\n`), /found 2/);
      assert.throws(() => mappedEntries(valid.replace(HEADER, "| File | What |")), /header must be/);
    });

    it("refuses a row with two files or no description", () => {
      assert.throws(() => mappedEntries(valid.replace("| `a.ts` |", "| `a.ts`, `c.ts` |")), /a row must be/);
      assert.throws(() => mappedEntries(valid.replace("the entry", " ")), /a row must be/);
    });

    it("refuses a section whose table comes after the next heading", () => {
      assert.throws(() => mappedEntries(valid.replace("## Files\n", "## Files\n\n## Other\n")), /no table/);
    });

    it("expects the folder's TypeScript files, an expanded subfolder's files, other subfolders as rows", () => {
      const root = mkdtempSync(join(tmpdir(), "file-maps-"));
      try {
        for (const file of ["m/a.ts", "m/a.test.ts", "m/types.d.ts", "m/README.md", "m/src/b.ts", "m/src/b.test.ts", "m/dist/c.ts", "m/other/d.ts"]) {
          mkdirSync(join(root, dirname(file)), { recursive: true });
          writeFileSync(join(root, file), "");
        }
        assert.deepEqual(expectedEntries({ dir: "m", expanded: ["src"] }, root), ["a.ts", "other/", "src/b.ts"]);
        assert.deepEqual(expectedEntries({ dir: "m" }, root), ["a.ts", "other/", "src/"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});
