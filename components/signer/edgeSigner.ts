import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { buildSignerBundle } from "../../edge-functions/sigv4-signer/build";
import { SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { SignerConfig } from "../config/signer";
import { EDGE_REGION } from "../shared/region";
import { ApiOrigin } from "../shared/types";
import { invokeArn, signerOnlyResourcePolicy, signerPolicy } from "./invokePolicy";
import { createSignerRole } from "./signerRole";

export { createSignerRole } from "./signerRole";

export interface EdgeSignerArgs {
  /** The APIs the signer signs for; it may invoke exactly their stages. */
  readonly origins: readonly ApiOrigin[];
  readonly config: SignerConfig;
  /**
   * Baked into the bundle, since Lambda@Edge has no environment variables: the stack's origins (created APIs'
   * IDs are outputs, so this may be one) and the authorization header.
   */
  readonly settings: pulumi.Input<SignerSettings>;
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The role the function runs as, made first (`createSignerRole`, or `edgeSignerRole` for EdgeProtection) so that
   * the REST APIs' resource policies can name it. @default one made here, `<name>-role`
   */
  readonly role?: aws.iam.Role;
}

/**
 * The Lambda@Edge origin-request function that SigV4-signs every request for execute-api: its role,
 * least-privilege policy and a published version built from the same bundle the tests exercise.
 */
export class EdgeSigner extends pulumi.ComponentResource {
  readonly roleArn: pulumi.Output<string>;
  /** The published version's ARN, the only form CloudFront accepts. */
  readonly versionArn: pulumi.Output<string>;
  /** The role's permissions: the distribution waits for them, so no request is signed without invoke rights. */
  readonly policy: aws.iam.RolePolicy;

  constructor(name: string, args: EdgeSignerArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:signer:EdgeSigner", name, {}, opts);
    const tags = { ...args.tags };
    const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

    const role = args.role ?? createSignerRole(`${name}-role`, tags, { parent: this });
    // Identical settings give identical bytes, so an unchanged stack publishes no new version. Built inside
    // apply because the origin list holds created APIs' IDs; the asset is computed there, no resource is.
    const code = pulumi.output(args.settings).apply((settings) =>
      new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(buildSignerBundle(settings)) }));
    const fn = new aws.lambda.Function(`${name}-fn`, {
      region: EDGE_REGION,
      description: "Signs origin requests for API Gateway with SigV4 (execute-api)",
      runtime: args.config.runtime,
      architectures: ["x86_64"],
      handler: "index.handler",
      code,
      role: role.arn,
      memorySize: args.config.memoryMb,
      timeout: args.config.timeoutSeconds,
      publish: true,
      // Replicas outlive the distribution for hours and block deletion; keep the function instead of failing destroy.
      skipDestroy: args.config.retainOnDelete,
      tags,
    }, { parent: this });

    const invokeArns = pulumi.all(
      args.origins.map((o) => pulumi.all([accountId, o.apiId, o.stage]).apply(([account, apiId, stage]) => invokeArn(o.kind, o.region, account, apiId, stage))),
    );
    this.policy = new aws.iam.RolePolicy(`${name}-policy`, {
      role: role.id,
      policy: pulumi.all([invokeArns, accountId, fn.name]).apply(([arns, account, fnName]) => signerPolicy(arns, account, fnName)),
    }, { parent: this });

    for (const origin of args.origins.filter((o) => o.restrictToSigner)) {
      // API Gateway applies a REST resource policy with the next deployment, which the API's owners make.
      pulumi.log.warn(`${origin.name}: the signer-only resource policy takes effect once the API's owners redeploy its stage`, this);
      new aws.apigateway.RestApiPolicy(`${name}-${origin.name}-signer-only`, {
        region: origin.region,
        restApiId: origin.apiId,
        policy: pulumi.all([role.arn, accountId, origin.apiId, origin.stage]).apply(([roleArn, account, apiId, stage]) =>
          signerOnlyResourcePolicy(roleArn, origin.region, account, apiId, stage)),
      }, { parent: this });
    }

    this.roleArn = role.arn;
    this.versionArn = fn.qualifiedArn;
    this.registerOutputs({ roleArn: this.roleArn, versionArn: this.versionArn });
  }
}
