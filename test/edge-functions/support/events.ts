/** CloudFront origin-request events for tests, and the request an origin receives from a handler result. */
import type { CloudFrontHeaders, CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import type { SignerOrigin } from "../../../edge-functions/sigv4-signer/src/settings";
import type { ReceivedRequest } from "./verifySigV4";

export const API_DOMAIN = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";
/** The origins the test handlers sign for: API_DOMAIN with each origin path and routing prefix the specs use. */
export const TEST_ORIGINS: readonly SignerOrigin[] = ["", "/prod", "/v1", "/live"].flatMap((path) =>
  ["", "/ws", "/rest", "/v1/ws", "/a.b~c"].map((prefix) => ({ domain: API_DOMAIN, path, prefix, region: "eu-west-1" })));
export const SIGNING_TIME = new Date("2026-03-01T10:20:30Z");
export const CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: "ASIAEDGETESTKEY00001",
  AWS_SECRET_ACCESS_KEY: "edge/test/secret/key/0000000000000000000",
  AWS_SESSION_TOKEN: "IQoJb3JpZ2luX2VjEdgeTestSessionToken==",
} as const;
export const VERIFIER_KEYS = {
  [CREDENTIALS_ENV.AWS_ACCESS_KEY_ID]: { secretAccessKey: CREDENTIALS_ENV.AWS_SECRET_ACCESS_KEY, sessionToken: CREDENTIALS_ENV.AWS_SESSION_TOKEN },
};

export interface EventInput {
  readonly method?: string;
  readonly uri?: string;
  readonly querystring?: string;
  /** [name, value] in order; repeated names become multi-value headers. */
  readonly headers?: readonly (readonly [string, string])[];
  /** Raw body bytes, sent base64 as with includeBody. */
  readonly body?: Buffer;
  readonly inputTruncated?: boolean;
  readonly domainName?: string;
  readonly originPath?: string;
  /** The origin's routing prefix: sent as the origin custom header `X-Forwarded-Prefix`, as the distribution sets it. */
  readonly originPrefix?: string;
  /** Further origin custom headers, [name, value]. */
  readonly originHeaders?: readonly (readonly [string, string])[];
}

export function headersOf(pairs: readonly (readonly [string, string])[]): CloudFrontHeaders {
  const headers: CloudFrontHeaders = {};
  for (const [key, value] of pairs) (headers[key.toLowerCase()] ??= []).push({ key, value });
  return headers;
}

export function originRequestEvent(input: EventInput = {}): CloudFrontRequestEvent {
  const domainName = input.domainName ?? API_DOMAIN;
  const request: CloudFrontRequest = {
    clientIp: "203.0.113.10",
    method: input.method ?? "GET",
    uri: input.uri ?? "/pets",
    querystring: input.querystring ?? "",
    headers: headersOf([["Host", domainName], ["User-Agent", "test"], ["Via", "2.0 abc.cloudfront.net (CloudFront)"], ["X-Forwarded-For", "203.0.113.10"], ...(input.headers ?? [])]),
    origin: {
      custom: {
        customHeaders: headersOf([...(input.originPrefix === undefined ? [] : [["X-Forwarded-Prefix", input.originPrefix] as const]), ...(input.originHeaders ?? [])]),
        domainName,
        keepaliveTimeout: 5,
        path: input.originPath ?? "/prod",
        port: 443,
        protocol: "https",
        readTimeout: 30,
        sslProtocols: ["TLSv1.2"],
      },
    },
    ...(input.body === undefined && !input.inputTruncated
      ? {}
      : { body: { action: "read-only", data: (input.body ?? Buffer.alloc(0)).toString("base64"), encoding: "base64", inputTruncated: input.inputTruncated ?? false } }),
  };
  return {
    Records: [{ cf: { config: { distributionDomainName: "d111111abcdef8.cloudfront.net", distributionId: "EDFDVBD6EXAMPLE", eventType: "origin-request", requestId: "req-1" }, request } }],
  };
}

/**
 * What the origin receives for a forwarded request: origin path + URI (the signer empties the origin path,
 * so that is the URI), the forwarded query, the forwarded headers with `Via` and `X-Forwarded-For` rewritten
 * by CloudFront after the function ran and the origin custom headers added, and the body.
 */
export function receivedBy(result: CloudFrontRequestResult, body: Buffer = Buffer.alloc(0)): ReceivedRequest {
  const request = result as CloudFrontRequest;
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(request.headers)) headers[name] = values.map((v) => v.value);
  headers.via = ["1.1 0123456789abcdef.cloudfront.net (CloudFront)"];
  headers["x-forwarded-for"] = ["203.0.113.10, 198.51.100.1"];
  for (const [name, values] of Object.entries(request.origin?.custom?.customHeaders ?? {})) headers[name] = values.map((v) => v.value);
  return {
    method: request.method,
    path: `${request.origin?.custom?.path ?? ""}${request.uri}`,
    query: request.querystring,
    headers,
    body,
  };
}
