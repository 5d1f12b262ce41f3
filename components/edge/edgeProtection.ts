import * as pulumi from "@pulumi/pulumi";
import { DistributionConfig } from "../config/distribution";
import { SignerConfig } from "../config/signer";
import { EdgeSigner } from "../signer/edgeSigner";
import { ApiOrigin } from "../shared/types";
import { EdgeDistribution } from "./edgeDistribution";
import { signerSettingsFor } from "./signerSettings";

export interface EdgeProtectionArgs {
  /** The APIs to front; exactly one has pathPattern `*`. */
  readonly origins: readonly ApiOrigin[];
  readonly signer: SignerConfig;
  readonly distribution: DistributionConfig;
  readonly tags?: Readonly<Record<string, string>>;
}

/** The whole edge for a set of APIs: signer, CloudFront distribution, web ACL and optional Shield Advanced. */
export class EdgeProtection extends pulumi.ComponentResource {
  readonly signer: EdgeSigner;
  readonly distribution: EdgeDistribution;

  constructor(name: string, args: EdgeProtectionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:edge:EdgeProtection", name, {}, opts);
    const { origins, tags } = args;
    this.signer = new EdgeSigner(`${name}-signer`, { origins, config: args.signer, settings: signerSettingsFor(origins, args.signer), tags }, { parent: this });
    this.distribution = new EdgeDistribution(`${name}-cdn`, {
      origins,
      config: args.distribution,
      signerVersionArn: this.signer.versionArn,
      tags,
    }, { parent: this });
    this.registerOutputs({ distributionId: this.distribution.distribution.id });
  }
}
