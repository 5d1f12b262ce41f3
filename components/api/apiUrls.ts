import { ApiKind } from "../shared/types";

/** The execute-api URL of an API's stage (wss:// for WebSocket APIs; no stage segment for `$default`). */
export function directUrlOf(kind: ApiKind, apiId: string, region: string, stage: string): string {
  const scheme = kind === "WEBSOCKET" ? "wss" : "https";
  const stagePath = stage === "$default" ? "" : kind === "WEBSOCKET" ? stage : `${stage}/`;
  return `${scheme}://${apiId}.execute-api.${region}.amazonaws.com/${stagePath}`;
}
