/**
 * A local stand-in for the whole path, on 127.0.0.1 only: an edge proxy that turns each HTTP request
 * into a CloudFront origin-request event, runs a handler and forwards its result the way CloudFront
 * does; and an origin that checks SigV4 the way API Gateway does (403 unless the signature verifies).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CloudFrontHeaders, CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult, CloudFrontResultResponse } from "aws-lambda";
import { verifySigV4, type VerifierKey } from "./verifySigV4";

export interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const MAX_BODY = 1024 * 1024;
/** Headers CloudFront keeps away from the function and sets itself. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "x-forwarded-proto", "via", "x-forwarded-for"];

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function headerLists(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) (out[req.rawHeaders[i].toLowerCase()] ??= []).push(req.rawHeaders[i + 1]);
  return out;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** One request with no connection reuse, so servers close promptly. */
export function send(port: number, method: string, path: string, headers: Record<string, string | string[]> = {}, body?: Buffer): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      readBody(res).then((b) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b.toString("utf8") }), reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export interface LocalOrigin {
  readonly server: Server;
  readonly port: number;
  /** Moves the origin's clock, to show that old signatures expire. */
  skewMs: number;
}

/** API Gateway's IAM check: 403 with a reason unless the request verifies; otherwise echoes what arrived. */
export async function startOrigin(region: string, keys: Readonly<Record<string, VerifierKey>>): Promise<LocalOrigin> {
  const origin: { server?: Server; port?: number; skewMs: number } = { skewMs: 0 };
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const headers = headerLists(req);
    const received = { method: req.method ?? "GET", path: q < 0 ? url : url.slice(0, q), query: q < 0 ? "" : url.slice(q + 1), headers, body };
    const verdict = verifySigV4(received, { region, service: "execute-api", now: new Date(Date.now() + origin.skewMs), keys });
    res.writeHead(verdict.ok ? 200 : 403, { "content-type": "application/json" });
    res.end(JSON.stringify(verdict.ok
      ? {
          path: received.path,
          query: received.query,
          forwardedAuthorization: headers["x-forwarded-authorization"] ?? null,
          forwardedPrefix: headers["x-forwarded-prefix"] ?? null,
          headerNames: Object.keys(headers).sort(),
          bodyBytes: body.length,
        }
      : { message: verdict.reason }));
  });
  origin.server = server;
  origin.port = await listen(server);
  return origin as LocalOrigin;
}

export interface EdgeOptions {
  readonly handler: (event: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>;
  /** The API domain CloudFront would connect to; the local origin port stands in for it. */
  readonly domainName: string;
  readonly originPath: string;
  readonly originPort: number;
  /**
   * A routing prefix such as "/rest": requests for exactly it or below it (behaviours "/rest" and "/rest/*")
   * go to an origin that carries it as the custom header `X-Forwarded-Prefix`; all others take the default
   * behaviour "*", whose origin has no such header. Both origins are the same API here. Behaviours match the
   * path with repeated slashes collapsed, as CloudFront's normalized matching does (`//rest/x` takes "/rest/*").
   */
  readonly prefix?: string;
}

/**
 * CloudFront with AllViewerExceptHostHeader, includeBody and the handler as origin-request trigger: it refuses
 * a result that has a header named like an origin custom header (as Lambda@Edge does), sends
 * `origin.custom.path + uri` and adds the origin custom headers.
 */
export async function startEdge(options: EdgeOptions): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    edge(req).then(
      (reply) => {
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      },
      (error: Error) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`edge failure: ${error.message}`);
      },
    );
  });

  async function edge(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const body = await readBody(req);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const headers: CloudFrontHeaders = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const key = req.rawHeaders[i];
      const name = key.toLowerCase();
      if (HOP_BY_HOP.includes(name)) continue;
      (headers[name] ??= []).push({ key, value: name === "host" ? options.domainName : req.rawHeaders[i + 1] });
    }
    const uri = q < 0 ? url : url.slice(0, q);
    // Like CloudFront: behaviours match a normalized path (here: repeated slashes collapsed), the raw URI is passed on.
    const routed = uri.replace(/\/{2,}/g, "/");
    const prefixed = options.prefix !== undefined && (routed === options.prefix || routed.startsWith(`${options.prefix}/`));
    const customHeaders: CloudFrontHeaders = prefixed ? { "x-forwarded-prefix": [{ key: "X-Forwarded-Prefix", value: options.prefix! }] } : {};
    const request: CloudFrontRequest = {
      clientIp: "127.0.0.1",
      method: req.method ?? "GET",
      uri,
      querystring: q < 0 ? "" : url.slice(q + 1),
      headers,
      origin: { custom: { customHeaders, domainName: options.domainName, keepaliveTimeout: 5, path: options.originPath, port: 443, protocol: "https", readTimeout: 30, sslProtocols: ["TLSv1.2"] } },
      body: { action: "read-only", data: body.subarray(0, MAX_BODY).toString("base64"), encoding: "base64", inputTruncated: body.length > MAX_BODY },
    };
    const event: CloudFrontRequestEvent = { Records: [{ cf: { config: { distributionDomainName: "local.cloudfront.net", distributionId: "ELOCAL", eventType: "origin-request", requestId: "local-1" }, request } }] };
    const result = await options.handler(event);
    if (result && "status" in result) {
      const generated = result as CloudFrontResultResponse;
      const out: Record<string, string> = {};
      for (const values of Object.values(generated.headers ?? {})) out[values[0].key ?? ""] = values[0].value;
      return { status: Number(generated.status), headers: out, body: generated.body ?? "" };
    }
    const forwarded = result as CloudFrontRequest;
    const originHeaders = forwarded.origin?.custom?.customHeaders ?? {};
    if (Object.keys(originHeaders).some((name) => name in forwarded.headers)) {
      return { status: 502, headers: { "content-type": "text/plain" }, body: "LambdaValidationError: a header is also an origin custom header" };
    }
    const outHeaders: Record<string, string | string[]> = {};
    for (const values of Object.values(forwarded.headers)) {
      const key = values[0].key ?? "";
      outHeaders[key] = values.length === 1 ? values[0].value : values.map((v) => v.value);
    }
    // CloudFront rewrites these after the function ran.
    outHeaders.Via = "1.1 local.cloudfront.net (CloudFront)";
    outHeaders["X-Forwarded-For"] = "127.0.0.1";
    for (const values of Object.values(originHeaders)) outHeaders[values[0].key ?? ""] = values[0].value;
    const path = `${forwarded.origin?.custom?.path ?? ""}${forwarded.uri}${forwarded.querystring ? `?${forwarded.querystring}` : ""}`;
    const reply = await send(options.originPort, forwarded.method, path, outHeaders, body);
    return { status: reply.status, headers: { "content-type": String(reply.headers["content-type"] ?? "application/json") }, body: reply.body };
  }
  return { server, port: await listen(server) };
}
