/**
 * Oracle for the signer's Unicode rule: a path is refused exactly when NFKC turns a character into a delimiter, or
 * it is a direction control. Every non-ASCII character of the Basic Multilingual Plane; beyond it, every
 * character NFKC changes and every 61st of the others (the whole range takes seconds).
 */
import { strict as assert } from "node:assert";
import { SignerFailure } from "../../edge-functions/sigv4-signer/src/failure";
import { forwardedPath } from "../../edge-functions/sigv4-signer/src/path";

const DELIMITER = /[./\\%;?#]/;
const DIRECTION_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function refused(uri: string): boolean {
  try {
    forwardedPath("/prod", "", uri);
    return false;
  } catch (error) {
    assert.ok(error instanceof SignerFailure && error.code === "MALFORMED_REQUEST", String(error));
    return true;
  }
}

describe("signer path: compatibility and direction characters", () => {
  it("refuses exactly the characters NFKC turns into a delimiter and the direction controls, in every plane, and signs every other one", () => {
    const wrong: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (code > 0xffff && code % 61 !== 0 && char.normalize("NFKC") === char) continue;
      const expected = DELIMITER.test(char.normalize("NFKC")) || DIRECTION_CONTROLS.has(code);
      if (refused(`/a${encodeURIComponent(char)}b`) !== expected) wrong.push(`U+${code.toString(16).toUpperCase()}`);
    }
    assert.deepEqual(wrong, []);
  });
});
