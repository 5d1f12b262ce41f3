import { strict as assert } from "node:assert";
import { signerSchema } from "../../components/config/signer";
import { creatableRuntimes, runtimeDeprecationNote, runtimeRefusal } from "../../components/shared/lambdaRuntimes";
import { problemsFrom } from "../../components/shared/schema/problems";
import { Problem } from "../../components/shared/validation";

function parseSigner(input: { runtime?: unknown }, now: Date): { runtime?: string; problems: Problem[] } {
  const result = signerSchema(now).safeParse(input);
  return result.success ? { runtime: result.data.runtime, problems: [] } : { problems: problemsFrom(result.error.issues, input) };
}

const DAY = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("signer runtime", () => {
  it("refuses nodejs20.x, naming the date Lambda stopped creating it", () => {
    const { problems } = parseSigner({ runtime: "nodejs20.x" }, DAY("2026-12-01"));
    assert.deepEqual(problems.map((p) => [p.field, p.value]), [["runtime", "nodejs20.x"]]);
    assert.match(problems[0].allowed, /^Lambda blocks creating nodejs20\.x functions since 2026-08-31 \(updates since 2026-09-30; deprecated 2026-04-30\); allowed: "nodejs24\.x" or "nodejs22\.x"/);
  });

  it("accepts nodejs22.x (the default) and nodejs24.x today", () => {
    for (const runtime of [undefined, "nodejs22.x", "nodejs24.x"]) {
      const result = parseSigner({ runtime }, DAY("2026-12-01"));
      assert.deepEqual(result.problems, []);
      assert.equal(result.runtime, runtime ?? "nodejs22.x");
    }
  });

  it("refuses the default too once Lambda stops creating it, so a stack that never chose one learns it first", () => {
    const { problems } = parseSigner({}, DAY("2027-06-01"));
    assert.deepEqual(problems.map((p) => [p.field, p.value]), [["runtime", undefined]]);
    assert.match(problems[0].allowed, /^nodejs22\.x is the default; Lambda blocks creating nodejs22\.x functions since 2027-06-01 .*allowed: "nodejs24\.x"/);
  });

  it("refuses a runtime that is not Lambda's, listing the ones it creates", () => {
    const { problems } = parseSigner({ runtime: "nodejs18.x" }, DAY("2026-12-01"));
    assert.equal(problems[0].allowed, 'allowed: "nodejs24.x" or "nodejs22.x" (Node.js runtimes Lambda@Edge runs)');
    assert.match(parseSigner({ runtime: "nodejs24" }, DAY("2026-12-01")).problems[0].allowed, /did you mean "nodejs24\.x"\?$/);
  });

  it("follows the table's dates: the day before and the day Lambda blocks creation", () => {
    assert.equal(runtimeRefusal("nodejs20.x", DAY("2026-08-30")), undefined);
    assert.match(runtimeRefusal("nodejs20.x", DAY("2026-08-31")) ?? "", /since 2026-08-31/);
    assert.deepEqual(creatableRuntimes(DAY("2026-08-30")), ["nodejs24.x", "nodejs22.x", "nodejs20.x"]);
    assert.deepEqual(creatableRuntimes(DAY("2027-06-01")), ["nodejs24.x"]);
  });

  it("notes a deprecation within 180 days, and none further out", () => {
    assert.equal(runtimeDeprecationNote("nodejs22.x", DAY("2026-10-01")), undefined);
    assert.equal(
      runtimeDeprecationNote("nodejs22.x", DAY("2026-12-01")),
      "nodejs22.x is deprecated on 2027-04-30 and Lambda blocks creating functions on it from 2027-06-01; plan the move to a newer runtime",
    );
    assert.equal(runtimeDeprecationNote("nodejs24.x", DAY("2026-12-01")), undefined);
  });
});
