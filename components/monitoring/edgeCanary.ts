/**
 * The synthetic canary, in us-east-1: every few minutes each API through the edge (expects success) and directly
 * (expects 403), on the browserless Synthetics Node.js runtime, with its own least-privilege role and an encrypted,
 * private artifact bucket whose objects expire. Its zip is built like the signer bundle: targets baked in, byte-
 * identical for equal targets, named by its hash so a change of code is a change of `zipFile`.
 *
 * Why us-east-1: its SuccessPercent metric and alarm live in the canary's Region, and the stack's topic, dashboard
 * and edge alarms are there; the edge is global and execute-api URLs are public, so any Region can probe both.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { relative, isAbsolute } from "node:path";
import { CANARY_HANDLER, DEFAULT_CANARY_DIR, writeCanaryZip } from "../../edge-functions/canary/build";
import type { ProbeTarget } from "../../edge-functions/canary/src/targets";
import { EDGE_REGION } from "../shared/region";
import { ARTIFACT_PREFIX, artifactBucketPolicy, CANARY_TRUST_POLICY, canaryName, canaryPolicy } from "./canaryPolicy";
import type { CanarySettings } from "./monitoringConfig";
import type { MonitoredApi } from "./monitoredApis";

export interface EdgeCanaryArgs {
  readonly settings: CanarySettings;
  readonly apis: readonly MonitoredApi[];
  /** Where the zip is written. @default edge-functions/canary/dist */
  readonly zipDir?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export class EdgeCanary extends pulumi.ComponentResource {
  readonly canaryName: string;
  readonly artifactBucket: pulumi.Output<string>;

  constructor(name: string, args: EdgeCanaryArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:monitoring:EdgeCanary", name, {}, opts);
    const { settings } = args;
    const tags = { ...args.tags };
    const region = EDGE_REGION;
    const parent = { parent: this };
    this.canaryName = canaryName(pulumi.getProject(), pulumi.getStack());

    // Artifacts are disposable run records: forceDestroy lets `pulumi destroy` remove the bucket with them.
    const bucket = new aws.s3.Bucket(`${name}-artifacts`, { region, forceDestroy: true, tags }, parent);
    new aws.s3.BucketPublicAccessBlock(`${name}-artifacts`, {
      region, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    }, parent);
    new aws.s3.BucketOwnershipControls(`${name}-artifacts`, { region, bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-artifacts`, {
      region, bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    }, parent);
    new aws.s3.BucketLifecycleConfiguration(`${name}-artifacts`, {
      region,
      bucket: bucket.id,
      rules: [{
        id: "expire-canary-artifacts",
        status: "Enabled",
        filter: { prefix: `${ARTIFACT_PREFIX}/` },
        expiration: { days: settings.retentionDays },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      }],
    }, parent);
    const partition = aws.getPartitionOutput({}, parent).partition;
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    new aws.s3.BucketPolicy(`${name}-artifacts`, {
      region, bucket: bucket.id, policy: pulumi.all([partition, bucket.bucket]).apply(([p, b]) => artifactBucketPolicy(p, b)),
    }, parent);

    const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: CANARY_TRUST_POLICY, description: "Synthetics canary probing the edge", tags }, parent);
    const policy = new aws.iam.RolePolicy(`${name}-policy`, {
      role: role.id,
      policy: pulumi.all([partition, accountId, bucket.bucket]).apply(([p, account, b]) =>
        canaryPolicy({ partition: p, region, accountId: account, bucketName: b, canaryName: this.canaryName })),
    }, parent);

    const zipDir = args.zipDir ?? DEFAULT_CANARY_DIR;
    const zipFile = pulumi.all(args.apis.map(targetOf)).apply((targets) => portablePath(writeCanaryZip(targets, zipDir)));
    new aws.synthetics.Canary(name, {
      region,
      name: this.canaryName,
      runtimeVersion: settings.runtimeVersion,
      handler: CANARY_HANDLER,
      zipFile,
      executionRoleArn: role.arn,
      artifactS3Location: pulumi.interpolate`s3://${bucket.bucket}/${ARTIFACT_PREFIX}/`,
      artifactConfig: { s3Encryption: { encryptionMode: "SSE_S3" } },
      schedule: { expression: rateExpression(settings.rateMinutes) },
      runConfig: { timeoutInSeconds: settings.timeoutSeconds, activeTracing: false },
      successRetentionPeriod: settings.retentionDays,
      failureRetentionPeriod: settings.retentionDays,
      startCanary: true,
      // Destroying the canary removes the Lambda function and layer Synthetics made for it.
      deleteLambda: true,
      tags,
    }, { parent: this, dependsOn: [policy] });

    this.artifactBucket = bucket.bucket;
    this.registerOutputs({ canaryName: this.canaryName, artifactBucket: this.artifactBucket });
  }
}

/** `rate(1 minute)`, `rate(5 minutes)`: Synthetics' rate syntax. */
export function rateExpression(minutes: number): string {
  return `rate(${minutes} ${minutes === 1 ? "minute" : "minutes"})`;
}

function targetOf(api: MonitoredApi): pulumi.Output<ProbeTarget> {
  return pulumi.all([api.edgeUrl, api.directUrl]).apply(([edgeUrl, directUrl]) => ({
    name: api.name,
    kind: api.kind,
    edgeUrl,
    directUrl,
    path: api.probe.path,
    ...(api.probe.expectStatus !== undefined ? { expectStatus: api.probe.expectStatus } : {}),
  }));
}

/** Relative to the project when the zip is inside it, so the state does not change with the checkout's location. */
function portablePath(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside.startsWith("..") || isAbsolute(inside) ? file : inside;
}
