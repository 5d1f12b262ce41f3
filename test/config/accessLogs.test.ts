import { strict as assert } from "node:assert";
import { z } from "zod";
import { accessLogsSchema, LEGACY_LOGGING } from "../../components/config/accessLogs";
import { parseStackConfig } from "../../components/config/stackConfig";
import { problemsFrom } from "../../components/shared/schema/problems";
import { ConfigError } from "../../components/shared/validation";

const section = z.object({ accessLogs: accessLogsSchema.optional() });
function parse(raw: Record<string, unknown>) {
  const result = section.safeParse(raw);
  return result.success ? { settings: result.data.accessLogs, problems: [] } : { settings: undefined, problems: problemsFrom(result.error.issues, raw).map((p) => [p.field, p.value]) };
}

describe("access logs (standard logging v2)", () => {
  it("are off unless configured", () => {
    assert.deepEqual(parse({}), { settings: undefined, problems: [] });
  });

  it("default to a log group the stack creates, in JSON (kept 90 days unless retentionDays says otherwise)", () => {
    assert.deepEqual(parse({ accessLogs: {} }), { settings: { destination: "cloudwatch", format: "json" }, problems: [] });
    assert.deepEqual(parse({ accessLogs: { destination: "cloudwatch", retentionDays: 365 } }).settings, { destination: "cloudwatch", retentionDays: 365, format: "json" });
  });

  it("deliver to an S3 bucket, or a log group or Firehose stream in us-east-1", () => {
    for (const destinationArn of [
      "arn:aws:s3:::edge-access-logs",
      "arn:aws:logs:us-east-1:111122223333:log-group:/aws/vendedlogs/edge",
      "arn:aws:firehose:us-east-1:111122223333:deliverystream/edge-logs",
    ]) {
      assert.deepEqual(parse({ accessLogs: { destination: destinationArn, format: "w3c" } }), { settings: { destination: destinationArn, format: "w3c" }, problems: [] });
    }
    assert.deepEqual(parse({ accessLogs: { destination: "arn:aws:s3:::edge-access-logs", format: "parquet" } }).problems, []);
  });

  it("refuse what CloudFront cannot deliver to, each problem once", () => {
    const cases: [Record<string, unknown>, unknown[][]][] = [
      [{ accessLogs: { destination: "arn:aws:logs:eu-west-1:111122223333:log-group:edge" } }, [["accessLogs.destination", "arn:aws:logs:eu-west-1:111122223333:log-group:edge"]]],
      [{ accessLogs: { destination: "my-bucket.s3.amazonaws.com" } }, [["accessLogs.destination", "my-bucket.s3.amazonaws.com"]]],
      [{ accessLogs: { destination: "arn:aws:logs:us-east-1:111122223333:log-group:edge", format: "parquet" } }, [["accessLogs.format", "parquet"]]],
      [{ accessLogs: { format: "w3c" } }, [["accessLogs.format", "w3c"]]],
      [{ accessLogs: { retentionDays: 10 } }, [["accessLogs.retentionDays", 10]]],
      [{ accessLogs: { destination: "arn:aws:s3:::b-logs", retentionDays: 30 } }, [["accessLogs.retentionDays", 30]]],
      [{ accessLogs: { destinaton: "cloudwatch" } }, [["accessLogs.destinaton", "cloudwatch"]]],
      [{ accessLogs: true }, [["accessLogs", true]]],
    ];
    for (const [raw, problems] of cases) assert.deepEqual(parse(raw).problems, problems, JSON.stringify(raw));
  });

  it("refuse legacy logging keys with the way forward", () => {
    const REST = { name: "shop", kind: "REST", stage: "prod", pathPattern: "*" };
    assert.throws(() => parseStackConfig({ apis: [REST], loggingBucket: "logs.s3.amazonaws.com", loggingPrefix: "cf/" }, "eu-west-1"), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.map((p) => [p.field, p.allowed]), [["loggingBucket", LEGACY_LOGGING], ["loggingPrefix", LEGACY_LOGGING]]);
      return true;
    });
    assert.match(LEGACY_LOGGING, /S3 ACLs, which buckets have disabled by default since April 2023\); use accessLogs: \{ destination: cloudwatch \}/);
  });
});
