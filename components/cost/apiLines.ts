/**
 * API Gateway for the APIs the stack creates: REST and HTTP APIs bill requests (HTTP in 512 KB units: one per
 * request below 512 KB), WebSocket APIs bill messages and connection minutes. APIs the stack only fronts
 * are their owners' bill. Tiers are walked per API, as if each were the account's only API in its region.
 */
import type { Billables } from "./billables";
import { CostLine, priced } from "./costLine";
import type { TrafficModel } from "./trafficModel";

export function apiLines(billables: Billables, model: TrafficModel): CostLine[] {
  const lines: CostLine[] = [];
  const webSockets = billables.apis.filter((api) => api.kind === "WEBSOCKET");
  for (const api of billables.apis) {
    const requests = model.apiRequests.get(api.name) ?? 0;
    const options = (what: string) => ({ region: api.region, item: `${api.name}: ${what}` });
    switch (api.kind) {
      case "REST":
        lines.push(...priced("restRequests", requests, options("REST requests")));
        break;
      case "HTTP":
        lines.push(...priced("httpRequests", requests, options("HTTP API requests")));
        break;
      case "WEBSOCKET": {
        // The WebSocket traffic keys are totals over the stack's WebSocket APIs, split evenly.
        const share = 1 / webSockets.length;
        lines.push(...priced("webSocketMessages", model.billedWebSocketMessages * share, options("WebSocket messages")));
        lines.push(...priced("webSocketMinutes", model.traffic.webSocketConnectionMinutesPerMonth * share, options("WebSocket connection minutes")));
        break;
      }
      case "EXISTING":
        break;
    }
  }
  return lines;
}
