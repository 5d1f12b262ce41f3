import * as pulumi from "@pulumi/pulumi";
import { directUrlOf } from "../api/apiUrls";
import { pathPrefixOf } from "../config/apis";
import { PrivateServiceOutput } from "../private-integration";
import { ApiOrigin } from "../shared/types";
import { ApiEndpoint, PrivateServiceEndpoint } from "./edgeStackOutputs";

/** The CloudFront URL of an API: its path prefix on the distribution, wss:// for WebSocket APIs. */
export function edgeUrlOf(origin: Pick<ApiOrigin, "kind" | "pathPattern">, domainName: string): string {
  const scheme = origin.kind === "WEBSOCKET" ? "wss" : "https";
  return `${scheme}://${domainName}${pathPrefixOf(origin.pathPattern) ?? ""}${origin.kind === "WEBSOCKET" ? "" : "/"}`;
}

/** The `apis` stack output: per API name, where to call it through the edge and where it refuses unsigned calls. */
export function apiEndpoints(origins: readonly ApiOrigin[], domainName: pulumi.Input<string>): pulumi.Output<Record<string, ApiEndpoint>> {
  const entries = origins.map((origin) =>
    pulumi.all([origin.apiId, origin.stage, domainName]).apply(([apiId, stage, domain]) => [
      origin.name,
      {
        kind: origin.kind,
        apiId,
        stage,
        region: origin.region,
        edgeUrl: edgeUrlOf(origin, domain),
        directUrl: directUrlOf(origin.kind, apiId, origin.region, stage),
      } satisfies ApiEndpoint,
    ] as const),
  );
  return pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));
}

/** The `privateServices` stack output: what an app team needs to run a microservice, plus its URL at the edge. */
export function privateServiceEndpoints(
  services: pulumi.Output<Record<string, PrivateServiceOutput>>,
  pathPrefix: string,
  domainName: pulumi.Input<string>,
): pulumi.Output<Record<string, PrivateServiceEndpoint>> {
  return pulumi.all([services, domainName]).apply(([all, domain]) =>
    Object.fromEntries(Object.entries(all).map(([name, service]) => [name, { ...service, url: `https://${domain}${pathPrefix}${service.routePath}` }])),
  );
}
