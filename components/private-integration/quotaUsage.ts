import type { Layout } from "./layoutPlan";
import type { QuotaUsage } from "./privatePlan";
import type { PrivateQuotas } from "./settings";

/** What each quota counts, singular and plural, for messages. */
export const QUOTA_NOUNS: Record<keyof PrivateQuotas, readonly [string, string]> = {
  vpcLinksV1: ["VPC link (v1)", "VPC links (v1)"],
  vpcLinksV2: ["VPC link (v2)", "VPC links (v2)"],
  listenersPerNlb: ["listener", "listeners"],
  nlbsPerAlb: ["NLB in front", "NLBs in front"],
  rulesPerAlb: ["listener rule", "listener rules"],
  restResourcesPerApi: ["resource", "resources"],
  httpRoutesPerApi: ["route", "routes"],
};

export function countOf(quota: keyof PrivateQuotas, n: number): string {
  return `${n} ${QUOTA_NOUNS[quota][n === 1 ? 0 : 1]}`;
}

/** Usage of every quota the layout touches: per region, per NLB, per ALB and per API. */
export function quotaUsage(layout: Layout, quotas: PrivateQuotas): QuotaUsage[] {
  const rows: QuotaUsage[] = [];
  const row = (quota: keyof PrivateQuotas, scope: string, used: number) => rows.push({ quota, scope, used, limit: quotas[quota] });
  const linkQuota = layout.topology === "http-api" || layout.topology === "rest-vpclink-v2" ? "vpcLinksV2" : "vpcLinksV1";
  row(linkQuota, "region", layout.vpcLinks.length);
  for (const nlb of layout.nlbs) row("listenersPerNlb", `NLB "${nlb.key}"`, nlb.listeners.length);
  for (const alb of layout.albs) {
    // An ALB behind NLBs also has the fixed-response rule that answers their health checks.
    row("rulesPerAlb", `ALB "${alb.key}"`, alb.services.length + (alb.nlbs.length > 0 ? 1 : 0));
    if (layout.topology === "rest-nlb-to-alb") row("nlbsPerAlb", `ALB "${alb.key}"`, alb.nlbs.length);
  }
  if (layout.apiKind === "HTTP") row("httpRoutesPerApi", "HTTP API", layout.apiRoutes);
  else row("restResourcesPerApi", "REST API", layout.apiRoutes);
  return rows;
}

/** The highest use of one quota across its scopes (0 when the layout does not touch it). */
export function peakUse(usage: readonly QuotaUsage[], quota: keyof PrivateQuotas): number {
  return usage.reduce((max, u) => (u.quota === quota && u.used > max ? u.used : max), 0);
}
