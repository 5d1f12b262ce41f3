/**
 * The traffic figures every line is computed from, derived once from the `cost` section and the stack:
 * bytes each way, the requests each API takes, the signer's billed duration.
 */
import { ConfigError, oneOf } from "../shared/validation";
import type { Billables } from "./billables";
import type { CostTraffic } from "./costConfig";

/** Hours in a month, as the AWS Pricing Calculator counts them (8,760 / 12). */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
/** AWS bills GB of 2^30 bytes; sizes in the config are KB of 1,024 bytes. */
export const BYTES_PER_GB = 2 ** 30;
const KB_PER_GB = 1024 * 1024;
/** API Gateway bills each started 32 KB of a WebSocket message as one message (API Gateway pricing page). */
export const WEBSOCKET_MESSAGE_UNIT_KB = 32;

export interface TrafficModel {
  readonly traffic: CostTraffic;
  readonly requests: number;
  /** CloudFront to viewers: responses, and half the WebSocket messages (server to client). */
  readonly toInternetGb: number;
  /** CloudFront to the origins: request bodies, and the other half of the WebSocket messages. */
  readonly toOriginGb: number;
  /** Requests each API (by name) takes. */
  readonly apiRequests: ReadonlyMap<string, number>;
  /** WebSocket messages as API Gateway bills them (32 KB units). */
  readonly billedWebSocketMessages: number;
  /** Bytes the private integration's load balancers carry, both ways. */
  readonly privateGb: number;
  /** Lambda@Edge bills duration in 1 ms increments, rounded up (AWS What's New, 2021-03-31). */
  readonly billedSignerMs: number;
}

export function trafficModel(billables: Billables, traffic: CostTraffic): TrafficModel {
  const requests = traffic.requestsPerMonth;
  const hasWebSocket = billables.apis.some((api) => api.kind === "WEBSOCKET");
  const webSocketGb = hasWebSocket ? (traffic.webSocketMessagesPerMonth * traffic.averageWebSocketMessageKb) / KB_PER_GB : 0;
  const apiRequests = requestSplit(billables, traffic);
  const privateRequests = billables.apis.filter((api) => api.private).reduce((sum, api) => sum + (apiRequests.get(api.name) ?? 0), 0);
  const perRequestKb = traffic.averageResponseKb + traffic.writeShare * traffic.averageRequestKb;
  return {
    traffic,
    requests,
    toInternetGb: (requests * traffic.averageResponseKb) / KB_PER_GB + webSocketGb / 2,
    toOriginGb: (requests * traffic.writeShare * traffic.averageRequestKb) / KB_PER_GB + webSocketGb / 2,
    apiRequests,
    billedWebSocketMessages: hasWebSocket ? traffic.webSocketMessagesPerMonth * Math.max(1, Math.ceil(traffic.averageWebSocketMessageKb / WEBSOCKET_MESSAGE_UNIT_KB)) : 0,
    privateGb: (privateRequests * perRequestKb) / KB_PER_GB,
    billedSignerMs: Math.max(1, Math.ceil(traffic.signerDurationMs)),
  };
}

/**
 * `requestShares` when given (every name must be one of the stack's APIs); otherwise equal shares for the
 * APIs that take HTTP requests (WebSocket APIs bill messages instead), or for all when every API is WebSocket.
 */
function requestSplit(billables: Billables, traffic: CostTraffic): Map<string, number> {
  const names = billables.apis.map((api) => api.name);
  const given = traffic.requestShares;
  if (given) {
    const unknown = Object.keys(given).filter((name) => !names.includes(name));
    if (unknown.length > 0) {
      throw new ConfigError("Invalid cost estimate input", unknown.map((name) => ({
        field: `cost.requestShares.${name}`, value: given[name], allowed: `${oneOf(names)} (the stack's APIs)`, path: ["cost", "requestShares", name],
      })));
    }
    return new Map(names.map((name) => [name, (given[name] ?? 0) * traffic.requestsPerMonth]));
  }
  const http = billables.apis.filter((api) => api.kind !== "WEBSOCKET");
  const takers = http.length > 0 ? http : billables.apis;
  return new Map(names.map((name) => [name, takers.some((api) => api.name === name) ? traffic.requestsPerMonth / takers.length : 0]));
}
