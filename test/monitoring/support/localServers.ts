/**
 * Local `node:http` servers standing in for the edge and the execute-api URL: each route answers a fixed status,
 * headers and body, or accepts/refuses a WebSocket upgrade. Loopback only; every server is closed by `close()`.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Route {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** For an upgrade request: switch protocols (101) instead of answering `status`. */
  readonly upgrade?: boolean;
}

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

export interface LocalServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Replaces how a path (without query) is answered. */
  route(path: string, answer: Route | ((request: SeenRequest) => Route)): void;
  close(): Promise<void>;
}

export const API_GATEWAY_HEADERS = { "x-amzn-requestid": "11111111-2222-3333-4444-555555555555", "content-type": "application/json" };

export async function startServer(): Promise<LocalServer> {
  const routes = new Map<string, Route | ((request: SeenRequest) => Route)>();
  const seen: SeenRequest[] = [];
  const answerFor = (req: http.IncomingMessage): Route => {
    const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
    seen.push(request);
    const route = routes.get((req.url ?? "").split("?")[0]);
    if (route === undefined) return { status: 404, body: JSON.stringify({ message: "no such route in the test server" }) };
    return typeof route === "function" ? route(request) : route;
  };
  const server = http.createServer((req, res) => {
    const route = answerFor(req);
    res.writeHead(route.status, { ...route.headers });
    res.end(route.body ?? "");
  });
  server.on("upgrade", (req, socket) => {
    const route = answerFor(req);
    if (route.upgrade) {
      socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: test\r\n\r\n");
    } else {
      const body = route.body ?? "";
      const headers = Object.entries({ ...route.headers, "content-length": String(Buffer.byteLength(body)), connection: "close" }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
      socket.write(`HTTP/1.1 ${route.status} Refused\r\n${headers}\r\n${body}`);
    }
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    route: (path, answer) => void routes.set(path, answer),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
