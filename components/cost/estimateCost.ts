import { apiLines } from "./apiLines";
import { assumptions, exclusions } from "./assumptions";
import type { Billables } from "./billables";
import { DEFAULT_TRAFFIC, type CostTraffic } from "./costConfig";
import { CostLine, totalOf } from "./costLine";
import { edgeLines } from "./edgeLines";
import { logLines } from "./logLines";
import { monitoringLines } from "./monitoringLines";
import { networkLines } from "./networkLines";
import { PRICES_READ } from "./priceTable";
import { trafficModel } from "./trafficModel";
import { shieldLines, wafLines } from "./wafLines";

export interface CostEstimate {
  readonly currency: "USD";
  /** When the price table was read. */
  readonly pricesRead: string;
  /** The priced lines' sum; unpriced lines (monthlyUsd null) are not in it. */
  readonly totalUsd: number;
  readonly lines: readonly CostLine[];
  readonly assumptions: readonly string[];
  readonly excluded: readonly string[];
}

/**
 * The monthly list-price estimate of a stack: pure, from its billable things and the traffic assumed.
 * A `requestShares` name that is not one of the stack's APIs is a ConfigError.
 */
export function estimateCost(billables: Billables, traffic: CostTraffic = DEFAULT_TRAFFIC): CostEstimate {
  const model = trafficModel(billables, traffic);
  const lines = [
    ...edgeLines(billables, model),
    ...wafLines(billables, model),
    ...shieldLines(billables, model),
    ...apiLines(billables, model),
    ...networkLines(billables, model),
    ...logLines(billables, model),
    ...monitoringLines(billables),
  ];
  return {
    currency: "USD",
    pricesRead: PRICES_READ,
    totalUsd: totalOf(lines),
    lines,
    assumptions: assumptions(billables, model, lines),
    excluded: exclusions(billables),
  };
}
