/**
 * The monitoring's own fees: alarms per Region, dashboards, the custom metrics log metric filters publish,
 * CloudFront's additional metrics, and each Synthetics canary's runs (from its schedule) with its Lambda executions.
 */
import type { Billables, BillableCanary } from "./billables";
import { CostLine, priced } from "./costLine";
import { HOURS_PER_MONTH } from "./trafficModel";

const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;

export function monitoringLines(billables: Billables): CostLine[] {
  const lines: CostLine[] = [];
  for (const region of regionsOf(billables.alarms)) {
    lines.push(...priced("alarm", billables.alarms.filter((a) => a.region === region).length, { region }));
  }
  if (billables.dashboards > 0) lines.push(...priced("dashboard", billables.dashboards, { region: "us-east-1" }));
  for (const region of regionsOf(billables.logMetricFilters)) {
    const filters = billables.logMetricFilters.filter((f) => f.region === region);
    const metrics = new Set(filters.map((f) => `${f.namespace}/${f.metric}`));
    const dimensioned = filters.some((f) => f.dimensioned);
    lines.push(...priced("customMetric", metrics.size, {
      region,
      item: "custom metrics from log metric filters",
      note: `${filters.length} filter${filters.length === 1 ? "" : "s"} on access logs, each publishing one metric whenever its log has events${dimensioned ? "; filters with dimensions publish one more per distinct value, so this is a floor" : ""}`,
    }));
  }
  if (billables.additionalMetrics > 0) {
    lines.push(...priced("cloudFrontAdditionalMetrics", billables.additionalMetrics, { region: "us-east-1", note: "a fixed monthly rate per metric, whatever the traffic" }));
  }
  for (const canary of billables.canaries) {
    const runs = canaryRunsPerMonth(canary.schedule);
    if (runs === null || runs === 0) continue;
    const note = `${canary.schedule}: ${runs.toLocaleString("en-US", { maximumFractionDigits: 2 })} runs in ${HOURS_PER_MONTH} h`;
    lines.push(...priced("canaryRun", runs, { region: canary.region, item: `canary ${canary.name}: runs`, note }));
    lines.push(...priced("canaryLambda", runs, { region: canary.region, item: `canary ${canary.name}: Lambda executions`, note }));
  }
  return lines;
}

/**
 * Runs a month from a Synthetics rate expression (`rate(<n> minute|minutes|hour|hours)`); `rate(0 ...)` runs once
 * when started, so none a month. null: a cron expression, or anything else, not counted here.
 */
export function canaryRunsPerMonth(schedule: BillableCanary["schedule"]): number | null {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours)\)$/.exec(schedule.trim());
  if (!rate) return null;
  const minutes = Number(rate[1]) * (rate[2].startsWith("hour") ? 60 : 1);
  return minutes === 0 ? 0 : MINUTES_PER_MONTH / minutes;
}

function regionsOf(items: readonly { readonly region: string }[]): string[] {
  return [...new Set(items.map((item) => item.region))].sort();
}
