import { strict as assert } from "node:assert";
import fc from "fast-check";
import { costJson, estimateCost, formatCost, type CostEstimate } from "../../components/cost";
import { readStackConfig } from "../../components/config/stackConfig";
import { ConfigError } from "../../components/shared/validation";
import { buildWafRules, PLACEHOLDER_IP_SET_ARNS, wcuBudget } from "../../components/waf";
import { traffic } from "./fixtures";
import { planned, type PlannedStack } from "./plannedStacks";

type Row = [item: string, region: string, quantity: number, monthlyUsd: number | null];
const rows = (estimate: CostEstimate): Row[] =>
  estimate.lines.map((l) => [l.item, l.region, Math.round(l.quantity * 100) / 100, l.monthlyUsd === null ? null : Math.round(l.monthlyUsd * 1e4) / 1e4]);

describe("cost estimate of the example stacks (default traffic)", function () {
  this.timeout(60_000);
  const stacks: Record<string, PlannedStack> = {};
  before(async () => {
    stacks.dev = await planned("dev");
    stacks.prod = await planned("prod");
  });

  it("dev: every line, USD 182.81", () => {
    const estimate = estimateCost(stacks.dev.billables);
    assert.deepEqual(rows(estimate), [
      ["HTTPS requests (US/Europe), always free 10,000,000", "edge", 10000000, 0],
      ["HTTPS requests (US/Europe)", "edge", 20000000, 20],
      ["data transfer out to internet (US/Europe), always free 1 TB", "edge", 114.92, 0],
      ["data transfer out to origin (US/Europe)", "edge", 6.2, 0.124],
      ["requests", "edge", 30000000, 18],
      ["duration", "edge", 3750, 0.1875],
      ["web ACL", "global", 1, 5],
      ["rules (each managed group counts as one)", "global", 6, 6],
      ["requests inspected", "global", 30000000, 18],
      ["petstore-rest: REST requests, first 333 million", "eu-west-1", 15000000, 52.5],
      ["petstore-http: HTTP API requests, first 300 million", "eu-west-1", 15000000, 15],
      ["petstore-ws: WebSocket messages", "eu-west-1", 1000000, 1],
      ["petstore-ws: WebSocket connection minutes", "eu-west-1", 1000000, 0.25],
      ["WAF logs: delivered to CloudWatch Logs, first 10 TB", "us-east-1", 55.88, 27.9397],
      ["WAF logs: storage", "us-east-1", 55.11, 1.6534],
      ["petstore-rest: API access logs: ingestion", "eu-west-1", 5.59, 2.794],
      ["petstore-rest: API access logs: storage", "eu-west-1", 5.51, 0.1653],
      ["petstore-http: API access logs: ingestion", "eu-west-1", 5.59, 2.794],
      ["petstore-http: API access logs: storage", "eu-west-1", 5.51, 0.1653],
      ["petstore-ws: API access logs: ingestion", "eu-west-1", 0.37, 0.1863],
      ["petstore-ws: API access logs: storage", "eu-west-1", 0.37, 0.011],
      ["signer logs (Lambda@Edge): delivered to CloudWatch Logs, first 10 TB", "edge", 8.38, 4.191],
      // 30 days kept: the retention of the signer log groups the stack creates in the 13 regional edge cache Regions.
      ["signer logs (Lambda@Edge): storage", "edge", 8.27, 0.248],
      // Each alarm in its Region: two per API where its access log is, three at the edge.
      ["standard-resolution alarms", "eu-west-1", 6, 0.6],
      ["standard-resolution alarms", "us-east-1", 3, 0.3],
      ["dashboards", "us-east-1", 1, 3],
      // Three filters per API's access log, each its own custom metric.
      ["custom metrics from log metric filters, first 10,000", "eu-west-1", 9, 2.7],
    ]);
    assert.equal(estimate.totalUsd.toFixed(2), "182.81");
  });

  it("dev: the main lines follow from the traffic by hand", () => {
    const lines = estimateCost(stacks.dev.billables).lines;
    const line = (item: string) => lines.find((l) => l.item === item)!;
    // 30M requests: 10M free, 20M at $0.01 per 10,000.
    assert.equal(line("HTTPS requests (US/Europe)").monthlyUsd, (20_000_000 / 10_000) * 0.01);
    // 30M x 1 ms x 128 MB = 3,750 GB-s.
    assert.equal(line("duration").quantity, 30_000_000 * 0.001 * (128 / 1024));
    // 30M x 4 KB + half of 1M WebSocket messages of 1 KB, in GB of 2^30 bytes: inside the free 1 TB.
    assert.equal(line("data transfer out to internet (US/Europe), always free 1 TB").quantity, (30_000_000 * 4 + 500_000) / 1024 / 1024);
    // Equal shares for the REST and HTTP APIs; the WebSocket API bills messages.
    assert.equal(line("petstore-rest: REST requests, first 333 million").monthlyUsd, 15 * 3.5);
    // A month of WAF logs (30M x 2,000 bytes) kept 30 days.
    const wafGb = (30_000_000 * 2000) / 2 ** 30;
    assert.equal(line("WAF logs: delivered to CloudWatch Logs, first 10 TB").quantity, wafGb);
    assert.equal(line("WAF logs: storage").quantity, wafGb * (30 / (730 / 24)));
  });

  it("prod: every line, USD 3,325.61 (the Shield subscription is 3,000 of it)", () => {
    const estimate = estimateCost(stacks.prod.billables);
    assert.deepEqual(rows(estimate), [
      ["HTTPS requests (US/Europe), always free 10,000,000", "edge", 10000000, 0],
      ["HTTPS requests (US/Europe)", "edge", 20000000, 20],
      ["data transfer out to internet (US/Europe), always free 1 TB", "edge", 114.44, 0],
      ["data transfer out to origin (US/Europe)", "edge", 5.72, 0.1144],
      ["requests", "edge", 30000000, 18],
      ["duration", "edge", 7500, 0.3751],
      ["web ACL", "global", 1, 0],
      ["rules (each managed group counts as one)", "global", 11, 0],
      ["requests inspected", "global", 30000000, 0],
      ["subscription (per organization)", "global", 1, 3000],
      ["data transfer out of the protected distribution, first 100 TB", "global", 114.44, 2.861],
      ["petstore: REST requests, first 333 million", "us-east-2", 10000000, 35],
      ["private: REST requests, first 333 million", "eu-west-1", 10000000, 35],
      ["Network Load Balancer hours", "eu-west-1", 2190, 49.275],
      ["NLCU-hours (1 GB processed per hour each)", "eu-west-1", 40.05, 0.2403],
      ["VPC links (v1)", "eu-west-1", 3, null],
      ["interface endpoint AZ-hours", "eu-west-1", 8760, 87.6],
      ["interface endpoint data processed, first 1 PB", "eu-west-1", 0, 0],
      ["WAF logs: delivered to CloudWatch Logs, first 10 TB", "us-east-1", 55.88, 27.9397],
      ["WAF logs: storage", "us-east-1", 165.34, 4.9602],
      ["CloudFront access logs: delivered to CloudWatch Logs, first 10 TB", "us-east-1", 19.56, 9.7789],
      ["CloudFront access logs: storage", "us-east-1", 234.69, 7.0408],
      ["petstore: API access logs: ingestion", "us-east-2", 3.73, 1.8626],
      ["petstore: API access logs: storage", "us-east-2", 44.7, 1.3411],
      ["private: API access logs: ingestion", "eu-west-1", 3.73, 1.8626],
      ["private: API access logs: storage", "eu-west-1", 3.67, 0.1102],
      ["signer logs (Lambda@Edge): delivered to CloudWatch Logs, first 10 TB", "edge", 8.38, 4.191],
      ["signer logs (Lambda@Edge): storage", "edge", 8.27, 0.248],
      ["health checks (alarm-based or calculated)", "global", 1, 0.5],
      ["standard-resolution alarms", "eu-west-1", 4, 0.4],
      ["standard-resolution alarms", "us-east-1", 5, 0.5],
      ["standard-resolution alarms", "us-east-2", 2, 0.2],
      ["dashboards", "us-east-1", 1, 3],
      ["custom metrics from log metric filters, first 10,000", "eu-west-1", 6, 1.8],
      ["custom metrics from log metric filters, first 10,000", "us-east-2", 3, 0.9],
      ["canary prod-edge-ad7b: runs", "us-east-1", 8760, 10.512],
      ["canary prod-edge-ad7b: Lambda executions", "us-east-1", 8760, null],
    ]);
    assert.equal(estimate.totalUsd.toFixed(2), "3325.61");
    assert.ok(estimate.excluded.includes("API Gateway fees of the APIs the stack only fronts (orders): their owners' bill."));
  });

  it("reads the web ACL's WCU from the recorded rules as the WAF module budgets them (931 dev, 1,320 prod: the probe rule's 4)", () => {
    for (const [stack, expected] of [["dev", 931], ["prod", 1320]] as const) {
      const waf = readStackConfig(stacks[stack].config).waf;
      assert.ok(waf.kind === "managed");
      assert.equal(wcuBudget(buildWafRules(waf, PLACEHOLDER_IP_SET_ARNS), waf.capacity.limit, 0).total, expected);
      assert.equal(stacks[stack].billables.webAcl?.wcu, expected, stack);
    }
  });

  it("gives every line a source and the date it was read, in the text and in the JSON", () => {
    for (const stack of ["dev", "prod"]) {
      const estimate = estimateCost(stacks[stack].billables);
      const text = formatCost(estimate);
      for (const line of estimate.lines) {
        assert.match(line.source, /^https:\/\//);
        assert.match(line.read, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(text.includes(line.source), line.source);
      }
      assert.ok(costJson(estimate).lines.every((l) => l.source.startsWith("https://") && l.read === estimate.pricesRead));
    }
  });

  it("never charges less for more requests (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("dev", "prod"), fc.nat(2_000_000_000), fc.nat(2_000_000_000), (stack, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const total = (n: number) => estimateCost(stacks[stack].billables, traffic({ requestsPerMonth: n })).totalUsd;
        return total(low) <= total(high);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses request shares for an API the stack does not have, naming the field and the APIs", () => {
    assert.throws(
      () => estimateCost(stacks.dev.billables, traffic({ requestShares: { "petstore-rest": 0.5, orders: 0.5 } })),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => [p.field, p.value, p.allowed]), [
          ["cost.requestShares.orders", 0.5, 'allowed: "petstore-rest", "petstore-http" or "petstore-ws" (the stack\'s APIs)'],
        ]);
        return true;
      },
    );
  });

  it("takes given request shares: all of dev's requests on the HTTP API", () => {
    const lines = estimateCost(stacks.dev.billables, traffic({ requestShares: { "petstore-http": 1 } })).lines;
    assert.deepEqual(lines.filter((l) => l.service === "API Gateway" && /requests/.test(l.item)).map((l) => [l.item, l.quantity]), [
      ["petstore-rest: REST requests, first 333 million", 0],
      ["petstore-http: HTTP API requests, first 300 million", 30_000_000],
    ]);
  });
});
