import { layoutPlan } from "./layoutPlan";
import { apiSpeaksTls, planProblem } from "./topologyFit";
import type { PlanProblem, PrivatePlan, QuotaUsage } from "./privatePlan";
import { countOf, peakUse, quotaUsage } from "./quotaUsage";
import { PRIVATE_TOPOLOGIES, PrivateIntegrationSettings, PrivateQuotas } from "./settings";

/**
 * Plans VPC links, NLBs, listeners and ALBs for the chosen topology and checks them against the
 * quotas, before anything is created. A quota problem names the limit and a topology that fits.
 */
export function planPrivateIntegration(settings: PrivateIntegrationSettings): PrivatePlan {
  const layout = layoutPlan(settings);
  const usage = quotaUsage(layout, settings.quotas);
  const over = usage.filter((u) => u.used > u.limit);
  if (over.length === 0) return { ...layout, usage };
  const alternatives = fittingAlternatives(settings);
  const quotaProblems = over.map((u): PlanProblem => planProblem(settings, ["quotas", u.quota], u.used,
    `${u.scope === "region" ? `${settings.services.length} services` : u.scope} need${u.scope === "region" ? "" : "s"} ` +
      `${countOf(u.quota, u.used)} with ${settings.topology}, quota is ${u.limit}; ${advice(u.quota, alternatives)}`));
  return { ...layout, usage, problems: [...layout.problems, ...quotaProblems] };
}

interface Alternative {
  readonly topology: string;
  readonly usage: readonly QuotaUsage[];
}

/** Other topologies that build these services, with default packing, within every quota. */
function fittingAlternatives(settings: PrivateIntegrationSettings): Alternative[] {
  const packed = settings.services.map(({ nlb: _nlb, alb: _alb, listenerPort: _port, ...rest }) => rest);
  const fits: Alternative[] = [];
  // Same API kind first: moving between REST topologies keeps the API and its clients unchanged.
  const isRest = (t: string) => t.startsWith("rest-");
  const ordered = [...PRIVATE_TOPOLOGIES].sort((a, b) => Number(isRest(b) === isRest(settings.topology)) - Number(isRest(a) === isRest(settings.topology)));
  for (const topology of ordered) {
    if (topology === settings.topology) continue;
    // tlsHostname stays where the alternative reads it and goes where it would be unused.
    const services = packed.map(({ tlsHostname, ...rest }) => (tlsHostname !== undefined && apiSpeaksTls(rest, topology) ? { ...rest, tlsHostname } : rest));
    const layout = layoutPlan({ ...settings, topology, services });
    if (layout.problems.length > 0) continue;
    const usage = quotaUsage(layout, settings.quotas);
    if (usage.every((u) => u.used <= u.limit)) fits.push({ topology, usage });
  }
  return fits;
}

function advice(quota: keyof PrivateQuotas, alternatives: readonly Alternative[]): string {
  if (quota === "nlbsPerAlb") return "give the services of one ALB fewer distinct nlb values";
  const first = alternatives[0];
  if (!first) return `no other topology fits; spread the services over more NLBs or ALBs, or raise quotas.${quota} once AWS has raised it`;
  if (quota === "vpcLinksV1" || quota === "vpcLinksV2") {
    const links = first.usage.find((u) => u.quota === "vpcLinksV1" || u.quota === "vpcLinksV2");
    return `${first.topology} needs ${links ? countOf(links.quota, links.used) : "none"}`;
  }
  return `${first.topology} needs ${countOf(quota, peakUse(first.usage, quota))}`;
}
