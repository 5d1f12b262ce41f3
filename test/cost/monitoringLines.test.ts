import { strict as assert } from "node:assert";
import { canaryRunsPerMonth, estimateCost, type Billables, type CostLine } from "../../components/cost";
import { DAYS_PER_MONTH } from "../../components/cost/trafficModel";
import { REGIONAL_EDGE_CACHE_REGIONS } from "../../components/monitoring/edgeRegions";
import { billables } from "./fixtures";
import { planned } from "./plannedStacks";

type Row = [service: string, item: string, region: string, quantity: number, unitPriceUsd: number | null, monthlyUsd: number | null, note: string | null];
const row = (l: CostLine): Row => [l.service, l.item, l.region, Math.round(l.quantity * 100) / 100, l.unitPriceUsd, l.monthlyUsd === null ? null : Math.round(l.monthlyUsd * 1e4) / 1e4, l.note];
const MONITORING = /^(CloudWatch|CloudWatch Synthetics|AWS Lambda)$|additional metrics/;
const monitoringRows = (b: Billables) => estimateCost(b).lines.filter((l) => MONITORING.test(l.service) || MONITORING.test(l.item)).map(row);
const signerStorage = (b: Billables) => estimateCost(b).lines.find((l) => l.item === "signer logs (Lambda@Edge): storage")!;
/** A month of signer logs at the default traffic: 30M requests x 300 bytes. */
const SIGNER_GB = (30_000_000 * 300) / 2 ** 30;
const groups = (days: number | null, regions: readonly string[] = REGIONAL_EDGE_CACHE_REGIONS) => regions.map((region) => ({ region, retentionDays: days }));
const canary = (schedule: string) => ({ name: "edge-canary", region: "us-east-1", schedule, artifactDays: 14 });

describe("cost: the monitoring the program registers", function () {
  this.timeout(60_000);

  it("prod: what its monitoring registers (alarms in 3 Regions, 13 signer log groups, 6 filters, the canary every 5 minutes)", async () => {
    const b = (await planned("prod")).billables;
    const perRegion = Object.fromEntries(["eu-west-1", "us-east-1", "us-east-2"].map((r) => [r, b.alarms.filter((a) => a.region === r).length]));
    assert.deepEqual([perRegion, b.alarms.length], [{ "eu-west-1": 4, "us-east-1": 5, "us-east-2": 2 }, 11]);
    assert.deepEqual(b.signerLogGroups, groups(30));
    assert.deepEqual(b.logMetricFilters.map((f) => [f.region, f.metric]), [
      ["eu-west-1", "SignerDenied.edge-security.prod.orders"], ["eu-west-1", "BadSignature.edge-security.prod.orders"], ["eu-west-1", "DirectUnsigned.edge-security.prod.orders"],
      ["us-east-2", "SignerDenied.edge-security.prod.petstore"], ["us-east-2", "BadSignature.edge-security.prod.petstore"], ["us-east-2", "DirectUnsigned.edge-security.prod.petstore"],
      ["eu-west-1", "SignerDenied.edge-security.prod.private"], ["eu-west-1", "BadSignature.edge-security.prod.private"], ["eu-west-1", "DirectUnsigned.edge-security.prod.private"],
    ]);
    assert.deepEqual([b.canaries, b.additionalMetrics], [[{ name: "prod-edge-ad7b", region: "us-east-1", schedule: "rate(5 minutes)", artifactDays: 31 }], 0]);
  });

  it("prod: the monitoring's exact lines", async () => {
    const b = (await planned("prod")).billables;
    const filters = "3 filters on access logs, each publishing one metric whenever its log has events";
    assert.deepEqual(monitoringRows(b), [
      ["CloudWatch", "standard-resolution alarms", "eu-west-1", 4, 0.1, 0.4, null],
      ["CloudWatch", "standard-resolution alarms", "us-east-1", 5, 0.1, 0.5, null],
      ["CloudWatch", "standard-resolution alarms", "us-east-2", 2, 0.1, 0.2, null],
      ["CloudWatch", "dashboards", "us-east-1", 1, 3, 3, null],
      ["CloudWatch", "custom metrics from log metric filters, first 10,000", "eu-west-1", 6, 0.3, 1.8, "6 filters on access logs, each publishing one metric whenever its log has events"],
      ["CloudWatch", "custom metrics from log metric filters, first 10,000", "us-east-2", 3, 0.3, 0.9, filters],
      // 730 h x 60 / 5 = 8,760 runs at $0.0012.
      ["CloudWatch Synthetics", "canary prod-edge-ad7b: runs", "us-east-1", 8760, 0.0012, 10.512, "rate(5 minutes): 8,760 runs in 730 h"],
      ["AWS Lambda", "canary prod-edge-ad7b: Lambda executions", "us-east-1", 8760, null, null, "rate(5 minutes): 8,760 runs in 730 h"],
    ]);
    const estimate = estimateCost(b);
    assert.deepEqual(row(signerStorage(b)), ["CloudWatch Logs", "signer logs (Lambda@Edge): storage", "edge", 8.27, 0.03, 0.248, "30 days kept (the signer log groups' retention, 13 Regions)"]);
    assert.ok(estimate.assumptions.includes("Alarms: 11 in 3 Region(s), each priced as one standard-resolution alarm in its own Region; AWS bills alarms per alarm metric, so the 1 metric-math and 1 anomaly-detection alarm(s) may bill as several."));
    assert.ok(estimate.assumptions.includes("Canary prod-edge-ad7b: rate(5 minutes) is 8,760 runs a month; each is also a Lambda invocation, billed by Lambda for its duration (unpriced here: the canary's Duration metric gives it)."));
    assert.ok(estimate.excluded.includes("Canary prod-edge-ad7b: its artifacts in S3 (kept 31 days by the bucket's lifecycle rule), its Lambda's logs and the metrics it publishes: S3 and CloudWatch fees not priced here."));
  });

  it("prod with the canary off: no canary line, no canary exclusion, one alarm fewer", async () => {
    const prod = await planned("prod");
    const monitoring = JSON.parse(prod.config["edge-security:monitoring"]) as Record<string, unknown>;
    const b = (await planned("prod", { monitoring: { ...monitoring, canary: { enabled: false } } })).billables;
    assert.deepEqual(b.canaries, []);
    const estimate = estimateCost(b);
    assert.deepEqual(estimate.lines.filter((l) => /canary/i.test(l.item) || l.service === "CloudWatch Synthetics"), []);
    assert.deepEqual([...estimate.assumptions, ...estimate.excluded].filter((text) => /^Canary/.test(text)), []);
    assert.deepEqual(monitoringRows(b).filter((r) => r[1] === "standard-resolution alarms" && r[2] === "us-east-1").map((r) => r[3]), [4]);
    assert.equal((estimateCost(prod.billables).totalUsd - estimate.totalUsd).toFixed(4), (8760 * 0.0012 + 0.1).toFixed(4));
  });

  it("dev with additional metrics, a canary every 10 minutes and signer log groups in 2 Regions", async () => {
    const b = (await planned("dev", { monitoring: { additionalMetrics: true, canary: { enabled: true, rateMinutes: 10 }, signerLogs: { retentionDays: 7, regions: ["us-east-1", "eu-west-1"] } } })).billables;
    assert.deepEqual([b.additionalMetrics, b.canaries.map((c) => [c.schedule, c.artifactDays]), b.signerLogGroups], [1, [["rate(10 minutes)", 31]], groups(7, ["us-east-1", "eu-west-1"])]);
    const rows = monitoringRows(b);
    assert.deepEqual(rows.find((r) => /additional metrics/.test(r[1])), ["CloudFront", "additional metrics (8 custom metrics)", "us-east-1", 1, 2.4, 2.4, "a fixed monthly rate per metric, whatever the traffic"]);
    assert.deepEqual(rows.filter((r) => r[0] === "CloudWatch Synthetics").map((r) => [r[3], r[5]]), [[4380, 5.256]]);
    // The other 11 regional edge cache Regions keep the signer's logs forever.
    const storage = signerStorage(b);
    assert.equal(storage.quantity, SIGNER_GB * 12);
    assert.match(storage.note ?? "", /^no signer log group registered in us-east-2, us-west-1, .*sa-east-1 \(Lambda@Edge creates them without retention\): 12 months' worth$/);
  });

  it("prices each alarm in its own Region, one line per Region", () => {
    const b = billables({ alarms: [{ region: "us-east-1", kind: "metric" }, { region: "ap-south-1", kind: "metric" }, { region: "us-east-1", kind: "anomaly" }] });
    assert.deepEqual(monitoringRows(b), [
      ["CloudWatch", "standard-resolution alarms", "ap-south-1", 1, 0.1, 0.1, null],
      ["CloudWatch", "standard-resolution alarms", "us-east-1", 2, 0.1, 0.2, null],
    ]);
    assert.ok(estimateCost(b).assumptions.includes("Alarms: 3 in 2 Region(s), each priced as one standard-resolution alarm in its own Region; AWS bills alarms per alarm metric, so the 1 anomaly-detection alarm(s) may bill as several."));
  });

  describe("signer log storage follows the registered signer log groups' retention", () => {
    it("none registered: 12 months' worth", () => {
      const line = signerStorage(billables());
      assert.deepEqual([line.quantity, line.note], [SIGNER_GB * 12, "no signer log groups registered (Lambda@Edge creates them without retention): 12 months' worth"]);
    });
    it("7 days in every regional edge cache Region: 7 days' worth", () => {
      const line = signerStorage(billables({ signerLogGroups: groups(7) }));
      assert.deepEqual([line.quantity, line.note], [SIGNER_GB * (7 / DAYS_PER_MONTH), "7 days kept (the signer log groups' retention, 13 Regions)"]);
    });
    it("mixed retention: the longest (an upper bound)", () => {
      const line = signerStorage(billables({ signerLogGroups: [...groups(7).slice(1), { region: REGIONAL_EDGE_CACHE_REGIONS[0], retentionDays: 90 }] }));
      assert.deepEqual([line.quantity, line.note], [SIGNER_GB * (90 / DAYS_PER_MONTH), "90 days kept (the signer log groups' longest retention, 13 Regions)"]);
    });
    it("a registered group without retention, or a Region without a group: 12 months' worth", () => {
      const missing = signerStorage(billables({ signerLogGroups: groups(30).filter((g) => g.region !== "sa-east-1") }));
      assert.deepEqual([missing.quantity, missing.note], [SIGNER_GB * 12, "no signer log group registered in sa-east-1 (Lambda@Edge creates them without retention): 12 months' worth"]);
      const forever = signerStorage(billables({ signerLogGroups: [...groups(30).slice(1), { region: REGIONAL_EDGE_CACHE_REGIONS[0], retentionDays: null }] }));
      assert.deepEqual([forever.quantity, forever.note], [SIGNER_GB * 12, "a signer log group without retention: 12 months' worth"]);
    });
  });

  it("counts each metric a log metric filter publishes once per Region, and says when dimensions make it a floor", () => {
    const filter = (region: string, metric: string, dimensioned = false) => ({ region, namespace: "App", metric, dimensioned });
    const b = billables({ logMetricFilters: [filter("eu-west-1", "A"), filter("eu-west-1", "A"), filter("eu-west-1", "B", true), filter("us-east-1", "A")] });
    assert.deepEqual(monitoringRows(b), [
      ["CloudWatch", "custom metrics from log metric filters, first 10,000", "eu-west-1", 2, 0.3, 0.6,
        "3 filters on access logs, each publishing one metric whenever its log has events; filters with dimensions publish one more per distinct value, so this is a floor"],
      ["CloudWatch", "custom metrics from log metric filters, first 10,000", "us-east-1", 1, 0.3, 0.3, "1 filter on access logs, each publishing one metric whenever its log has events"],
    ]);
  });

  it("counts canary runs a month from the rate expression (730 h); run-once and cron schedules are not counted", () => {
    assert.deepEqual(["rate(5 minutes)", "rate(1 minute)", "rate(10 minutes)", "rate(1 hour)", "rate(0 minute)", "cron(0 12 * * ? *)", ""].map(canaryRunsPerMonth), [8760, 43800, 4380, 730, 0, null, null]);
  });

  it("a canary on rate(5 minutes): its runs at $0.0012 each and its Lambda executions unpriced; none on a cron schedule", () => {
    const every5 = estimateCost(billables({ canaries: [canary("rate(5 minutes)")] }));
    assert.deepEqual(every5.lines.filter((l) => /canary/.test(l.item)).map(row), [
      ["CloudWatch Synthetics", "canary edge-canary: runs", "us-east-1", 8760, 0.0012, 10.512, "rate(5 minutes): 8,760 runs in 730 h"],
      ["AWS Lambda", "canary edge-canary: Lambda executions", "us-east-1", 8760, null, null, "rate(5 minutes): 8,760 runs in 730 h"],
    ]);
    assert.ok(every5.assumptions.some((a) => a.startsWith("Not priced (no figure confirmed here), so not in the total: canary edge-canary: Lambda executions")));
    assert.ok(every5.excluded.includes("Canary edge-canary: its artifacts in S3 (kept 14 days by the bucket's lifecycle rule), its Lambda's logs and the metrics it publishes: S3 and CloudWatch fees not priced here."));
    const cron = estimateCost(billables({ canaries: [canary("cron(0 12 * * ? *)")] }));
    assert.deepEqual(cron.lines.filter((l) => /canary/.test(l.item)), []);
    assert.ok(cron.assumptions.includes("Canary edge-canary: its schedule cron(0 12 * * ? *) is not a rate expression; its runs are not counted."));
  });

  it("no monitoring registered: no alarm, metric, canary or additional-metrics line", () => {
    assert.deepEqual(monitoringRows(billables()), []);
  });
});
