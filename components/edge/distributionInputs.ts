import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
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

export function originFor(origin: ApiOrigin, config: DistributionConfig): Origin {
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
  };
}

/** Every behaviour is the same but for its origin: no caching, all methods, signed at origin-request with the body. */
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
    compress: true,
    cachePolicyId: MANAGED_POLICY.cachingDisabled,
    originRequestPolicyId: MANAGED_POLICY.allViewerExceptHostHeader,
    responseHeadersPolicyId,
    lambdaFunctionAssociations: [{ eventType: "origin-request", lambdaArn: signerVersionArn, includeBody: true }],
  };
}

/** CloudFront matches ordered behaviours first to last, so longer (more specific) prefixes go first. */
export function orderedOrigins(origins: readonly ApiOrigin[]): ApiOrigin[] {
  return origins.filter((o) => o.pathPattern !== "*").sort((a, b) => b.pathPattern.length - a.pathPattern.length || a.pathPattern.localeCompare(b.pathPattern));
}

export function viewerCertificate(config: DistributionConfig): aws.types.input.cloudfront.DistributionViewerCertificate {
  if (config.certificateArn === undefined) return { cloudfrontDefaultCertificate: true };
  return { acmCertificateArn: config.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };
}
