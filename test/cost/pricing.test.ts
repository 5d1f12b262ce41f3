import { strict as assert } from "node:assert";
import { estimateCost, PRICES, PRICES_READ, wcuSteps, type CostLine } from "../../components/cost";
import { billables, traffic, webAcl } from "./fixtures";

const linesOf = (lines: readonly CostLine[], service: string, item: RegExp) => lines.filter((l) => l.service === service && item.test(l.item));
const usd = (lines: readonly CostLine[]) => lines.reduce((sum, l) => sum + (l.monthlyUsd ?? 0), 0);
/** Cents and fractions of them, without binary noise (0.000001 and not 0.0000010000000000000002). */
const r = (value: number | null) => (value === null ? null : Math.round(value * 1e10) / 1e10);

describe("cost: prices and their boundaries", () => {
  describe("CloudFront's always-free allowance (10,000,000 requests, 1 TB)", () => {
    const requests = (n: number, free = true) => linesOf(estimateCost(billables(), traffic({ requestsPerMonth: n, cloudFrontFreeTier: free })).lines, "CloudFront", /HTTPS requests/);

    it("charges nothing up to 10,000,000 requests and one request's price just over", () => {
      assert.deepEqual(requests(10_000_000).map((l) => [l.quantity, l.monthlyUsd]), [[10_000_000, 0]]);
      assert.deepEqual(requests(10_000_001).map((l) => [l.quantity, r(l.monthlyUsd)]), [[10_000_000, 0], [1, 0.000001]]);
      assert.deepEqual(requests(9_999_999).map((l) => [l.quantity, l.monthlyUsd]), [[9_999_999, 0]]);
    });

    it("charges from the first request without the free tier", () => {
      assert.deepEqual(requests(10_000_000, false).map((l) => [l.quantity, l.monthlyUsd]), [[10_000_000, 10]]);
    });

    it("charges nothing up to 1 TB (1,024 GB) out to viewers, then the first tier's $0.085 per GB", () => {
      // averageResponseKb 1024 (1 MB): requests x 1 MB = GB / 1024.
      const out = (n: number, free = true) => linesOf(estimateCost(billables(), traffic({ requestsPerMonth: n, averageResponseKb: 1024, writeShare: 0, cloudFrontFreeTier: free })).lines, "CloudFront", /to internet/);
      assert.deepEqual(out(1024 * 1024).map((l) => [l.quantity, l.monthlyUsd]), [[1024, 0]]);
      assert.deepEqual(out(1024 * 1024 + 1024).map((l) => [l.item, l.quantity, l.monthlyUsd]), [
        ["data transfer out to internet (US/Europe), always free 1 TB", 1024, 0],
        ["data transfer out to internet (US/Europe), first 10 TB", 1, 0.085],
      ]);
      assert.deepEqual(out(1024 * 1024, false).map((l) => [l.item, l.quantity, l.monthlyUsd]), [["data transfer out to internet (US/Europe), first 10 TB", 1024, 1024 * 0.085]]);
    });

    it("splits a quantity across tiers at their boundary (10 TB, then $0.080)", () => {
      const gb = 10 * 1024 + 1024 + 10; // free 1 TB, the whole first tier, 10 GB of the next
      const lines = linesOf(estimateCost(billables(), traffic({ requestsPerMonth: gb * 1024, averageResponseKb: 1024, writeShare: 0 })).lines, "CloudFront", /to internet/);
      assert.deepEqual(lines.map((l) => [l.quantity, l.unitPriceUsd]), [[1024, 0], [10 * 1024, 0.085], [10, 0.08]]);
      assert.equal(r(usd(lines)), r(10 * 1024 * 0.085 + 10 * 0.08));
    });
  });

  describe("WCU above 1,500: every started step of 500 WCU adds $0.20 per million requests", () => {
    it("counts steps: 1,500 -> 0, 1,501 -> 1, 2,000 -> 1, 2,001 -> 2", () => {
      assert.deepEqual([1500, 1501, 2000, 2001].map(wcuSteps), [0, 1, 1, 2]);
    });

    for (const [wcu, steps] of [[1500, 0], [1501, 1], [2000, 1], [2001, 2]] as const) {
      it(`${wcu} WCU on 10 million requests: ${steps} step(s), USD ${2 * steps}`, () => {
        const lines = estimateCost(billables({ webAcl: webAcl({ wcu }) }), traffic({ requestsPerMonth: 10_000_000 })).lines;
        const surcharge = linesOf(lines, "AWS WAF", /WCU above/);
        assert.deepEqual(surcharge.map((l) => [l.quantity, r(l.monthlyUsd)]), steps === 0 ? [] : [[10_000_000 * steps, 2 * steps]]);
      });
    }

    it("counts Shield's automatic-response group (150 WCU) against the web ACL", () => {
      const lines = estimateCost(billables({ webAcl: webAcl({ wcu: 1351 }), shield: { protectsDistribution: true, automaticResponse: true, subscriptionCreated: false } }), traffic({ requestsPerMonth: 1_000_000 })).lines;
      assert.deepEqual(linesOf(lines, "AWS WAF", /WCU above/).map((l) => [l.quantity, r(l.monthlyUsd), l.waived, l.note]), [[1_000_000, 0.2, false, "1501 WCU: 1 started step of 500 above 1500, on every request"]]);
    });
  });

  describe("Shield Advanced covers the web ACL's standard fees for the protected distribution", () => {
    const acl = webAcl({ rules: 7, wcu: 2001, botControl: "COMMON", bodyInspectionLimitKb: 48 });
    const run = (protectsDistribution: boolean) =>
      estimateCost(billables({ webAcl: acl, shield: { protectsDistribution, automaticResponse: false, subscriptionCreated: false } }), traffic({ requestsPerMonth: 2_000_000, bodiesOver16KbShare: 0.5 })).lines.filter((l) => l.service === "AWS WAF");

    it("without Shield: web ACL $5, 7 rules $7, requests $1.20, plus the surcharges", () => {
      assert.deepEqual(run(false).map((l) => [l.item, r(l.monthlyUsd), l.waived]), [
        ["web ACL", 5, false],
        ["rules (each managed group counts as one)", 7, false],
        ["requests inspected", 1.2, false],
        ["WCU above 1,500, per started 500 WCU", 0.8, false],
        ["body inspection beyond 16 KB, per extra 16 KB", 0.6, false],
        ["Bot Control subscription", 10, false],
        ["Bot Control requests (common level)", 2, false],
      ]);
    });

    it("with Shield: the web ACL, rule and request fees are 0, the WCU, body and Bot Control fees stay", () => {
      const lines = run(true);
      assert.deepEqual(lines.map((l) => [l.item, r(l.monthlyUsd), l.waived]), [
        ["web ACL", 0, true],
        ["rules (each managed group counts as one)", 0, true],
        ["requests inspected", 0, true],
        ["WCU above 1,500, per started 500 WCU", 0.8, false],
        ["body inspection beyond 16 KB, per extra 16 KB", 0.6, false],
        ["Bot Control subscription", 10, false],
        ["Bot Control requests (common level)", 2, false],
      ]);
      // Still listed at their list price, so the reader sees what is covered.
      assert.deepEqual(lines.filter((l) => l.waived).map((l) => l.unitPriceUsd), [5, 1, 0.6]);
    });

    it("adds the subscription (unless another stack pays it) and the data transfer fee", () => {
      const shield = { protectsDistribution: true, automaticResponse: false, subscriptionCreated: false };
      const gb = (n: number) => (n * 4) / 1024 / 1024;
      const lines = estimateCost(billables({ shield }), traffic({ requestsPerMonth: 1_000_000 })).lines.filter((l) => l.service === "Shield Advanced");
      assert.deepEqual(lines.map((l) => [l.item, r(l.monthlyUsd)]), [["subscription (per organization)", 3000], ["data transfer out of the protected distribution, first 100 TB", r(gb(1_000_000) * 0.025)]]);
      const without = estimateCost(billables({ shield }), traffic({ requestsPerMonth: 1_000_000, includeShieldSubscription: false }));
      assert.deepEqual(without.lines.filter((l) => l.service === "Shield Advanced").map((l) => l.item), ["data transfer out of the protected distribution, first 100 TB"]);
      assert.ok(without.assumptions.some((a) => a.includes("cost.includeShieldSubscription: false")));
    });
  });

  it("bills the signer's duration rounded up to whole milliseconds (1 ms increments)", () => {
    const duration = (ms: number, memoryMb: number) => linesOf(estimateCost(billables({ signer: { memoryMb } }), traffic({ requestsPerMonth: 1_000_000, signerDurationMs: ms })).lines, "Lambda@Edge", /duration/)[0];
    assert.equal(duration(0.04, 128).quantity, 1_000_000 * 0.001 * 0.125);
    assert.equal(duration(1, 128).quantity, 1_000_000 * 0.001 * 0.125);
    assert.equal(duration(1.01, 256).quantity, 1_000_000 * 0.002 * 0.25);
    assert.equal(r(duration(0.04, 1024).monthlyUsd), r(1_000_000 * 0.001 * 0.00005001));
  });

  it("leaves unpriced fees out of the total and says so", () => {
    const estimate = estimateCost(billables({ webAcl: webAcl({ antiDdos: true }), vpcLinks: [{ version: 2, region: "eu-west-1" }] }), traffic({ requestsPerMonth: 1_000_000 }));
    const unpriced = estimate.lines.filter((l) => l.monthlyUsd === null);
    assert.deepEqual(unpriced.map((l) => [l.item, l.unitPriceUsd]), [["Anti-DDoS rule group", null], ["VPC links (v2)", null]]);
    assert.equal(estimate.totalUsd, estimate.lines.reduce((sum, l) => sum + (l.monthlyUsd ?? 0), 0));
    assert.ok(estimate.assumptions.some((a) => a.startsWith("Not priced") && a.includes("Anti-DDoS rule group") && a.includes("VPC links (v2)")));
  });

  describe("the price table", () => {
    it("gives every price an AWS source, the day it was read and its basis", () => {
      for (const [id, price] of Object.entries(PRICES)) {
        assert.match(price.source, /^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//, id);
        assert.equal(price.read, PRICES_READ, id);
        assert.match(price.read, /^\d{4}-\d{2}-\d{2}$/, id);
        assert.ok(price.basis.length > 10, id);
        // A fee without a figure says so in its basis.
        assert.equal(price.tiers.some((t) => t.usd === null), price.basis.startsWith("not read"), id);
      }
    });

    it("orders each price's tiers and leaves the last open", () => {
      for (const [id, price] of Object.entries(PRICES)) {
        const tops = price.tiers.map((t) => t.upTo);
        assert.equal(tops[tops.length - 1], undefined, id);
        const bounded = tops.slice(0, -1) as number[];
        assert.deepEqual(bounded, [...bounded].sort((a, b) => a - b), id);
      }
    });
  });
});
