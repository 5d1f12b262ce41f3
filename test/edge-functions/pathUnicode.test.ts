/**
 * Oracle for the signer's Unicode rule, over every non-ASCII character of the Basic Multilingual Plane: a path
 * is refused exactly when NFKC turns the character into a delimiter, or it is a direction control.
 */
import { strict as assert } from "node:assert";
import { SignerFailure } from "../../edge-functions/sigv4-signer/src/failure";
import { forwardedPath } from "../../edge-functions/sigv4-signer/src/path";

const DELIMITER = /[./\\%;?#]/;
const DIRECTION_CONTROLS = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

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
  it("refuses exactly the characters NFKC turns into a delimiter and the direction controls, and signs every other one", () => {
    const wrong: string[] = [];
    for (let code = 0x80; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const expected = DELIMITER.test(char.normalize("NFKC")) || DIRECTION_CONTROLS.has(code);
      if (refused(`/a${encodeURIComponent(char)}b`) !== expected) wrong.push(`U+${code.toString(16).toUpperCase()}`);
    }
    assert.deepEqual(wrong, []);
  });
});
