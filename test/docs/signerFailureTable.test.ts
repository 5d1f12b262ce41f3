import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FAILURE_STATUS } from "../../edge-functions/sigv4-signer/src/failure";

/** The rows of the runbook's "Reading a signer failure" table: code and status, as an operator reads them. */
function runbookRows(): [string, number][] {
  const text = readFileSync(join(__dirname, "../../docs/operations.md"), "utf8");
  const start = text.indexOf("## Reading a signer failure");
  assert.ok(start >= 0, "docs/operations.md has the section");
  const next = text.indexOf("\n## ", start + 1);
  const section = text.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
}

describe("the runbook's signer failure table (docs/operations.md)", () => {
  it("lists every failure code of edge-functions/sigv4-signer/src/failure.ts once, with the status the signer answers", () => {
    const rows = runbookRows();
    assert.deepEqual(rows.map(([code]) => code).sort(), Object.keys(FAILURE_STATUS).sort());
    assert.deepEqual(Object.fromEntries(rows), FAILURE_STATUS);
  });
});
