/**
 * Logs. WAF logs, CloudFront standard logs (v2) and Lambda's logs are vended logs (tiered
 * delivery to CloudWatch Logs, or delivery to S3); API Gateway access logs are standard ingestion. Storage is
 * the steady state: a month's GB kept for the retention period (a group that never expires: after a year),
 * uncompressed, so an upper bound. Health checks too (Route 53).
 */
import { REGIONAL_EDGE_CACHE_REGIONS } from "../monitoring/edgeRegions";
import type { Billables, LogDestination } from "./billables";
import { CostLine, priced } from "./costLine";
import { BYTES_PER_GB, DAYS_PER_MONTH, TrafficModel } from "./trafficModel";

/** Months of storage assumed for a log group without retention. */
export const UNBOUNDED_RETENTION_MONTHS = 12;

export function logLines(billables: Billables, model: TrafficModel): CostLine[] {
  const { traffic } = model;
  const lines: CostLine[] = [];
  const logging = billables.webAcl?.logging;
  if (logging) {
    const gb = (model.requests * (traffic.logSampleShare ?? 1) * traffic.wafLogRecordBytes) / BYTES_PER_GB;
    lines.push(...vended("WAF logs", gb, logging));
  }
  if (billables.accessLogs) lines.push(...vended("CloudFront access logs", (model.requests * traffic.accessLogRecordBytes) / BYTES_PER_GB, billables.accessLogs));
  for (const api of billables.apis) {
    if (!api.accessLog) continue;
    // A WebSocket stage logs each message; the others each request.
    const events = api.kind === "WEBSOCKET" ? model.billedWebSocketMessages / billables.apis.filter((a) => a.kind === "WEBSOCKET").length : model.apiRequests.get(api.name) ?? 0;
    lines.push(...standard(`${api.name}: API access logs`, (events * traffic.apiAccessLogRecordBytes) / BYTES_PER_GB, api.accessLog));
  }
  if (billables.signer) {
    const { retentionDays, note } = signerRetention(billables);
    lines.push(...vended("signer logs (Lambda@Edge)", (model.requests * traffic.signerLogBytesPerRequest) / BYTES_PER_GB, { kind: "cloudwatch", region: "edge", retentionDays }, note));
  }
  lines.push(...healthCheckLines(billables));
  return lines;
}

/**
 * Lambda@Edge writes to /aws/lambda/us-east-1.<function> in the Region of each regional edge cache that runs it,
 * creating the group without retention unless the stack made it first (SignerLogGroups). Where the traffic
 * lands is not known, so the storage is at the longest registered retention, or 12 months' worth when a
 * regional edge cache Region has no registered group.
 */
function signerRetention(billables: Billables): { retentionDays: number | null; note: string } {
  const groups = billables.signerLogGroups;
  if (groups.length === 0) return { retentionDays: null, note: `no signer log groups registered (Lambda@Edge creates them without retention): ${UNBOUNDED_RETENTION_MONTHS} months' worth` };
  const missing = REGIONAL_EDGE_CACHE_REGIONS.filter((region) => !groups.some((g) => g.region === region));
  if (missing.length > 0) return { retentionDays: null, note: `no signer log group registered in ${missing.join(", ")} (Lambda@Edge creates them without retention): ${UNBOUNDED_RETENTION_MONTHS} months' worth` };
  const days = groups.map((g) => g.retentionDays);
  if (days.includes(null)) return { retentionDays: null, note: `a signer log group without retention: ${UNBOUNDED_RETENTION_MONTHS} months' worth` };
  const longest = Math.max(...(days as number[]));
  const mixed = new Set(days).size > 1;
  return { retentionDays: longest, note: `${longest} days kept (the signer log groups' ${mixed ? "longest " : ""}retention, ${groups.length} Regions)` };
}

/** Vended delivery to the destination, and storage when it is a log group. */
function vended(what: string, gb: number, destination: LogDestination, storageNote?: string): CostLine[] {
  switch (destination.kind) {
    case "cloudwatch":
      return [...priced("vendedLogs", gb, { region: destination.region, item: `${what}: delivered to CloudWatch Logs` }), ...storage(what, gb, destination, storageNote)];
    case "s3":
      return priced("vendedLogsToS3", gb, { region: "us-east-1", item: `${what}: delivered to S3`, note: "S3's own storage not included" });
    case "firehose":
      return priced("vendedLogsToFirehose", gb, { region: "us-east-1", item: `${what}: delivered to Firehose` });
  }
}

/** Ingestion at the standard rate (API Gateway's access logs), and storage. */
function standard(what: string, gb: number, destination: LogDestination): CostLine[] {
  if (destination.kind !== "cloudwatch") return [];
  return [...priced("logIngestion", gb, { region: destination.region, item: `${what}: ingestion` }), ...storage(what, gb, destination)];
}

function storage(what: string, gb: number, destination: Extract<LogDestination, { kind: "cloudwatch" }>, note?: string): CostLine[] {
  const months = destination.retentionDays === null ? UNBOUNDED_RETENTION_MONTHS : destination.retentionDays / DAYS_PER_MONTH;
  const kept = note ?? (destination.retentionDays === null ? `no retention: ${UNBOUNDED_RETENTION_MONTHS} months' worth` : `${destination.retentionDays} days kept`);
  return priced("logStorage", gb * months, { region: destination.region, item: `${what}: storage`, note: kept });
}

/** Alarm-based and calculated checks at the basic rate; endpoint checks at the non-AWS rate plus their options. */
function healthCheckLines(billables: Billables): CostLine[] {
  const endpoint = billables.healthChecks.filter((check) => check.type !== "CLOUDWATCH_METRIC" && check.type !== "CALCULATED");
  const basic = billables.healthChecks.length - endpoint.length;
  const options = endpoint.reduce((sum, check) => sum + [check.type.startsWith("HTTPS"), check.type.endsWith("STR_MATCH"), check.fast].filter(Boolean).length, 0);
  return [
    ...(basic > 0 ? priced("healthCheckBasic", basic, { region: "global" }) : []),
    ...(endpoint.length > 0 ? priced("healthCheckExternal", endpoint.length, { region: "global", note: "CloudFront's domain priced as a non-AWS endpoint (the dearer rate)" }) : []),
    ...(options > 0 ? priced("healthCheckFeatures", options, { region: "global" }) : []),
  ];
}
