import type { PrivatePlan, QuotaUsage } from "./privatePlan";
import { QUOTA_NOUNS } from "./quotaUsage";

/** The lines `npm run plan` prints: what will be built and how close each quota is. */
export function describePrivatePlan(plan: PrivatePlan): string[] {
  const vpcs = new Set(plan.services.map((s) => s.vpc)).size;
  const listeners = plan.nlbs.reduce((n, nlb) => n + nlb.listeners.length, 0);
  const lines = [
    `private integration: ${plan.topology} (${plan.apiKind} API), ${plan.services.length} services in ${vpcs} VPC${vpcs === 1 ? "" : "s"}`,
    `  VPC links: ${plan.vpcLinks.length}${listSome(plan.vpcLinks.map((l) => `${l.key} (${l.version}, ${l.services.length} service${l.services.length === 1 ? "" : "s"})`))}`,
    `  NLBs: ${plan.nlbs.length} with ${listeners} listeners; ALBs: ${plan.albs.length}; ${plan.apiKind === "HTTP" ? "routes" : "resources"}: ${plan.apiRoutes}`,
    "  quotas (peak use of limit):",
    ...peaks(plan.usage).map((u) => `    ${QUOTA_NOUNS[u.quota][1]}: ${u.used} of ${u.limit} (${u.scope})${u.used > u.limit ? "  EXCEEDED" : ""}`),
  ];
  if (plan.problems.length > 0) {
    lines.push(`  ${plan.problems.length} problem${plan.problems.length === 1 ? "" : "s"}:`);
    for (const p of plan.problems) lines.push(`    ${p.field}: ${p.allowed}`);
  }
  return lines;
}

/** One row per quota: the scope that uses it most. */
function peaks(usage: readonly QuotaUsage[]): QuotaUsage[] {
  const top = new Map<string, QuotaUsage>();
  for (const u of usage) {
    const seen = top.get(u.quota);
    if (!seen || u.used > seen.used) top.set(u.quota, u);
  }
  return [...top.values()];
}

/** At most five items, so a plan of 200 services stays readable. */
function listSome(items: readonly string[]): string {
  if (items.length === 0) return "";
  const more = items.length > 5 ? `, +${items.length - 5} more` : "";
  return `: ${items.slice(0, 5).join(", ")}${more}`;
}
