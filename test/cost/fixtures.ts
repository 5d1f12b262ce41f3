import type { Billables, BillableWebAcl } from "../../components/cost";
import { costSchema, type CostInput, type CostTraffic } from "../../components/cost";

/** A stack with a distribution, the signer and nothing else; `with` adds or replaces parts. */
export function billables(parts: Partial<Billables> = {}): Billables {
  return {
    distribution: { priceClass: "PriceClass_100" },
    signer: { memoryMb: 128 },
    existingWebAcl: false,
    shield: { protectsDistribution: false, automaticResponse: false, subscriptionCreated: false },
    apis: [{ name: "api", kind: "HTTP", region: "us-east-1", private: false }],
    alarms: [],
    dashboards: 0,
    signerLogGroups: [],
    logMetricFilters: [],
    canaries: [],
    additionalMetrics: 0,
    healthChecks: [],
    loadBalancers: [],
    vpcLinks: [],
    interfaceEndpoints: [],
    gatewayEndpoints: 0,
    ...parts,
  };
}

export function webAcl(parts: Partial<BillableWebAcl> = {}): BillableWebAcl {
  return { rules: 4, wcu: 931, unknownWcuGroups: [], antiDdos: false, fraudControl: [], bodyInspectionLimitKb: 16, ...parts };
}

export function traffic(input: CostInput = {}): CostTraffic {
  return costSchema.parse(input);
}
