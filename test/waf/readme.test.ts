import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "yaml";
import { buildWafRules, DEFAULT_MANAGED_GROUPS, MANAGED_RULE_CATALOGUE, pathStatement, PRIORITY, wcuBudget } from "../../components/waf";
import { AUTOMATIC_RESPONSE_WCU } from "../../components/shield/settings";
import { DEV_WAF, managed, PROD_WAF } from "./fixtures";
import { matches } from "./wafOracle";

const README = readFileSync(join(__dirname, "../../components/waf/README.md"), "utf8");

/** The rows of the first Markdown table after `heading`, as cells. */
function table(heading: string): string[][] {
  const start = README.indexOf(heading);
  assert.ok(start >= 0, `README has ${heading}`);
  const lines = README.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split("|").map((c) => c.trim()));
  }
  return rows;
}

const n = (value: number) => value.toLocaleString("en-US");

describe("waf README matches the code", () => {
  it("the dev and prod YAML snippets are the configs the tests parse", () => {
    const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => yaml.parse(m[1]) as { config?: Record<string, unknown> });
    assert.deepEqual(blocks[0].config?.["edge-security:waf"], DEV_WAF);
    assert.deepEqual(blocks[1].config?.["edge-security:waf"], PROD_WAF);
  });

  it("defaults: the groups, rate limits, inspection limit, logging and capacity the parser applies", () => {
    const rows = Object.fromEntries(table("## Defaults").map(([k, v]) => [k, v]));
    const s = managed(undefined);
    assert.equal(rows["managed groups"], DEFAULT_MANAGED_GROUPS.map((g) => `\`${g}\``).join(", "));
    assert.deepEqual(s.managedRuleGroups.map((g) => g.name), DEFAULT_MANAGED_GROUPS);
    assert.ok(rows["`rateLimits.blanket`"].startsWith(`${n(s.rateLimits.blanket?.limit ?? 0)} requests / ${s.rateLimits.blanket?.windowSec} s`));
    assert.ok(rows["`rateLimits.ipReputation`"].startsWith(`${s.rateLimits.ipReputation?.limit} / ${s.rateLimits.ipReputation?.windowSec} s`));
    assert.ok(rows["`bodyInspectionLimit`"].startsWith(`\`${s.bodyInspectionLimit}\``));
    assert.match(rows["`bodySize`"], /larger than the inspection limit are blocked \(`body-too-large`, JSON 403\); no path is exempt/);
    assert.deepEqual(s.bodySize, { action: "block", maxBytes: 16_384, allowedPaths: [] });
    assert.match(rows["`logging`"], new RegExp(`${s.logging?.destination.kind === "cloudwatch" ? s.logging.destination.retentionDays : 0} days`));
    assert.ok(rows["`capacity.limit`"].startsWith(`${n(s.capacity.limit)} WCU`));
    assert.match(rows["`capacity.limit`"], new RegExp(`${AUTOMATIC_RESPONSE_WCU} held back`));
  });

  it("'The defaults cost N' is the estimate of the default rules", () => {
    const total = wcuBudget(buildWafRules(managed(undefined), {}), 1500, 0).total;
    assert.match(README, new RegExp(`The defaults cost ${total}\\.`));
  });

  it("the priority layout is the one in priorities.ts, and each built rule sits in its row", () => {
    const rows = table("## Priority layout");
    assert.deepEqual(rows.map((r) => r[0]), [
      `${PRIORITY.allowIpSet} / ${PRIORITY.denyIpSet} / ${PRIORITY.geo}`,
      `${PRIORITY.bodySize}`,
      `${PRIORITY.rateUriStart}, ${PRIORITY.rateUriStart + PRIORITY.rateUriStep}, ...`,
      `${PRIORITY.rateLimitProbe}`,
      `${PRIORITY.rateBlanket}`,
      `${PRIORITY.managedStart}, ${PRIORITY.managedStart + PRIORITY.managedStep}, ...`,
      `${PRIORITY.rateLabelledUriStart}, ${PRIORITY.rateLabelledUriStart + PRIORITY.rateUriStep}, ...`,
      `${PRIORITY.rateIpReputation}`,
      `${PRIORITY.appStart}-${PRIORITY.appEnd}`,
      n(PRIORITY.shieldMitigation),
    ]);
    const probe = { headerName: "x-edge-rate-probe", token: "0123456789abcdef0123456789abcdef", limit: 10, windowSec: 60, ruleName: "rate-limit-probe" };
    const uri = [
      { name: "plain", pathPrefix: "/pets", limit: 100 },
      { name: "labelled", pathPrefix: "/pets", limit: 100, aggregation: { customKeys: [{ labelNamespace: "awswaf:managed:aws:core-rule-set:" }] } },
    ];
    const settings = { ipSets: { allow: ["192.0.2.1/32"], deny: ["192.0.2.2/32"] }, geo: { mode: "block", countries: ["KP"] }, rateLimits: { uri } };
    const rules = buildWafRules(managed(settings, { shieldMitigation: "none", rateLimitProbe: probe }), { allowIpv4: "a", denyIpv4: "d" });
    assert.deepEqual(
      ["rate-uri-plain", "rate-limit-probe", "rate-uri-labelled"].map((name) => rules.find((r) => r.name === name)?.priority),
      [PRIORITY.rateUriStart, PRIORITY.rateLimitProbe, PRIORITY.rateLabelledUriStart],
    );
    for (const rule of rules.filter((r) => r.statement.type !== "managedGroup")) {
      const row = rows.find((r) => r[0].split(/ \/ |, /).includes(String(rule.priority)));
      const shown = rule.source[1] === "uri" ? "rate-uri-<name>" : rule.name;
      assert.ok(row && row[1].includes(`\`${shown}\``), `${rule.name} at ${rule.priority}`);
    }
  });

  it("the catalogue table is the catalogue: WCU, namespace, rule count, cost", () => {
    const rows = table("## Managed rule group catalogue");
    assert.deepEqual(
      rows.map(([name, wcu, namespace, rules, , cost]) => [name, Number(wcu), `awswaf:managed:aws:${namespace}:`, Number(rules), cost === "yes"]),
      MANAGED_RULE_CATALOGUE.map((g) => [g.name, g.wcu, g.labelNamespace, g.rules.length, g.extraCost]),
    );
    const unversioned = rows.filter((r) => r[4] === "no versions").map((r) => r[0]);
    assert.deepEqual(unversioned, MANAGED_RULE_CATALOGUE.filter((g) => !g.versioned).map((g) => g.name));
  });

  it("the attacker's path table says what the /pets statement really matches", () => {
    const rows = table("## Paths, and what an attacker can try");
    assert.ok(rows.length >= 8);
    for (const [paths, counts] of rows) {
      for (const path of [...paths.matchAll(/`([^`]+)`/g)].map((m) => m[1])) {
        assert.equal(matches(pathStatement<string>("/pets"), { path }), counts === "yes", path);
      }
    }
  });
});
