/** The standard library's percent-encoding, as the oracle for the signer's one-scan canonical forms. */

/** RFC 3986 encoding of text: everything but the unreserved set `A-Z a-z 0-9 - . _ ~`, uppercase hex. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A query component decoded (`+` is a space) and RFC 3986-encoded; undefined when decodeURIComponent refuses it. */
export function canonicalComponent(text: string): string | undefined {
  try {
    return encodeRfc3986(decodeURIComponent(text.replace(/\+/g, " ")));
  } catch {
    return undefined;
  }
}

/** RFC 3986 normal form of a path (6.2.2.1, 6.2.2.2): unreserved escapes decoded, hex uppercased. */
export const normalPath = (path: string) => path.replace(/%[0-9A-Fa-f]{2}/g, (e) => {
  const c = String.fromCharCode(parseInt(e.slice(1), 16));
  return /[A-Za-z0-9\-._~]/.test(c) ? c : e.toUpperCase();
});
