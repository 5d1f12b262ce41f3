/** The one-scan canonical forms against the standard library's decodeURIComponent / encodeURIComponent. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalEscapes, type EscapeProblem } from "../../edge-functions/sigv4-signer/src/escapes";
import { canonicalComponent, normalPath } from "./support/percentOracle";

const run = (text: string, component: boolean): string | EscapeProblem => {
  try {
    return canonicalEscapes(text, component, (problem) => {
      throw problem;
    });
  } catch (problem) {
    return problem as EscapeProblem;
  }
};
/** Visible ASCII, escapes of any byte in either case, whole UTF-8 characters escaped, and broken escapes. */
const piece = fc.oneof(
  { arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 6 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([b, lower]) => `%${b.toString(16).padStart(2, "0")[lower ? "toLowerCase" : "toUpperCase"]()}`), weight: 3 },
  { arbitrary: fc.integer({ min: 0x80, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => encodeURIComponent(String.fromCodePoint(c))), weight: 4 },
  { arbitrary: fc.constantFrom("%", "%4", "%G1", "%C0%AE", "%ED%A0%80", "%F4%90%80%80", "%E1%88", "+"), weight: 1 },
);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));

describe("sigv4-signer percent-encoding in one scan", () => {
  it("a query component: exactly RFC 3986 encoding of what decodeURIComponent reads (+ as a space), refused exactly when it refuses", () => {
    const seen = { same: 0, refused: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const expected = canonicalComponent(t);
        const actual = run(t, true);
        if (expected === undefined) {
          // The first problem in reading order; only text with a broken escape may be told "bad percent-encoding".
          if (/%(?![0-9A-Fa-f]{2})/.test(t)) assert.ok(actual === "bad percent-encoding" || actual === "not UTF-8", t);
          else assert.equal(actual, "not UTF-8", t);
          seen.refused++;
        } else {
          assert.equal(actual, expected, t);
          seen.same++;
        }
      }),
      { numRuns: 3000 },
    );
    assert.ok(seen.same > 500 && seen.refused > 500, JSON.stringify(seen));
  });

  it("a path: RFC 3986 normal form, other characters kept, refused exactly when decodeURIComponent refuses", () => {
    fc.assert(
      fc.property(text.filter((t) => !/%(?![0-9A-Fa-f]{2})/.test(t)), (t) => {
        let utf8 = true;
        try {
          decodeURIComponent(t);
        } catch {
          utf8 = false;
        }
        assert.equal(run(t, false), utf8 ? normalPath(t) : "not UTF-8", t);
      }),
      { numRuns: 3000 },
    );
  });

  const CASES: [string, boolean, string | EscapeProblem][] = [
    ["a+b%2Bc%20d", true, "a%20b%2Bc%20d"],
    ["a+b", false, "a+b"],
    ["%7e%41%2d%2E%5F", true, "~A-._"],
    ["%c3%a9!'()*", true, "%C3%A9%21%27%28%29%2A"],
    ["%c3%a9!'()*", false, "%C3%A9!'()*"],
    ["%F0%9F%90%B6", true, "%F0%9F%90%B6"],
    ["%F4%8F%BF%BF", true, "%F4%8F%BF%BF"],
    ["%F4%90%80%80", true, "not UTF-8"],
    ["%E0%9F%BF", true, "not UTF-8"],
    ["%ED%9F%BF", true, "%ED%9F%BF"],
    ["%ED%A0%80", true, "not UTF-8"],
    ["%C2", true, "not UTF-8"],
    ["%C2a%A9", true, "not UTF-8"],
    ["%zz", true, "bad percent-encoding"],
    ["a%", true, "bad percent-encoding"],
    ["plain-text_1.2~", true, "plain-text_1.2~"],
  ];
  for (const [input, component, expected] of CASES) {
    it(`${component ? "component" : "path"} ${input} -> ${expected}`, () => {
      assert.equal(run(input, component), expected);
    });
  }
});
