import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DistributionConfig } from "../config/distribution";
import { ApiOrigin } from "../shared/types";
import { EdgeAccessLogs } from "./accessLogs";
import { SECURITY_HEADERS } from "./cloudfrontPolicies";
import { behaviorFor, orderedRoutes, originFor, viewerCertificate } from "./distributionInputs";

export interface EdgeDistributionArgs {
  /** One origin per API; exactly one has pathPattern `*` (the default behaviour). */
  readonly origins: readonly ApiOrigin[];
  readonly config: DistributionConfig;
  /** Published version ARN of the origin-request signer. */
  readonly signerVersionArn: pulumi.Input<string>;
  /** Resources that must exist before the distribution serves traffic, e.g. the signer's permissions. @default none */
  readonly dependsOn?: pulumi.Resource[];
  /** ARN of a CLOUDFRONT-scope WAFv2 web ACL. @default none */
  readonly webAclArn?: pulumi.Input<string>;
  readonly tags?: Readonly<Record<string, string>>;
  /** Tags only the distribution carries, e.g. the Firewall Manager scope tag (governanceDecisions). @default {} */
  readonly distributionTags?: Readonly<Record<string, string>>;
  /** Distribution properties left to others, e.g. `webAclId` under the centralized model. @default [] */
  readonly ignoreChanges?: readonly string[];
}

/** The CloudFront distribution in front of the APIs: HTTPS only, nothing cached, every request signed. */
export class EdgeDistribution extends pulumi.ComponentResource {
  readonly distribution: aws.cloudfront.Distribution;
  /** Present when `config.accessLogs` is set. */
  readonly accessLogs?: EdgeAccessLogs;

  constructor(name: string, args: EdgeDistributionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:edge:EdgeDistribution", name, {}, opts);
    const { config } = args;
    const defaultOrigin = args.origins.find((o) => o.pathPattern === "*");
    if (!defaultOrigin) throw new Error(`${name}: origins: one origin needs pathPattern "*" (CloudFront's default behaviour)`);

    const headers = new aws.cloudfront.ResponseHeadersPolicy(`${name}-security-headers`, {
      comment: "Security headers for API responses",
      securityHeadersConfig: SECURITY_HEADERS,
    }, { parent: this });
    const behavior = (origin: ApiOrigin) => behaviorFor(origin, config, args.signerVersionArn, headers.id);

    this.distribution = new aws.cloudfront.Distribution(name, {
      enabled: true,
      comment: distributionComment(args.origins),
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      priceClass: config.priceClass,
      aliases: [...config.aliases],
      viewerCertificate: viewerCertificate(config),
      origins: args.origins.map((o) => originFor(o, config)),
      defaultCacheBehavior: behavior(defaultOrigin),
      orderedCacheBehaviors: orderedRoutes(args.origins).map(({ pathPattern, origin }) => ({ ...behavior(origin), pathPattern })),
      restrictions: { geoRestriction: { restrictionType: config.geoRestriction.type, locations: [...config.geoRestriction.locations] } },
      webAclId: args.webAclArn,
      tags: { ...args.tags, ...args.distributionTags },
    }, { parent: this, dependsOn: args.dependsOn, ignoreChanges: [...(args.ignoreChanges ?? [])] });
    if (config.accessLogs) {
      this.accessLogs = new EdgeAccessLogs(`${name}-logs`, { settings: config.accessLogs, distributionArn: this.distribution.arn, tags: args.tags }, { parent: this });
    }
    this.registerOutputs({ distributionId: this.distribution.id });
  }
}

/** CloudFront limits the comment to 128 characters. */
export function distributionComment(origins: readonly ApiOrigin[]): string {
  const text = `API edge: ${origins.map((o) => o.name).join(", ")}`;
  return text.length <= 128 ? text : `${text.slice(0, 125)}...`;
}
