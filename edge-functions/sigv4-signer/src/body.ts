/**
 * Bodies the managed rules could not read are refused (415), never signed: WAF inspects the body bytes as
 * they arrive, so a compressed body, a body in another character set or UTF-16/32 JSON hides any payload
 * from the SQL injection, XSS and Core rules, while the backend decodes it and runs it.
 */
import type { CloudFrontHeaders } from "aws-lambda";
import { SignerFailure } from "./failure";

/**
 * Media types read as text: JSON, XML, forms, `text/*`, and a body without `Content-Type` (API Gateway and
 * many backends then assume JSON). A NUL byte never belongs in them: JSON and XML forbid unescaped controls,
 * a form escapes them, and UTF-16 or UTF-32 text of ASCII is full of them (Jackson, Python's json and others
 * detect those encodings from the bytes, whatever the header says), so WAF would see `S\0E\0L\0E\0C\0T`.
 */
const TEXT_TYPE = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml)$|application\/x-www-form-urlencoded$)/;
/** The character sets every reader decodes as WAF does (US-ASCII is a subset of UTF-8). */
const READABLE_CHARSET = /^(?:utf-?8|us-ascii)$/i;
/**
 * Each `charset` parameter of a media type, quoted or not. A `;charset=` inside another parameter's quoted
 * value counts as one too: refused, never guessed.
 */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/gi;
/** A `Content-Encoding` token that changes nothing: `identity`, or an empty list entry. */
const IDENTITY = /^\s*(?:identity)?\s*$/i;

const unsupported = (detail: string) => new SignerFailure("UNSUPPORTED_MEDIA_TYPE", `body: ${detail}`);

/**
 * Refuses (415) a body that is encoded (`Content-Encoding` other than `identity`), declares a character set
 * other than UTF-8 or US-ASCII, carries more than one `Content-Type`, or holds a NUL byte while it is text.
 * A request without body bytes passes: there is nothing to read.
 */
export function checkBodyEncoding(headers: CloudFrontHeaders, body: Uint8Array | undefined): void {
  if (body === undefined || body.length === 0) return;
  const encodings = (headers["content-encoding"] ?? []).flatMap(({ value }) => value.split(","));
  if (!encodings.every((token) => IDENTITY.test(token))) throw unsupported("content-encoding");
  const types = headers["content-type"] ?? [];
  if (types.length > 1) throw unsupported("content-type repeated");
  const contentType = types[0]?.value ?? "";
  for (const [, charset] of contentType.matchAll(CHARSET)) if (!READABLE_CHARSET.test(charset)) throw unsupported("charset");
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  // Buffer's indexOf is memchr: a 1 MB JSON body costs microseconds.
  const hasNul = Buffer.from(body.buffer, body.byteOffset, body.byteLength).indexOf(0) >= 0;
  if (hasNul && (mediaType === "" || TEXT_TYPE.test(mediaType))) throw unsupported("NUL byte in a text body");
}
