/**
 * One line of the estimate and the one way lines are made from the price table: a quantity walked through
 * the price's tiers, one line per tier it reaches, so that every line is `quantity / per * unit price`.
 */
import { Price, PRICES, PriceId } from "./priceTable";

export interface CostLine {
  readonly service: string;
  readonly item: string;
  /** Where the usage is: an AWS region, `edge` (priced by viewer location) or `global`. */
  readonly region: string;
  readonly quantity: number;
  readonly unit: string;
  /** USD per `per` units; null: a fee no source here gave a figure for. */
  readonly unitPriceUsd: number | null;
  readonly per: number;
  /** null when unpriced (left out of the total); 0 when free or covered. */
  readonly monthlyUsd: number | null;
  /** Covered by another subscription (Shield Advanced): listed at its price, charged 0. */
  readonly waived: boolean;
  readonly source: string;
  readonly read: string;
  readonly basis: string;
  readonly note: string | null;
}

export interface LineOptions {
  readonly region: string;
  /** Replaces the price's item text (e.g. to name the API). */
  readonly item?: string;
  readonly note?: string;
  /** Use the price's always-free allowance first. @default true */
  readonly freeTier?: boolean;
}

/**
 * The lines of `quantity` units at price `id`: the always-free part (when the price has one and it applies),
 * then one line per tier the rest reaches; at least one line.
 */
export function priced(id: PriceId, quantity: number, options: LineOptions): CostLine[] {
  const price: Price = PRICES[id];
  const line = (label: string | undefined, amount: number, usd: number | null): CostLine => ({
    service: price.service,
    item: `${options.item ?? price.item}${label ? `, ${label}` : ""}`,
    region: options.region,
    quantity: amount,
    unit: price.unit,
    unitPriceUsd: usd,
    per: price.per,
    monthlyUsd: usd === null ? null : (amount / price.per) * usd,
    waived: false,
    source: price.source,
    read: price.read,
    basis: price.basis,
    note: options.note ?? null,
  });
  const free = price.free && options.freeTier !== false ? Math.min(quantity, price.free.quantity) : 0;
  const lines: CostLine[] = price.free && options.freeTier !== false ? [line(price.free.label, free, 0)] : [];
  const rest = quantity - free;
  let below = 0;
  for (const tier of price.tiers) {
    const top = tier.upTo ?? Infinity;
    const inTier = Math.max(0, Math.min(rest, top) - below);
    if (inTier > 0 || lines.length === 0) lines.push(line(price.tiers.length > 1 ? tier.label : undefined, inTier, tier.usd));
    below = top;
    if (rest <= top) break;
  }
  return lines;
}

/** The same lines, charged nothing because `by` covers them. */
export function waived(lines: readonly CostLine[], by: string): CostLine[] {
  return lines.map((line) => ({ ...line, monthlyUsd: 0, waived: true, note: by }));
}

/** The sum of the priced lines. */
export function totalOf(lines: readonly CostLine[]): number {
  return lines.reduce((sum, line) => sum + (line.monthlyUsd ?? 0), 0);
}
