export { costSchema, DEFAULT_TRAFFIC, type CostInput, type CostTraffic } from "./costConfig";
export type {
  Billables, BillableAlarm, BillableApi, BillableApiKind, BillableCanary, BillableHealthCheck, BillableMetricFilter, BillableSignerLogGroup, BillableWebAcl, LogDestination,
} from "./billables";
export { describeBillables } from "./describeBillables";
export type { RecordedResourceLike } from "./recordedInputs";
export { estimateCost, type CostEstimate } from "./estimateCost";
export type { CostLine } from "./costLine";
export { formatCost, costJson, type CostJson } from "./formatCost";
export { canaryRunsPerMonth } from "./monitoringLines";
export { ADDITIONAL_METRICS_PER_DISTRIBUTION, PRICES, PRICES_READ, type Price, type PriceId, type Tier } from "./priceTable";
export { wcuSteps, BASE_WCU, WCU_STEP } from "./wafLines";
