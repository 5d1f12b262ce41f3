/**
 * The canary's least privilege, as CloudWatch's "Required roles and permissions for canaries" lists it for a
 * canary without KMS or VPC access: write and read its own artifacts, find the bucket's Region, write its own
 * Lambda logs, and put metrics only in the CloudWatchSynthetics namespace. No X-Ray (active tracing is off).
 */
import { createHash } from "node:crypto";

/** Where the canary writes artifacts inside its bucket. */
export const ARTIFACT_PREFIX = "canary";
/** Synthetics names a canary's Lambda function `cwsyn-<canary>-<id>`; its logs go to that function's group. */
export const CANARY_LOG_GROUP_PREFIX = "/aws/lambda/cwsyn-";

export const CANARY_TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

export function canaryPolicy(args: { readonly partition: string; readonly region: string; readonly accountId: string; readonly bucketName: string; readonly canaryName: string }): string {
  const bucket = `arn:${args.partition}:s3:::${args.bucketName}`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "WriteOwnArtifacts", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: `${bucket}/${ARTIFACT_PREFIX}/*` },
      { Sid: "FindArtifactBucket", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: bucket },
      { Sid: "ListBuckets", Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
      {
        Sid: "WriteOwnLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup"],
        Resource: `arn:${args.partition}:logs:${args.region}:${args.accountId}:log-group:${CANARY_LOG_GROUP_PREFIX}${args.canaryName}-*`,
      },
      {
        Sid: "PutSyntheticsMetrics",
        Effect: "Allow",
        Action: "cloudwatch:PutMetricData",
        Resource: "*",
        Condition: { StringEquals: { "cloudwatch:namespace": "CloudWatchSynthetics" } },
      },
    ],
  });
}

/** Refuses any request to the artifact bucket that is not over TLS. */
export function artifactBucketPolicy(partition: string, bucketName: string): string {
  const bucket = `arn:${partition}:s3:::${bucketName}`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucket, `${bucket}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }],
  });
}

/**
 * A canary name: lowercase letters, digits, `-` and `_`, kept to 21 characters (the limit Synthetics long had, and a
 * length that leaves room in the `cwsyn-<name>-<id>` Lambda function name), unique per project and stack.
 */
export function canaryName(project: string, stack: string): string {
  const slug = stack.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 10) || "stack";
  const hash = createHash("sha256").update(`${project}/${stack}`).digest("hex").slice(0, 4);
  return `${slug}-edge-${hash}`;
}
