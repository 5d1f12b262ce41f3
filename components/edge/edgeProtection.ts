import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SignerLogGroups } from "../monitoring/signerLogGroups";
import { GovernanceStackOutputs, governanceStackCheck } from "../governance";
import { EdgeShield } from "../shield";
import { EdgeSigner } from "../signer/edgeSigner";
import { EdgeWebAcl, WafSettings, wafLogBucketName } from "../waf";
import { EdgeDistribution } from "./edgeDistribution";
import { EdgeProtectionInputs, edgeProtectionSettings } from "./edgeProtectionSettings";
import { signerSettingsFor } from "./signerSettings";

export type { EdgeProtectionInputs } from "./edgeProtectionSettings";
export { edgeSignerRole } from "./edgeSignerRole";

export interface EdgeProtectionArgs extends EdgeProtectionInputs {
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The signer's role, made first with `edgeSignerRole(name)` so that the REST APIs the program creates admit
   * only it (their `signerRoleArn`). @default one made inside the signer
   */
  readonly signerRole?: aws.iam.Role;
}

/** The whole edge for a set of APIs: signer, web ACL, CloudFront distribution and optional Shield Advanced. */
export class EdgeProtection extends pulumi.ComponentResource {
  readonly signer: EdgeSigner;
  readonly webAcl?: EdgeWebAcl;
  readonly distribution: EdgeDistribution;
  readonly shield?: EdgeShield;
  readonly signerLogs?: SignerLogGroups;
  /** The `waf` argument as parsed: what the web ACL was built from (e.g. for `verificationOutput`). */
  readonly wafSettings: WafSettings;
  /** The governance stack `governance.central.stack` names, read and compared with `governance.central` (rejects on drift). */
  readonly governanceStack?: pulumi.Output<GovernanceStackOutputs>;

  constructor(name: string, args: EdgeProtectionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Every argument is checked (and defaulted) before anything is registered, all problems in one error.
    const { origins, signer, distribution, waf, shield, signerLogs, decisions, governance } = edgeProtectionSettings(`${name}: invalid EdgeProtection arguments`, args);
    super("edge-security:edge:EdgeProtection", name, {}, opts);
    this.wafSettings = waf;
    const tags = { ...args.tags };
    // The WAF reserve and scope tag were copied from the governance stack: nothing below is registered while it disagrees.
    this.governanceStack = governanceStackCheck(`${name}-governance`, governance, { parent: this });
    const child: pulumi.ComponentResourceOptions = { parent: this, ...(this.governanceStack ? { dependsOn: this.governanceStack.apply((): pulumi.Resource[] => []) } : {}) };
    this.signer = new EdgeSigner(`${name}-signer`, { origins, config: signer, settings: signerSettingsFor(signer, origins), tags, role: args.signerRole }, child);
    // The web ACL, its metrics and log group take this name, which must be unique in the account.
    const wafName = `${name}-waf-${pulumi.getProject()}-${pulumi.getStack()}`;
    this.webAcl = waf.kind === "disabled" ? undefined : new EdgeWebAcl(wafName, { settings: waf, tags }, child);
    // Before CloudFront runs the signer: a group Lambda made first would make creating these fail.
    this.signerLogs = signerLogs && new SignerLogGroups(`${name}-signer-logs`, { signerVersionArn: this.signer.versionArn, ...signerLogs, tags }, child);
    this.distribution = new EdgeDistribution(`${name}-cdn`, {
      origins,
      config: distribution,
      signerVersionArn: this.signer.versionArn,
      webAclArn: this.webAcl?.arn,
      dependsOn: [this.signer.policy, ...(this.signerLogs ? [this.signerLogs] : [])],
      tags,
      distributionTags: decisions.distributionTags,
      ignoreChanges: decisions.distributionIgnoreChanges,
    }, child);
    if (shield.enabled) {
      this.shield = new EdgeShield(`${name}-shield`, {
        settings: shield,
        distribution: this.distribution.distribution,
        webAclArn: this.webAcl?.arn,
        wafLogBucketName: wafLogBucketName(waf),
        tags,
      }, child);
    }
    this.registerOutputs({ distributionId: this.distribution.distribution.id });
  }
}
