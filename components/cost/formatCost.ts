/**
 * The estimate for people (a table with a source per line, then the assumptions and what is left out)
 * and for tools (`costJson`: the same content, keys in a fixed order, numbers rounded to 6 decimals).
 */
import type { CostLine } from "./costLine";
import type { CostEstimate } from "./estimateCost";

const UNCONFIRMED = /unconfirmed|not read/;

const round = (value: number) => Math.round(value * 1e6) / 1e6;
const amount = (value: number, digits = 2) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const quantity = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
const unitPrice = (line: CostLine) =>
  line.unitPriceUsd === null ? "unpriced" : `${line.unitPriceUsd.toLocaleString("en-US", { maximumFractionDigits: 8 })} per ${line.per === 1 ? line.unit.replace(/s$/, "") : `${quantity(line.per)} ${line.unit}`}`;
const monthly = (line: CostLine) => (line.monthlyUsd === null ? "unpriced" : line.waived ? "covered" : amount(line.monthlyUsd));

export function formatCost(estimate: CostEstimate): string {
  const sources = [...new Set(estimate.lines.map((line) => line.source))];
  const unpriced = estimate.lines.filter((line) => line.monthlyUsd === null).length;
  const rows = estimate.lines.map((line) => [
    line.service,
    line.item,
    line.region,
    `${quantity(line.quantity)} ${line.unit}`,
    unitPrice(line),
    monthly(line),
    `[${sources.indexOf(line.source) + 1}]${UNCONFIRMED.test(line.basis) ? "*" : ""}`,
  ]);
  const header = ["service", "item", "region", "quantity", "unit price (USD)", "USD/month", "source"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const render = (row: readonly string[]) => `  ${row.map((cell, i) => (i === 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ")}`.trimEnd();
  const out = [
    `Monthly cost estimate: USD ${amount(estimate.totalUsd)} (list prices read ${estimate.pricesRead}${unpriced > 0 ? `; ${unpriced} line${unpriced === 1 ? "" : "s"} unpriced, not in the total` : ""})`,
    "",
    render(header),
  ];
  let lastNote: string | null = null;
  estimate.lines.forEach((line, i) => {
    out.push(render(rows[i]));
    if (line.note && line.note !== lastNote) out.push(`      ${line.note}`);
    lastNote = line.note;
  });
  out.push(render(["total", "", "", "", "", amount(estimate.totalUsd), ""]), "", "Assumptions", ...estimate.assumptions.map((a) => `  - ${a}`));
  out.push("", "Not included", ...estimate.excluded.map((e) => `  - ${e}`));
  out.push("", "Sources (* unconfirmed: see each price's basis in --json)", ...sources.map((s, i) => `  [${i + 1}] ${s}`));
  return out.join("\n");
}

/** The JSON shape: these keys, in this order. */
export function costJson(estimate: CostEstimate) {
  return {
    currency: estimate.currency,
    pricesRead: estimate.pricesRead,
    totalUsd: round(estimate.totalUsd),
    lines: estimate.lines.map((line) => ({
      service: line.service,
      item: line.item,
      region: line.region,
      quantity: round(line.quantity),
      unit: line.unit,
      unitPriceUsd: line.unitPriceUsd,
      per: line.per,
      monthlyUsd: line.monthlyUsd === null ? null : round(line.monthlyUsd),
      waived: line.waived,
      source: line.source,
      read: line.read,
      basis: line.basis,
      note: line.note,
    })),
    assumptions: [...estimate.assumptions],
    excluded: [...estimate.excluded],
  };
}

export type CostJson = ReturnType<typeof costJson>;
