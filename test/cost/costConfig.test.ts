import { strict as assert } from "node:assert";
import { costSchema, DEFAULT_TRAFFIC } from "../../components/cost";
import { parseWith } from "../../components/shared/schema/parse";
import { ConfigError } from "../../components/shared/validation";

function problems(input: unknown): [string, unknown, string][] {
  try {
    parseWith(costSchema, input, "Invalid cost", ["cost"]);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((p) => [p.field, p.value, p.allowed]);
  }
  assert.fail("expected a ConfigError");
}

describe("cost config section", () => {
  it("has a default for every key but the optional shares", () => {
    assert.deepEqual(parseWith(costSchema, {}, "cost"), DEFAULT_TRAFFIC);
    assert.deepEqual(DEFAULT_TRAFFIC, {
      requestsPerMonth: 30_000_000,
      averageResponseKb: 4,
      averageRequestKb: 1,
      writeShare: 0.2,
      webSocketMessagesPerMonth: 1_000_000,
      webSocketConnectionMinutesPerMonth: 1_000_000,
      averageWebSocketMessageKb: 1,
      bodiesOver16KbShare: 0,
      wafLogRecordBytes: 2000,
      accessLogRecordBytes: 700,
      apiAccessLogRecordBytes: 400,
      signerLogBytesPerRequest: 300,
      signerDurationMs: 0.04,
      vpcEndpointGbPerMonth: 0,
      cloudFrontFreeTier: true,
      includeShieldSubscription: true,
    });
  });

  it("describes every key (the editor's hover text)", () => {
    for (const [key, field] of Object.entries(costSchema.shape)) {
      const description = (field.meta() as { description?: string } | undefined)?.description;
      assert.ok(description && description.length > 20, key);
    }
  });

  it("names every bad field at once, with what it allows", () => {
    assert.deepEqual(problems({ requestsPerMonth: -1, writeShare: 1.5, averageResponseKb: "4", signerDurationMs: 0, requestsPerMonht: 5 }), [
      ["cost.requestsPerMonth", -1, "allowed: a number of requests from 0 to 10^13"],
      ["cost.averageResponseKb", "4", 'allowed: the average response in KB from 0 to 10240 ("4" is quoted, so YAML reads it as text: write 4 without quotes)'],
      ["cost.writeShare", 1.5, "allowed: a share of requests from 0 to 1"],
      ["cost.signerDurationMs", 0, "allowed: milliseconds from 0.001 to 30000"],
      ["cost.requestsPerMonht", 5, 'unknown key; allowed: "requestsPerMonth", "averageResponseKb", "averageRequestKb", "writeShare", "webSocketMessagesPerMonth", "webSocketConnectionMinutesPerMonth", "averageWebSocketMessageKb", "requestShares", "bodiesOver16KbShare", "logSampleShare", "wafLogRecordBytes", "accessLogRecordBytes", "apiAccessLogRecordBytes", "signerLogBytesPerRequest", "signerDurationMs", "vpcEndpointGbPerMonth", "cloudFrontFreeTier" or "includeShieldSubscription"; did you mean "requestsPerMonth"?'],
    ]);
  });

  it("refuses request shares that do not add up to 1, and fractional request counts", () => {
    assert.deepEqual(problems({ requestShares: { a: 0.5, b: 0.4 } }), [["cost.requestShares", { a: 0.5, b: 0.4 }, "allowed: shares that add up to 1 (these add up to 0.9)"]]);
    assert.deepEqual(problems({ requestsPerMonth: 1.5 }), [["cost.requestsPerMonth", 1.5, "allowed: a whole number of requests"]]);
    assert.deepEqual(problems({ requestShares: { a: 2 } }).map((p) => p[0]), ["cost.requestShares.a"]);
    assert.equal(parseWith(costSchema, { requestShares: { a: 0.7, b: 0.3 } }, "cost").requestShares?.b, 0.3);
  });
});
