import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { canaryName } from "../../components/monitoring/canaryPolicy";
import { EdgeCanary, rateExpression } from "../../components/monitoring/edgeCanary";
import { EdgeMonitoring } from "../../components/monitoring/edgeMonitoring";
import { parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { MockRecorder, installMocks, valueOf } from "../support/mocks";
import { DEV_APIS, DISTRIBUTION_ARN, DISTRIBUTION_ID, SIGNER_ROLE_ARN } from "./fixtures";

const T = {
  bucket: "aws:s3/bucket:Bucket",
  block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  policy: "aws:s3/bucketPolicy:BucketPolicy",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  canary: "aws:synthetics/canary:Canary",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
} as const;
const TAGS = { team: "edge" };
const NAME = canaryName("edge-security", "test");
const BUCKET = "c-artifacts-id";

describe("EdgeCanary", () => {
  let mocks: MockRecorder;
  let dir: string;
  before(() => { mocks = installMocks(); dir = mkdtempSync(join(tmpdir(), "canary-component-")); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => mocks.reset());

  async function build(raw: unknown = { enabled: true }, zipDir: string | null = dir): Promise<EdgeCanary> {
    const registered: pulumi.Resource[] = [];
    const record: pulumi.ResourceTransformation = ({ resource }) => { registered.push(resource); return undefined; };
    const canary = new EdgeCanary("c", { settings: parseMonitoringConfig({ canary: raw }).canary, apis: DEV_APIS, zipDir: zipDir ?? undefined, tags: TAGS }, { transformations: [record] });
    await Promise.all([canary, ...registered].map((r) => valueOf(r.urn)));
    return canary;
  }
  const inputs = (type: string, name: string) => mocks.one(type, name).inputs;

  it("names the canary per project and stack within 21 lowercase characters", () => {
    assert.equal(NAME, "test-edge-" + NAME.slice(-4));
    assert.match(canaryName("p", "Production_EU-West.1"), /^production-edge-[0-9a-f]{4}$/);
    for (const stack of ["a", "x".repeat(80), "---", "Prod"]) assert.match(canaryName("edge-security", stack), /^[a-z0-9-]{1,21}$/);
  });

  it("keeps its artifacts in a private, encrypted, TLS-only bucket in us-east-1 whose objects expire", async () => {
    await build();
    assert.deepEqual(inputs(T.bucket, "c-artifacts"), { region: "us-east-1", forceDestroy: true, tags: TAGS });
    assert.deepEqual(inputs(T.block, "c-artifacts"), { region: "us-east-1", bucket: "c-artifacts-id", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    assert.deepEqual(inputs(T.ownership, "c-artifacts"), { region: "us-east-1", bucket: "c-artifacts-id", rule: { objectOwnership: "BucketOwnerEnforced" } });
    assert.deepEqual(inputs(T.sse, "c-artifacts"), { region: "us-east-1", bucket: "c-artifacts-id", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
    assert.deepEqual(inputs(T.lifecycle, "c-artifacts"), {
      region: "us-east-1", bucket: "c-artifacts-id",
      rules: [{ id: "expire-canary-artifacts", status: "Enabled", filter: { prefix: "canary/" }, expiration: { days: 31 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 1 } }],
    });
    assert.deepEqual(JSON.parse(inputs(T.policy, "c-artifacts").policy), {
      Version: "2012-10-17",
      Statement: [{
        Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
        Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
      }],
    });
  });

  it("runs as its own role trusted only by Lambda, allowed exactly what AWS lists for a canary without KMS or VPC", async () => {
    await build();
    assert.deepEqual(JSON.parse(inputs(T.role, "c-role").assumeRolePolicy), {
      Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    assert.deepEqual(JSON.parse(inputs(T.rolePolicy, "c-policy").policy).Statement, [
      { Sid: "WriteOwnArtifacts", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: `arn:aws:s3:::${BUCKET}/canary/*` },
      { Sid: "FindArtifactBucket", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: `arn:aws:s3:::${BUCKET}` },
      { Sid: "ListBuckets", Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
      { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup"], Resource: `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/cwsyn-${NAME}-*` },
      { Sid: "PutSyntheticsMetrics", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "CloudWatchSynthetics" } } },
    ]);
  });

  it("is the browserless Node.js runtime every 5 minutes, SSE-S3 artifacts, and a zip holding every API's target", async () => {
    await build();
    const canary = inputs(T.canary, "c");
    const { zipFile, ...rest } = canary;
    assert.deepEqual(rest, {
      region: "us-east-1",
      name: NAME,
      runtimeVersion: "syn-nodejs-5.4",
      handler: "edgeCanary.handler",
      executionRoleArn: "arn:aws:iam::123456789012:role/c-role",
      artifactS3Location: `s3://${BUCKET}/canary/`,
      artifactConfig: { s3Encryption: { encryptionMode: "SSE_S3" } },
      schedule: { expression: "rate(5 minutes)" },
      runConfig: { timeoutInSeconds: 60, activeTracing: false },
      successRetentionPeriod: 31,
      failureRetentionPeriod: 31,
      startCanary: true,
      deleteLambda: true,
      tags: TAGS,
    });
    assert.ok(isAbsolute(zipFile) && zipFile.startsWith(dir) && /canary-[0-9a-f]{16}\.zip$/.test(zipFile));
    const script = execFileSync("unzip", ["-p", zipFile, "nodejs/node_modules/edgeCanary.js"], { encoding: "utf8" });
    for (const api of DEV_APIS) assert.ok(script.includes(`"name":"${api.name}"`) && script.includes(api.directUrl as string), api.name);
    assert.ok(script.includes('"path":"pets","expectStatus":200'));
  });

  it("writes the zip into the project by default and records it relative to the project, so the state does not depend on the checkout", async () => {
    await build({ enabled: true }, null);
    const zipFile: string = inputs(T.canary, "c").zipFile;
    assert.match(zipFile, /^edge-functions\/canary\/dist\/canary-[0-9a-f]{16}\.zip$/);
    assert.ok(existsSync(zipFile));
  });

  it("starts only once its role has its permissions", async () => {
    const deps: Promise<string[]>[] = [];
    const record: pulumi.ResourceTransformation = ({ type, opts }) => {
      if (type === T.canary) deps.push(Promise.all(((opts.dependsOn ?? []) as pulumi.Resource[]).map((r) => valueOf(r.urn))));
      return undefined;
    };
    const canary = new EdgeCanary("d", { settings: parseMonitoringConfig({ canary: { enabled: true } }).canary, apis: DEV_APIS, zipDir: dir }, { transformations: [record] });
    await valueOf(canary.urn);
    const [urns] = await Promise.all(deps);
    assert.deepEqual(urns.map((u) => u.split("::").pop()), ["d-policy"]);
  });

  it("writes rate expressions as Synthetics spells them", () => {
    assert.equal(rateExpression(1), "rate(1 minute)");
    assert.equal(rateExpression(60), "rate(60 minutes)");
  });

  it("EdgeMonitoring adds the canary's SuccessPercent alarm and dashboard widgets", async () => {
    const registered: pulumi.Resource[] = [];
    const record: pulumi.ResourceTransformation = ({ resource }) => { registered.push(resource); return undefined; };
    const monitoring = new EdgeMonitoring("mon", {
      settings: parseMonitoringConfig({ canary: { enabled: true, rateMinutes: 10 } }),
      distributionId: DISTRIBUTION_ID, distributionArn: DISTRIBUTION_ARN, signerRoleArn: SIGNER_ROLE_ARN, apis: DEV_APIS, canaryZipDir: dir,
    }, { transformations: [record] });
    await Promise.all([monitoring, ...registered].map((r) => valueOf(r.urn)));
    assert.equal(monitoring.canaryName, NAME);
    const alarm = inputs(T.alarm, "mon-canary");
    assert.deepEqual([alarm.namespace, alarm.metricName, alarm.dimensions, alarm.period, alarm.threshold], ["CloudWatchSynthetics", "SuccessPercent", { CanaryName: NAME }, 600, 90]);
    assert.equal(inputs(T.canary, "mon-canary").schedule.expression, "rate(10 minutes)");
    assert.ok(mocks.one("aws:cloudwatch/dashboard:Dashboard", "mon").inputs.dashboardBody.includes(`"CanaryName","${NAME}"`));
  });
});
