import { MANAGED_POLICY } from "../../components/edge/cloudfrontPolicies";
import { PREFIX_HEADER } from "../../components/edge/distributionInputs";
import type { RecordedResource } from "../../test/support/mocks";
import { ofType, resourceNamer } from "./refs";

/** One CloudFront behaviour: where a viewer path goes and what the API receives. */
export interface RouteRow {
  readonly pathPattern: string;
  readonly origin: string;
  readonly kind?: string;
  readonly region?: string;
  readonly stage?: string;
  /** The path the API sees, with the behaviour's prefix removed and the stage in front. */
  readonly apiReceives: string;
  readonly cachePolicy: string;
  readonly originRequestPolicy: string;
  readonly responseHeadersPolicy: string;
  readonly originRequestFunction: string;
}

const MANAGED_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(MANAGED_POLICY).map(([key, id]) => [id, `${key[0].toUpperCase()}${key.slice(1)} (AWS managed)`]),
);

interface Origin {
  originId: string;
  domainName: string;
  originPath?: string;
  customHeaders?: { name: string; value: string }[];
}
interface Behavior {
  pathPattern?: string;
  targetOriginId: string;
  cachePolicyId: string;
  originRequestPolicyId: string;
  responseHeadersPolicyId: string;
  lambdaFunctionAssociations?: { eventType: string; lambdaArn: string; includeBody?: boolean }[];
}

/** The distribution's behaviours in the order CloudFront evaluates them, the default (`*`) last. */
export function routesOf(resources: readonly RecordedResource[], apis: Readonly<Record<string, { kind?: string; stage?: string; region?: string }>> = {}): RouteRow[] {
  const name = resourceNamer(resources);
  return ofType(resources, "aws:cloudfront/distribution:Distribution").flatMap((cdn) => {
    const origins = new Map((cdn.inputs.origins as Origin[]).map((o) => [o.originId, o]));
    const behaviors: Behavior[] = [...(cdn.inputs.orderedCacheBehaviors ?? []), { ...cdn.inputs.defaultCacheBehavior, pathPattern: "*" }];
    return behaviors.map((b): RouteRow => {
      const origin = origins.get(b.targetOriginId);
      const prefix = origin?.customHeaders?.find((h) => h.name === PREFIX_HEADER)?.value ?? "";
      const stagePath = origin?.originPath ?? "";
      const pattern = b.pathPattern ?? "*";
      const rest = pattern === "*" ? "/*" : prefix && pattern === prefix ? "" : pattern.slice(prefix.length);
      const api = apis[b.targetOriginId] ?? {};
      const fn = (b.lambdaFunctionAssociations ?? []).map((f) => `${f.eventType}: ${name(f.lambdaArn)}${f.includeBody ? " (with body)" : ""}`).join(", ");
      return {
        pathPattern: pattern,
        origin: b.targetOriginId,
        ...(api.kind ? { kind: api.kind } : {}),
        ...(api.region ?? regionOf(origin?.domainName) ? { region: api.region ?? regionOf(origin?.domainName) } : {}),
        ...(api.stage ? { stage: api.stage } : {}),
        apiReceives: `${stagePath}${rest}` || "/",
        cachePolicy: MANAGED_NAMES[b.cachePolicyId] ?? name(b.cachePolicyId),
        originRequestPolicy: MANAGED_NAMES[b.originRequestPolicyId] ?? name(b.originRequestPolicyId),
        responseHeadersPolicy: MANAGED_NAMES[b.responseHeadersPolicyId] ?? name(b.responseHeadersPolicyId),
        originRequestFunction: fn || "none",
      };
    });
  });
}

function regionOf(domain: string | undefined): string | undefined {
  return domain ? /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(domain)?.[1] : undefined;
}
