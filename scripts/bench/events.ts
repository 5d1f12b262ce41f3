/**
 * Origin-request events for the bench: a GET with a small query, and a POST with a body, both to an origin
 * with the routing prefix "/api" (origin custom header `X-Forwarded-Prefix`), so the origin receives
 * `/prod/pets/42` as the baselines sign it.
 */
import type { CloudFrontRequestEvent } from "aws-lambda";
import type { SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";

export const BENCH_ENV = {
  AWS_ACCESS_KEY_ID: "ASIABENCHKEY00000001",
  AWS_SECRET_ACCESS_KEY: "bench/secret/key/000000000000000000000000",
  // Lambda session tokens are about 1 KB.
  AWS_SESSION_TOKEN: "IQoJb3JpZ2luX2Vj".padEnd(1000, "A"),
};
export const BENCH_DOMAIN = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";
/** The bundle the bench runs signs for the bench events' origin (and the default origin of the same stage). */
export const BENCH_SETTINGS: SignerSettings = {
  origins: ["", "/api"].map((prefix) => ({ domain: BENCH_DOMAIN, path: "/prod", prefix, region: "eu-west-1" })),
  authorizationHeader: "x-forwarded-authorization",
};

export function benchEvent(method: "GET" | "POST", body?: Buffer): CloudFrontRequestEvent {
  const headers: [string, string][] = [
    ["Host", BENCH_DOMAIN], ["User-Agent", "Mozilla/5.0 (bench)"], ["Accept", "application/json"], ["Accept-Encoding", "gzip, br"],
    ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"], ["Via", "2.0 abc.cloudfront.net (CloudFront)"], ["X-Forwarded-For", "203.0.113.10"],
    ["CloudFront-Viewer-Country", "DE"], ...(body ? [["Content-Type", "application/octet-stream"], ["Content-Length", String(body.length)]] as [string, string][] : []),
  ];
  const cfHeaders: Record<string, { key: string; value: string }[]> = {};
  for (const [key, value] of headers) (cfHeaders[key.toLowerCase()] ??= []).push({ key, value });
  return {
    Records: [{
      cf: {
        config: { distributionDomainName: "d1.cloudfront.net", distributionId: "EBENCH", eventType: "origin-request", requestId: "bench" },
        request: {
          clientIp: "203.0.113.10",
          method,
          uri: "/api/pets/42",
          querystring: "limit=10&sort=name&tag=a+b",
          headers: cfHeaders,
          origin: { custom: { customHeaders: { "x-forwarded-prefix": [{ key: "X-Forwarded-Prefix", value: "/api" }] }, domainName: BENCH_DOMAIN, keepaliveTimeout: 5, path: "/prod", port: 443, protocol: "https", readTimeout: 30, sslProtocols: ["TLSv1.2"] } },
          ...(body ? { body: { action: "read-only", data: body.toString("base64"), encoding: "base64", inputTruncated: false } } : {}),
        },
      },
    }],
  } as CloudFrontRequestEvent;
}
