/**
 * Percent-encoding in one scan: the canonical form of a path or of a query component, with the escaped
 * bytes checked to be UTF-8. decodeURIComponent and encodeURIComponent give the same result (a property
 * test holds them as the oracle) but cost several times more per byte, and an 8 KB URL of escapes is the
 * costliest request a viewer can send (npm run bench).
 */

/** Why text cannot be read: an escape without two hex digits, or escaped bytes that are not UTF-8 (RFC 3629). */
export type EscapeProblem = "bad percent-encoding" | "not UTF-8";

/** RFC 3986 unreserved characters by code. */
const UNRESERVED = new Uint8Array(128);
for (const char of "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") UNRESERVED[char.charCodeAt(0)] = 1;
const HEX = "0123456789ABCDEF";
/** Hex digit values by code, -1 for anything else. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE[HEX.charCodeAt(i)] = i;
  HEX_VALUE[HEX.toLowerCase().charCodeAt(i)] = i;
}
const escape = (byte: number) => `%${HEX[byte >> 4]}${HEX[byte & 15]}`;

/**
 * The canonical form of `text` (visible ASCII): every escape of an unreserved character decoded, every other
 * escape in uppercase hex, escaped bytes UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
 * For a query component (`component`), `+` is a space and every other character that is not unreserved is
 * escaped too, which is RFC 3986 encoding of the decoded text; in a path, other characters stay as they are.
 */
export function canonicalEscapes(text: string, component: boolean, fail: (problem: EscapeProblem) => never): string {
  const parts: string[] = [];
  let from = 0;
  // UTF-8: continuation bytes still expected, the allowed range of the next one, and where it must start.
  let expected = 0;
  let low = 0x80;
  let high = 0xbf;
  let next = -1;
  // In a path only escapes need a look, so jump from `%` to `%`; in a component every character does.
  for (let at = component ? 0 : text.indexOf("%"); at >= 0 && at < text.length; at = component ? at : text.indexOf("%", at)) {
    const code = text.charCodeAt(at);
    if (code !== 37) {
      // A character between the escapes of one UTF-8 sequence, or one that RFC 3986 encoding escapes.
      if (expected > 0) fail("not UTF-8");
      if (UNRESERVED[code] !== 1) {
        parts.push(text.slice(from, at), code === 43 ? "%20" : escape(code));
        from = at + 1;
      }
      at++;
      continue;
    }
    const digit1 = text.charCodeAt(at + 1);
    const digit2 = text.charCodeAt(at + 2);
    const first = HEX_VALUE[digit1] ?? -1;
    const second = HEX_VALUE[digit2] ?? -1;
    if (first < 0 || second < 0) fail("bad percent-encoding");
    const byte = first * 16 + second;
    if (expected > 0) {
      if (at !== next || byte < low || byte > high) fail("not UTF-8");
      expected--;
      low = 0x80;
      high = 0xbf;
    } else if (byte >= 0x80) {
      if (byte < 0xc2 || byte > 0xf4) fail("not UTF-8");
      expected = byte <= 0xdf ? 1 : byte <= 0xef ? 2 : 3;
      // The second byte's narrower ranges: no overlong forms (E0, F0), no surrogates (ED), nothing past U+10FFFF (F4).
      if (byte === 0xe0) low = 0xa0;
      else if (byte === 0xed) high = 0x9f;
      else if (byte === 0xf0) low = 0x90;
      else if (byte === 0xf4) high = 0x8f;
    }
    next = at + 3;
    const unreserved = byte < 128 && UNRESERVED[byte] === 1;
    if (unreserved || digit1 >= 97 || digit2 >= 97) {
      parts.push(text.slice(from, at), unreserved ? String.fromCharCode(byte) : escape(byte));
      from = at + 3;
    }
    at += 3;
  }
  if (expected > 0) fail("not UTF-8");
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join("");
}
