/**
 * What the figure rests on and what it leaves out, in plain sentences printed beside the total.
 */
import { AUTOMATIC_RESPONSE_WCU } from "../shield/settings";
import type { Billables } from "./billables";
import type { CostLine } from "./costLine";
import { canaryRunsPerMonth } from "./monitoringLines";
import { wcuSteps } from "./wafLines";
import { HOURS_PER_MONTH, TrafficModel } from "./trafficModel";

const n = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
const percent = (share: number) => `${n(share * 100)}%`;
/** Regions whose lines carry their own (non-regional) pricing. */
const NOT_REGIONAL = new Set(["us-east-1", "edge", "global"]);

export function assumptions(billables: Billables, model: TrafficModel, lines: readonly CostLine[]): string[] {
  const t = model.traffic;
  const out = [
    `Traffic: ${n(t.requestsPerMonth)} requests a month (${n(t.requestsPerMonth / (HOURS_PER_MONTH * 3600))} a second on average), responses of ${n(t.averageResponseKb)} KB, ${percent(t.writeShare)} with a ${n(t.averageRequestKb)} KB body: ${n(model.toInternetGb)} GB to viewers, ${n(model.toOriginGb)} GB to the origins.`,
    "Every request is allowed and reaches its API; requests WAF blocks never reach the signer or the API, and CloudFront does not bill them.",
    `Viewers are in the United States or Europe (CloudFront's rates there)${billables.distribution && billables.distribution.priceClass !== "PriceClass_100" ? `; ${billables.distribution.priceClass} also serves dearer regions at their own rates` : ""}. ${t.cloudFrontFreeTier ? "CloudFront's always-free 10,000,000 requests and 1 TB a month go to this stack." : "CloudFront's always-free allowance is used elsewhere in the account."}`,
    `A month is ${HOURS_PER_MONTH} hours; a GB is 2^30 bytes and a TB 1,024 GB; a KB in the config is 1,024 bytes. Each line walks its price's tiers on its own, as if it were the account's only usage.`,
  ];
  if (billables.apis.some((api) => api.kind === "WEBSOCKET")) {
    out.push(`WebSocket: ${n(t.webSocketMessagesPerMonth)} messages of ${n(t.averageWebSocketMessageKb)} KB (half to clients, half to the API) and ${n(t.webSocketConnectionMinutesPerMonth)} connection minutes a month, split evenly over the WebSocket APIs.`);
  }
  if (billables.apis.length > 0) {
    out.push(`Requests per API: ${billables.apis.map((api) => `${api.name} ${percent((model.apiRequests.get(api.name) ?? 0) / Math.max(1, model.requests))}`).join(", ")}${t.requestShares ? " (cost.requestShares)" : " (equal shares for the APIs that take HTTP requests)"}.`);
  }
  if (billables.signer) {
    out.push(`Signer: ${model.billedSignerMs} ms billed per request at ${billables.signer.memoryMb} MB. Lambda@Edge bills duration in 1 ms increments, rounded up (AWS What's New, 2021-03-31); npm run bench measures about 0.04 ms of CPU per GET here, and even with the fraction of a vCPU Lambda gives small functions a GET stays within 1 ms. Hashing large bodies can take longer; cold-start initialisation is not counted.`);
  }
  const acl = billables.webAcl;
  if (acl) {
    const wcu = acl.wcu + (billables.shield.automaticResponse ? AUTOMATIC_RESPONSE_WCU : 0);
    out.push(`Web ACL: ${acl.rules} rules, ${wcu} WCU${billables.shield.automaticResponse ? ` (${AUTOMATIC_RESPONSE_WCU} of them Shield's automatic-response group)` : ""}: ${wcuSteps(wcu)} paid step(s) above 1,500.${acl.unknownWcuGroups.length > 0 ? ` WCU of ${acl.unknownWcuGroups.join(", ")} unknown here and left out, so the WCU surcharge may be higher.` : ""}`);
    if (acl.logging) out.push(`WAF log: ${percent(t.logSampleShare ?? 1)} of requests at ${n(t.wafLogRecordBytes)} bytes each${acl.logging.filtered && t.logSampleShare === undefined ? "; the log's filter keeps only blocked and counted requests, so this is an upper bound (set cost.logSampleShare)" : ""}.`);
  }
  if (lines.some((line) => line.service === "CloudWatch Logs")) out.push("Log storage is a month's logs kept for the retention period, uncompressed (an upper bound); groups without retention show 12 months' worth.");
  out.push(...monitoringAssumptions(billables));
  if (billables.loadBalancers.length > 0) out.push(`Load balancers: capacity units from bytes alone (${n(model.privateGb)} GB a month through the private integration); connection counts or rule evaluations can raise them.`);
  if (billables.gatewayEndpoints > 0) out.push(`${billables.gatewayEndpoints} S3 gateway endpoint(s): no charge.`);
  const regional = [...new Set(lines.filter((line) => !NOT_REGIONAL.has(line.region)).flatMap((line) => line.region.split(", ")))].sort();
  out.push(
    `Prices are us-east-1 list prices read ${lines[0]?.read ?? "(no lines)"}. CloudFront and Lambda@Edge are priced by viewer location, WAF the same in every region, Shield and Route 53 globally.` +
      (regional.length > 0 ? ` Usage in ${regional.join(", ")} is priced at us-east-1 rates too; AWS prices those regions differently and no factor is applied.` : ""),
  );
  const unpriced = lines.filter((line) => line.monthlyUsd === null);
  if (unpriced.length > 0) out.push(`Not priced (no figure confirmed here), so not in the total: ${unpriced.map((line) => line.item).join("; ")}.`);
  if (billables.shield.protectsDistribution && !t.includeShieldSubscription) out.push("Shield Advanced's subscription is left out (cost.includeShieldSubscription: false).");
  return out;
}

/** What the alarm and canary lines rest on. */
function monitoringAssumptions(billables: Billables): string[] {
  const out: string[] = [];
  const alarms = billables.alarms;
  if (alarms.length > 0) {
    const math = alarms.filter((a) => a.kind === "math").length;
    const anomaly = alarms.filter((a) => a.kind === "anomaly").length;
    const several = [math > 0 ? `${math} metric-math` : "", anomaly > 0 ? `${anomaly} anomaly-detection` : ""].filter(Boolean).join(" and ");
    out.push(`Alarms: ${alarms.length} in ${new Set(alarms.map((a) => a.region)).size} Region(s), each priced as one standard-resolution alarm in its own Region${several ? `; AWS bills alarms per alarm metric, so the ${several} alarm(s) may bill as several` : ""}.`);
  }
  for (const canary of billables.canaries) {
    const runs = canaryRunsPerMonth(canary.schedule);
    out.push(runs === null
      ? `Canary ${canary.name}: its schedule ${canary.schedule || "(none)"} is not a rate expression; its runs are not counted.`
      : runs === 0
      ? `Canary ${canary.name}: ${canary.schedule} runs once when started; no runs a month are counted.`
      : `Canary ${canary.name}: ${canary.schedule} is ${n(runs)} runs a month; each is also a Lambda invocation, billed by Lambda for its duration (unpriced here: the canary's Duration metric gives it).`);
  }
  return out;
}

export function exclusions(billables: Billables): string[] {
  const existing = billables.apis.filter((api) => api.kind === "EXISTING").map((api) => api.name);
  return [
    "Data transfer from the APIs and load balancers back to CloudFront: free for AWS origins (CloudFront pricing: \"free for origin fetches from any AWS origin\").",
    "Taxes.",
    "AWS Support plans (Business or Enterprise Support is needed for the Shield Response Team and proactive engagement).",
    "Savings Plans, private pricing, reserved capacity and CloudFront's flat-rate plans.",
    "Free tiers other than CloudFront's always-free allowance (API Gateway's first-year free tier, Lambda, CloudWatch's free logs, alarms and custom metrics, Synthetics' 100 canary runs, Bot Control's free requests).",
    "Your backends: the pet store demo functions, services behind the load balancers, their compute and logs.",
    ...(existing.length > 0 ? [`API Gateway fees of the APIs the stack only fronts (${existing.join(", ")}): their owners' bill.`] : []),
    ...(billables.existingWebAcl ? ["The fees of the existing web ACL the distribution uses: its owner's bill."] : []),
    ...billables.canaries.map((c) => `Canary ${c.name}: its artifacts in S3${c.artifactDays !== undefined ? ` (kept ${c.artifactDays} days by the bucket's lifecycle rule)` : ""}, its Lambda's logs and the metrics it publishes: S3 and CloudWatch fees not priced here.`),
    "Detailed (method-level) metrics of REST stages (metricsEnabled): CloudWatch may bill them as custom metrics.",
    "CloudWatch Logs Insights queries, S3 storage of delivered logs, SNS notifications, Route 53 hosted zones and DNS queries, ACM certificates.",
    "Attack traffic and Shield Advanced's cost protection credits.",
    "Traffic inside the VPCs (cross-AZ), NAT, ECR image storage.",
  ];
}
