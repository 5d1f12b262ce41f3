/** The lines the offline plan prints for the monitoring section. Pure. */
import { EDGE_REGION } from "../shared/region";
import { filtersFor } from "./accessLogFilters";
import { rateExpression } from "./edgeCanary";
import type { MonitoredApi } from "./monitoredApis";
import type { MonitoringSettings } from "./monitoringConfig";

export function describeMonitoringPlan(settings: MonitoringSettings, apis: readonly Pick<MonitoredApi, "name" | "kind" | "region" | "accessLogGroupName">[], options: { readonly shieldTopic: boolean; readonly webAcl: boolean; readonly shieldWatches5xx?: boolean }): string[] {
  if (!settings.enabled) return ["monitoring: off (monitoring.enabled false)"];
  const lines: string[] = [];
  const logged = apis.filter((a) => a.accessLogGroupName !== undefined);
  const unlogged = apis.filter((a) => a.accessLogGroupName === undefined).map((a) => a.name);
  if (settings.alarms.enabled) {
    const edge = ["Lambda@Edge errors", options.shieldWatches5xx ? "5xx rate (Shield's alarm)" : "5xx rate", ...(options.webAcl ? ["WAF blocked anomaly"] : []), ...(settings.canary.enabled ? ["canary"] : [])];
    lines.push(`monitoring: alarms in ${EDGE_REGION}: ${edge.join(", ")}${options.shieldTopic ? " (on Shield's topic)" : ""}`);
    const byRegion = new Map<string, string[]>();
    for (const api of logged) byRegion.set(api.region, [...(byRegion.get(api.region) ?? []), `${api.name} (${filtersFor(api.kind).filter((f) => f.alarm).map((f) => f.metric).join(", ")})`]);
    for (const [region, names] of [...byRegion].sort()) lines.push(`monitoring: signer-403 alarms in ${region}: ${names.join("; ")}`);
    lines.push(`monitoring: ${settings.notifications.emails.length} email recipient(s), subscribed in every Region with alarms`);
  } else {
    lines.push("monitoring: alarms off");
  }
  if (unlogged.length > 0) lines.push(`monitoring: no access-log group known for ${unlogged.join(", ")}: no signer-403 filters (set monitoring.apis.<name>.accessLogGroupName)`);
  lines.push(`monitoring: dashboard ${settings.dashboard ? `in ${EDGE_REGION}` : "off"}; additional CloudFront metrics ${settings.additionalMetrics ? "on (billed)" : "off"}`);
  lines.push(`monitoring: signer log groups in ${settings.signerLogs.regions.length} Regions, ${settings.signerLogs.retentionDays} days`);
  lines.push(settings.canary.enabled
    ? `monitoring: canary ${settings.canary.runtimeVersion} in ${EDGE_REGION}, ${rateExpression(settings.canary.rateMinutes)}, ${apis.length} API(s) through the edge and directly`
    : "monitoring: canary off");
  if (settings.rateLimitProbe.enabled) lines.push(`monitoring: rate-limit probe rule on header ${settings.rateLimitProbe.headerName} (10 per 60 s)`);
  return lines;
}
