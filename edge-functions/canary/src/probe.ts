/**
 * One request, bounded in time and size: a plain HTTP(S) request, or a WebSocket upgrade that is closed as
 * soon as it is answered. Node's own http/https clients, so the same code runs in the canary (no browser,
 * no dependencies) and in `npm run verify`.
 */
import { randomBytes } from "node:crypto";
import * as http from "node:http";
import * as https from "node:https";

export interface ProbeRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

export interface ProbeAnswer {
  readonly status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The first `MAX_BODY_BYTES` of the body, as UTF-8. */
  readonly body: string;
  /** WebSocket only: the server switched protocols (101). */
  readonly upgraded: boolean;
}

/** Enough for any error JSON; a probe never needs a whole body. */
export const MAX_BODY_BYTES = 4096;
export const USER_AGENT = "edge-security-probe/1";

/** `ws:`/`wss:` URLs are upgrades; `http:`/`https:` plain requests. */
export function probe(url: string, request: ProbeRequest = {}): Promise<ProbeAnswer> {
  const target = new URL(url);
  const upgrade = target.protocol === "ws:" || target.protocol === "wss:";
  const secure = target.protocol === "https:" || target.protocol === "wss:";
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: "application/json", ...request.headers };
  if (upgrade) {
    Object.assign(headers, {
      connection: "Upgrade",
      upgrade: "websocket",
      "sec-websocket-version": "13",
      "sec-websocket-key": randomBytes(16).toString("base64"),
    });
  }
  const timeoutMs = request.timeoutMs ?? 10_000;
  const client = secure ? https : http;
  return new Promise<ProbeAnswer>((resolve, reject) => {
    const req = client.request(
      { protocol: secure ? "https:" : "http:", hostname: target.hostname, port: target.port || undefined, path: `${target.pathname}${target.search}`, method: request.method ?? "GET", headers },
      (res) => readAnswer(res, false).then(resolve, reject),
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: "", upgraded: true });
    });
    req.on("error", reject);
    req.end();
  });
}

function readAnswer(res: http.IncomingMessage, upgraded: boolean): Promise<ProbeAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      if (size < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
      size += chunk.length;
    });
    res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: Buffer.concat(chunks).toString("utf8"), upgraded }));
    res.on("error", reject);
  });
}

function flatten(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
