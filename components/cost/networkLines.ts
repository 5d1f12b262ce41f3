/**
 * The private integration's network: load balancers by the hour and by capacity unit, VPC links, and the
 * interface VPC endpoints of the VPCs the stack creates (per AZ-hour and per GB; the S3 gateway endpoint is free).
 * Capacity units are counted from bytes alone (1 GB processed in an hour is one unit); connection counts or
 * ALB rule evaluations can make a unit's hour dearer than that.
 */
import type { Billables } from "./billables";
import { CostLine, priced } from "./costLine";
import { HOURS_PER_MONTH, TrafficModel } from "./trafficModel";

export function networkLines(billables: Billables, model: TrafficModel): CostLine[] {
  const lines: CostLine[] = [];
  for (const type of ["network", "application"] as const) {
    const balancers = billables.loadBalancers.filter((lb) => lb.type === type);
    for (const region of regionsOf(balancers)) {
      const here = balancers.filter((lb) => lb.region === region).length;
      // Every private request passes each tier of balancers once: its NLB, then (nlb-to-alb) its ALB.
      const unitHours = (model.privateGb * here) / balancers.length;
      lines.push(...priced(type === "network" ? "nlbHours" : "albHours", here * HOURS_PER_MONTH, { region, note: `${here} load balancer${here === 1 ? "" : "s"} x ${HOURS_PER_MONTH} h` }));
      lines.push(...priced(type === "network" ? "nlcu" : "lcu", unitHours, { region }));
    }
  }
  for (const version of [1, 2] as const) {
    const links = billables.vpcLinks.filter((link) => link.version === version);
    for (const region of regionsOf(links)) {
      lines.push(...priced("vpcLink", links.filter((link) => link.region === region).length, { region, item: `VPC links (v${version})` }));
    }
  }
  for (const region of regionsOf(billables.interfaceEndpoints)) {
    const endpoints = billables.interfaceEndpoints.filter((e) => e.region === region);
    const azs = endpoints.reduce((sum, e) => sum + e.azs, 0);
    lines.push(...priced("endpointHours", azs * HOURS_PER_MONTH, { region, note: `${endpoints.length} endpoints in ${azs} AZ placements (${endpoints.map((e) => e.service).join(", ")})` }));
  }
  if (billables.interfaceEndpoints.length > 0) {
    lines.push(...priced("endpointData", model.traffic.vpcEndpointGbPerMonth, { region: regionsOf(billables.interfaceEndpoints).join(", ") }));
  }
  return lines;
}

function regionsOf(items: readonly { readonly region: string }[]): string[] {
  return [...new Set(items.map((item) => item.region))].sort();
}
