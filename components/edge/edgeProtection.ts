import * as pulumi from "@pulumi/pulumi";
import { SignerLogsInput, signerLogsSchema } from "../monitoring/monitoringConfig";
import { SignerLogGroups } from "../monitoring/signerLogGroups";
import { edgeGovernance, GovernanceInput } from "../governance";
import { parseWith } from "../shared/schema/parse";
import { EdgeShield, ShieldInput, shieldSchema } from "../shield";
import { EdgeSigner } from "../signer/edgeSigner";
import { EdgeWebAcl, WafSettings, wafLogBucketName } from "../waf";
import { EdgeDistribution } from "./edgeDistribution";
import { EdgeInputs, edgeSettings } from "./edgeSettings";
import { signerSettingsFor } from "./signerSettings";

export interface EdgeProtectionArgs extends EdgeInputs {
  /** `disabled` leaves the distribution without a web ACL. */
  readonly waf: WafSettings;
  /** Shield Advanced, as the stack file's `shield` key; created only when `enabled`. @default off */
  readonly shield?: ShieldInput;
  /**
   * The signer's log groups, made before the distribution so that its logs expire (`monitoring.signerLogs`;
   * fields default as there). @default none: Lambda creates each group itself, keeping logs forever
   */
  readonly signerLogs?: SignerLogsInput;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The operating model, as the stack file's `governance` key: hybrid and centralized tag the distribution
   * into the Firewall Manager policies' scope; centralized leaves its `webAclId` to Firewall Manager.
   * `waf` and `shield` must fit the model (parse `waf` with governedWafSchema). @default distributed
   */
  readonly governance?: GovernanceInput;
}

/** The whole edge for a set of APIs: signer, web ACL, CloudFront distribution and optional Shield Advanced. */
export class EdgeProtection extends pulumi.ComponentResource {
  readonly signer: EdgeSigner;
  readonly webAcl?: EdgeWebAcl;
  readonly distribution: EdgeDistribution;
  readonly shield?: EdgeShield;
  readonly signerLogs?: SignerLogGroups;

  constructor(name: string, args: EdgeProtectionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Every argument is checked (and defaulted) before anything is registered.
    const { origins, signer, distribution } = edgeSettings(`${name}: invalid EdgeProtection arguments`, args);
    const shield = parseWith(shieldSchema(), args.shield ?? {}, `${name}: invalid EdgeProtection arguments`, ["shield"]);
    const signerLogs = args.signerLogs && parseWith(signerLogsSchema, args.signerLogs, `${name}: invalid EdgeProtection arguments`, ["signerLogs"]);
    const decisions = edgeGovernance(`${name}: invalid EdgeProtection arguments`, args.governance, args.waf, shield);
    super("edge-security:edge:EdgeProtection", name, {}, opts);
    const tags = { ...args.tags };
    this.signer = new EdgeSigner(`${name}-signer`, { origins, config: signer, settings: signerSettingsFor(signer, origins), tags }, { parent: this });
    // The web ACL, its metrics and log group take this name, which must be unique in the account.
    const wafName = `${name}-waf-${pulumi.getProject()}-${pulumi.getStack()}`;
    this.webAcl = args.waf.kind === "disabled" ? undefined : new EdgeWebAcl(wafName, { settings: args.waf, tags }, { parent: this });
    // Before CloudFront runs the signer: a group Lambda made first would make creating these fail.
    this.signerLogs = signerLogs && new SignerLogGroups(`${name}-signer-logs`, { signerVersionArn: this.signer.versionArn, ...signerLogs, tags }, { parent: this });
    this.distribution = new EdgeDistribution(`${name}-cdn`, {
      origins,
      config: distribution,
      signerVersionArn: this.signer.versionArn,
      webAclArn: this.webAcl?.arn,
      dependsOn: [this.signer.policy, ...(this.signerLogs ? [this.signerLogs] : [])],
      tags,
      distributionTags: decisions.distributionTags,
      ignoreChanges: decisions.distributionIgnoreChanges,
    }, { parent: this });
    if (shield.enabled) {
      this.shield = new EdgeShield(`${name}-shield`, {
        settings: shield,
        distribution: this.distribution.distribution,
        webAclArn: this.webAcl?.arn,
        wafLogBucketName: wafLogBucketName(args.waf),
        tags,
      }, { parent: this });
    }
    this.registerOutputs({ distributionId: this.distribution.distribution.id });
  }
}
