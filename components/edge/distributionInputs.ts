import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { pathPrefixOf } from "../config/apis";
import { DistributionConfig } from "../config/distribution";
import { ApiOrigin } from "../shared/types";
import { ALL_METHODS, CACHED_METHODS, MANAGED_POLICY } from "./cloudfrontPolicies";

type Origin = aws.types.input.cloudfront.DistributionOrigin;
type Behavior = aws.types.input.cloudfront.DistributionDefaultCacheBehavior;

/** The execute-api domain of an API: the origin, the SigV4 Host and the signing region in one. */
export function executeApiDomain(origin: ApiOrigin): pulumi.Output<string> {
  return pulumi.interpolate`${origin.apiId}.execute-api.${origin.region}.amazonaws.com`;
}

/** `/prod` for a named stage; nothing for `$default`, which API Gateway serves at the root. */
export function originPath(stage: string): string {
  return stage === "$default" ? "" : `/${stage}`;
}

/** The origin header that tells the signer (and the API) which path prefix CloudFront routed by. */
export const PREFIX_HEADER = "X-Forwarded-Prefix";

export function originFor(origin: ApiOrigin, config: DistributionConfig): Origin {
  const prefix = pathPrefixOf(origin.pathPattern);
  return {
    originId: origin.name,
    domainName: executeApiDomain(origin),
    originPath: pulumi.output(origin.stage).apply(originPath),
    customOriginConfig: {
      httpPort: 80,
      httpsPort: 443,
      originProtocolPolicy: "https-only",
      originSslProtocols: ["TLSv1.2"],
      originReadTimeout: config.originReadTimeout,
      originKeepaliveTimeout: config.originKeepaliveTimeout,
    },
    customHeaders: prefix === undefined ? [] : [{ name: PREFIX_HEADER, value: prefix }],
  };
}

/**
 * Every behaviour is the same but for its origin: no caching, all methods, signed at origin-request with the body.
 * No `compress`: CloudFront compresses only what a cache policy with Gzip/Brotli enabled allows, and
 * CachingDisabled enables neither, so the flag would do nothing (the API compresses its own responses).
 */
export function behaviorFor(
  origin: ApiOrigin,
  config: DistributionConfig,
  signerVersionArn: pulumi.Input<string>,
  responseHeadersPolicyId: pulumi.Input<string>,
): Behavior {
  return {
    targetOriginId: origin.name,
    viewerProtocolPolicy: config.viewerProtocolPolicy,
    allowedMethods: ALL_METHODS,
    cachedMethods: CACHED_METHODS,
    cachePolicyId: MANAGED_POLICY.cachingDisabled,
    originRequestPolicyId: MANAGED_POLICY.allViewerExceptHostHeader,
    responseHeadersPolicyId,
    lambdaFunctionAssociations: [{ eventType: "origin-request", lambdaArn: signerVersionArn, includeBody: true }],
  };
}

/**
 * The ordered behaviours: for each prefixed API both `/prefix/*` and the bare `/prefix` (which the
 * wildcard does not match, and which a WebSocket client connects to). CloudFront takes the first
 * match, so longer (more specific) patterns go first.
 */
export function orderedRoutes(origins: readonly ApiOrigin[]): { readonly pathPattern: string; readonly origin: ApiOrigin }[] {
  return origins
    .flatMap((origin) => {
      const prefix = pathPrefixOf(origin.pathPattern);
      return prefix === undefined ? [] : [{ pathPattern: origin.pathPattern, origin }, { pathPattern: prefix, origin }];
    })
    .sort((a, b) => b.pathPattern.length - a.pathPattern.length || a.pathPattern.localeCompare(b.pathPattern));
}

export function viewerCertificate(config: DistributionConfig): aws.types.input.cloudfront.DistributionViewerCertificate {
  if (config.certificateArn === undefined) return { cloudfrontDefaultCertificate: true };
  return { acmCertificateArn: config.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };
}
