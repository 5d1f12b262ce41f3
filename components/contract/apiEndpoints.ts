import * as pulumi from "@pulumi/pulumi";
import { pathPrefixOf } from "../config/apis";
import { ApiOrigin } from "../shared/types";
import { ApiEndpoint } from "./edgeStackOutputs";

/** The CloudFront URL of an API: its path prefix on the distribution, wss:// for WebSocket APIs. */
export function edgeUrlOf(origin: Pick<ApiOrigin, "kind" | "pathPattern">, domainName: string): string {
  const scheme = origin.kind === "WEBSOCKET" ? "wss" : "https";
  return `${scheme}://${domainName}${pathPrefixOf(origin.pathPattern) ?? ""}${origin.kind === "WEBSOCKET" ? "" : "/"}`;
}

/** The `apis` stack output: per API name, where to call it through the edge and where it refuses unsigned calls. */
export function apiEndpoints(
  origins: readonly ApiOrigin[],
  directUrls: Readonly<Record<string, pulumi.Input<string>>>,
  domainName: pulumi.Input<string>,
): pulumi.Output<Record<string, ApiEndpoint>> {
  const entries = origins.map((origin) =>
    pulumi.all([origin.apiId, origin.stage, directUrls[origin.name], domainName]).apply(([apiId, stage, directUrl, domain]) => [
      origin.name,
      { kind: origin.kind, apiId, stage, region: origin.region, edgeUrl: edgeUrlOf(origin, domain), directUrl } satisfies ApiEndpoint,
    ] as const),
  );
  return pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));
}
