import { strict as assert } from "node:assert";
import { costJson, estimateCost, formatCost } from "../../components/cost";
import { billables, traffic, webAcl } from "./fixtures";

const shielded = billables({
  webAcl: webAcl({ rules: 2, wcu: 100 }),
  shield: { protectsDistribution: true, automaticResponse: false, subscriptionCreated: true },
  vpcLinks: [{ version: 1, region: "eu-west-1" }],
});

describe("cost: text and JSON", () => {
  const estimate = estimateCost(shielded, traffic({ requestsPerMonth: 20_000_000 }));

  it("keeps the JSON's keys in a fixed order, numbers rounded to 6 decimals", () => {
    const json = costJson(estimate);
    assert.deepEqual(Object.keys(json), ["currency", "pricesRead", "totalUsd", "lines", "assumptions", "excluded"]);
    for (const line of json.lines) {
      assert.deepEqual(Object.keys(line), ["service", "item", "region", "quantity", "unit", "unitPriceUsd", "per", "monthlyUsd", "waived", "source", "read", "basis", "note"]);
    }
    assert.deepEqual(json.lines[1], {
      service: "CloudFront",
      item: "HTTPS requests (US/Europe)",
      region: "edge",
      quantity: 10_000_000,
      unit: "requests",
      unitPriceUsd: 0.01,
      per: 10_000,
      monthlyUsd: 10,
      waived: false,
      source: "https://aws.amazon.com/cloudfront/pricing/",
      read: "2026-12-01",
      basis: "always-free 10,000,000 a month: AWS pricing page (text read here); $0.0100 per 10,000: unconfirmed: AWS renders this table client-side; figure from transcriptions that agree",
      note: null,
    });
    assert.equal(json.totalUsd, Math.round(estimate.totalUsd * 1e6) / 1e6);
    assert.equal(JSON.stringify(costJson(estimateCost(shielded, traffic({ requestsPerMonth: 20_000_000 })))), JSON.stringify(json));
  });

  it("prints each line with its unit price, monthly USD and source, then the total, assumptions, exclusions and sources", () => {
    const text = formatCost(estimate).split("\n");
    assert.match(text[0], /^Monthly cost estimate: USD 3,\d{3}\.\d\d \(list prices read 2026-12-01; 1 line unpriced, not in the total\)$/);
    const row = (item: string) => text.find((l) => l.includes(item)) ?? "";
    assert.match(row("HTTPS requests (US/Europe)  "), /CloudFront +HTTPS requests \(US\/Europe\) +edge +10,000,000 requests +0\.01 per 10,000 requests +10\.00 +\[1\]\*$/);
    assert.match(row("web ACL  "), /1 web ACL-months +5 per web ACL-month +covered +\[\d\]$/);
    assert.match(row("VPC links (v1)"), /unpriced +unpriced +\[\d\]\*$/);
    assert.match(row("subscription (per organization)"), /3,000 per month +3,000\.00/);
    // A note is printed once for a run of lines that share it (the three covered WAF fees).
    assert.equal(text.filter((l) => l.includes("covered by Shield Advanced")).length, 1);
    assert.ok(text.indexOf("Assumptions") < text.indexOf("Not included") && text.indexOf("Not included") < text.findIndex((l) => l.startsWith("Sources")));
    assert.ok(text.some((l) => /^  total +3,\d{3}\.\d\d$/.test(l)));
    assert.ok(text.includes("  [1] https://aws.amazon.com/cloudfront/pricing/"));
  });
});
