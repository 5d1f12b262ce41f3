/**
 * The most expensive requests a viewer can send within CloudFront's limits (a URL of at most 8,192 bytes;
 * request line and headers together at most 20,480 bytes), one per dimension the signer's work grows with:
 * query parameters, path segments and escapes, header names. Each is the costliest the signer still forwards
 * (at its limits), or the cheapest over a limit (refused, 414 or 431), all within CloudFront's limits.
 */
import type { CloudFrontRequestEvent } from "aws-lambda";
import { MAX_HEADER_NAMES } from "../../edge-functions/sigv4-signer/src/cloudfront";
import { MAX_PATH_SEGMENTS } from "../../edge-functions/sigv4-signer/src/path";
import { MAX_QUERY_PARAMETERS } from "../../edge-functions/sigv4-signer/src/query";
import { benchEvent } from "./events";

/** CloudFront's quotas (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html). */
export const MAX_URL_BYTES = 8192;
export const MAX_REQUEST_BYTES = 20480;

/** Fills `budget` bytes with `part(i)` joined by `separator`. */
function fill(budget: number, separator: string, part: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const next = part(i);
    if (length + next.length + separator.length > budget) break;
    parts.push(next);
    length += next.length + separator.length;
  }
  return parts.join(separator);
}

/** The bench GET with its URI and query replaced (the prefix /api kept) and extra headers added. */
function variant(uri: string, querystring: string, headers: readonly (readonly [string, string])[] = []): CloudFrontRequestEvent {
  const event = benchEvent("GET");
  const request = event.Records[0].cf.request;
  request.uri = uri;
  request.querystring = querystring;
  for (const [key, value] of headers) (request.headers[key.toLowerCase()] ??= []).push({ key, value });
  if (`${uri}?${querystring}`.length > MAX_URL_BYTES) throw new Error(`bench event over the URL limit: ${uri.length + querystring.length + 1}`);
  // Through JSON, as the Lambda runtime hands events over: flat strings, not the ropes that repeat() and join() leave.
  return JSON.parse(JSON.stringify(event)) as CloudFrontRequestEvent;
}

/** The request line and headers as CloudFront counts them (roughly: "GET uri?query HTTP/1.1\r\n" and "Name: value\r\n" each). */
export function requestBytes(event: CloudFrontRequestEvent): number {
  const { uri, querystring, headers } = event.Records[0].cf.request;
  let bytes = `GET ${uri}?${querystring} HTTP/1.1\r\n`.length;
  for (const values of Object.values(headers)) for (const { key, value } of values) bytes += `${key}: ${value}\r\n`.length;
  return bytes;
}

const URL_LEFT = MAX_URL_BYTES - "/api/x?".length;
/** Headers the bench event already has, so the header budget is what remains of the 20,480 bytes. */
const HEADERS_LEFT = MAX_REQUEST_BYTES - requestBytes(benchEvent("GET")) - 64;
/** `count` distinct names, each with a value of escapes to decode and re-encode, together about `bytes` long. */
const pairs = (count: number, bytes: number) => Array.from({ length: count }, (_, i) => `k${i.toString(36)}=${"%E1%88%B4+".repeat(Math.max(0, Math.floor((bytes / count - 5) / 10)))}`).join("&");
/** `count` segments of escapes, together about `bytes` long, below the prefix /api. */
const segments = (count: number, bytes: number) => `/api${`/${"%E1%88%B4%7e".repeat(Math.max(1, Math.floor((bytes / count - 1) / 12)))}`.repeat(count - 1)}`;
/** `count` distinct headers with values that together fill `bytes` (the bench event has 8 headers of its own). */
const longHeaders = (count: number, bytes: number) => Array.from({ length: count }, (_, i) => [`x-h${i.toString(36)}`, "v".repeat(Math.floor(bytes / count) - 12)] as const);
/** As many distinct headers as `bytes` hold. */
const headers = (bytes: number) => Array.from({ length: Math.floor(bytes / "x-h000: \r\n".length) }, (_, i) => [`x-h${i.toString(36)}`, ""] as const);

export const WORST_EVENTS: readonly (readonly [string, CloudFrontRequestEvent])[] = [
  ["query: 128 names, values to re-encode", variant("/api/x", pairs(MAX_QUERY_PARAMETERS, URL_LEFT))],
  // Every character escaped on the way out (`!` is not unreserved): the output is three times the input.
  ["query: one value of 8,000 characters to escape", variant("/api/x", `a=${"!".repeat(URL_LEFT - 2)}`)],
  ["query: one name 128 times", variant("/api/x", fill(URL_LEFT, "&", () => "a").slice(0, 2 * MAX_QUERY_PARAMETERS - 1))],
  ["query: 4,000 parameters (refused, 414)", variant("/api/x", fill(URL_LEFT, "&", () => "a"))],
  ["path: 128 segments of escapes", variant(segments(MAX_PATH_SEGMENTS, MAX_URL_BYTES - 16), "")],
  ["path: 4,000 segments (refused, 414)", variant(fill(MAX_URL_BYTES - 1, "/", (i) => (i === 0 ? "/api" : "a")), "")],
  ["headers: 128 names, the longest that fit", variant("/api/x", "", longHeaders(MAX_HEADER_NAMES - 8, HEADERS_LEFT))],
  ["headers: 2,000 names (refused, 431)", variant("/api/x", "", headers(HEADERS_LEFT))],
  ["URL and headers full", variant(segments(MAX_PATH_SEGMENTS, 4000), pairs(MAX_QUERY_PARAMETERS, 4000), longHeaders(MAX_HEADER_NAMES - 8, HEADERS_LEFT - MAX_URL_BYTES))],
];
