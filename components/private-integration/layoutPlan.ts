import type {
  NlbListenerTarget, PlannedAlb, PlannedNlb, PlannedNlbListener, PlannedService, PlannedVpcLink, PlanProblem, PrivatePlan, ServiceRoute,
} from "./privatePlan";
import { restResourceTree } from "./restResourceTree";
import { ALB_LISTENER_PORT, PrivateIntegrationSettings, PrivateServiceSettings, serviceTarget } from "./settings";
import { fitsTopology, planProblem } from "./topologyFit";

/** The plan before quotas are checked: what each topology builds for these services. */
export type Layout = Omit<PrivatePlan, "usage">;

interface NlbDraft { readonly vpc: string; readonly owner: number; readonly listeners: Map<number, PlannedNlbListener & { owner: number }> }
interface AlbDraft { readonly vpc: string; readonly owner: number; readonly services: string[]; readonly nlbs: string[]; port?: number }

/** Lays the services out on VPC links, NLBs and ALBs for the chosen topology; pure and linear. */
export function layoutPlan(settings: PrivateIntegrationSettings): Layout {
  const { topology } = settings;
  const problems: PlanProblem[] = [];
  const nlbs = new Map<string, NlbDraft>();
  const albs = new Map<string, AlbDraft>();
  const links = new Map<string, PlannedVpcLink & { services: string[] }>();
  const services: PlannedService[] = [];
  const label = (i: number) => `service ${JSON.stringify(settings.services[i].name)}`;
  const problem = (i: number, key: string, value: unknown, allowed: string) => problems.push(planProblem(settings, ["services", i, key], value, allowed));

  /** Returns the NLB, or undefined (and a problem) when it already lives in another VPC. */
  const useNlb = (key: string, s: PrivateServiceSettings, i: number): NlbDraft | undefined => {
    const nlb = nlbs.get(key) ?? { vpc: s.vpc, owner: i, listeners: new Map() };
    nlbs.set(key, nlb);
    if (nlb.vpc === s.vpc) return nlb;
    problem(i, "nlb", key, `NLB "${key}" is in VPC "${nlb.vpc}" (${label(nlb.owner)}); an NLB lives in one VPC`);
    return undefined;
  };
  const useAlb = (key: string, s: PrivateServiceSettings, i: number): AlbDraft | undefined => {
    const alb = albs.get(key) ?? { vpc: s.vpc, owner: i, services: [], nlbs: [] };
    albs.set(key, alb);
    if (alb.vpc === s.vpc) return alb;
    problem(i, "alb", key, `ALB "${key}" is in VPC "${alb.vpc}" (${label(alb.owner)}); an ALB lives in one VPC`);
    return undefined;
  };
  /** Adds a listener unless its port is taken on that NLB by another target. */
  const listen = (nlbKey: string, nlb: NlbDraft, port: number, target: NlbListenerTarget, s: PrivateServiceSettings, i: number): boolean => {
    const taken = nlb.listeners.get(port);
    if (!taken) {
      nlb.listeners.set(port, { port, target, owner: i });
      return true;
    }
    if (JSON.stringify(taken.target) === JSON.stringify(target)) return true;
    problem(i, s.listenerPort === undefined ? "port" : "listenerPort", port,
      `port ${port} is already a listener of NLB "${nlbKey}" (${label(taken.owner)}); set a distinct listenerPort, 1-65535`);
    return false;
  };
  /** A v1 link to NLB `nlb` (keyed by it), or with no NLB the v2 link of the service's VPC. */
  const link = (key: string, s: PrivateServiceSettings, nlb?: string): string => {
    const entry = links.get(key) ?? (nlb === undefined ? { key, version: "v2", vpc: s.vpc, services: [] } : { key, version: "v1", vpc: s.vpc, nlb, services: [] });
    entry.services.push(s.name);
    links.set(key, entry);
    return key;
  };

  settings.services.forEach((s, i) => {
    if (!fitsTopology(settings, i, problems)) return;
    const done = (vpcLink: string, route: ServiceRoute, rulePriority?: number) =>
      services.push({ name: s.name, routePath: s.pathPrefix, vpc: s.vpc, vpcLink, route, ...(rulePriority === undefined ? {} : { rulePriority }) });
    switch (topology) {
      case "rest-nlb-per-service":
      case "rest-shared-nlb": {
        const key = topology === "rest-shared-nlb" ? s.nlb ?? s.vpc : s.name;
        const port = s.listenerPort ?? s.port;
        const nlb = useNlb(key, s, i);
        if (nlb && listen(key, nlb, port, { kind: "service", service: s.name }, s, i)) done(link(key, s, key), { via: "nlb", nlb: key, port });
        return;
      }
      case "rest-nlb-to-alb": {
        const albKey = s.alb ?? s.vpc;
        const nlbKey = s.nlb ?? s.vpc;
        const port = s.listenerPort ?? ALB_LISTENER_PORT;
        const nlb = useNlb(nlbKey, s, i);
        const alb = useAlb(albKey, s, i);
        if (!nlb || !alb) return;
        if (alb.port !== undefined && alb.port !== port) {
          problem(i, "listenerPort", port, `ALB "${albKey}" is behind NLB port ${alb.port} (${label(alb.owner)}); services on one ALB share its listenerPort`);
          return;
        }
        alb.port = port;
        if (!listen(nlbKey, nlb, port, { kind: "alb", alb: albKey }, s, i)) return;
        if (!alb.nlbs.includes(nlbKey)) alb.nlbs.push(nlbKey);
        alb.services.push(s.name);
        done(link(nlbKey, s, nlbKey), { via: "nlb-alb", nlb: nlbKey, alb: albKey, port }, alb.services.length);
        return;
      }
      case "http-api":
      case "rest-vpclink-v2": {
        const target = serviceTarget(s);
        if (target.kind !== "targetGroup") {
          const route: ServiceRoute = target.kind === "listener"
            ? { via: "listener", listenerArn: target.listenerArn }
            : { via: "cloudMap", serviceArn: target.serviceArn };
          done(link(s.vpc, s), route);
          return;
        }
        const key = s.alb ?? s.vpc;
        const alb = useAlb(key, s, i);
        if (!alb) return;
        alb.services.push(s.name);
        done(link(s.vpc, s), { via: "alb", alb: key }, alb.services.length);
        return;
      }
    }
  });

  const apiKind = topology === "http-api" ? "HTTP" : "REST";
  return {
    topology,
    apiKind,
    vpcLinks: [...links.values()],
    nlbs: [...nlbs].map(([key, n]): PlannedNlb => ({ key, vpc: n.vpc, listeners: [...n.listeners.values()].map(({ port, target }) => ({ port, target })) })),
    albs: [...albs].map(([key, a]): PlannedAlb => ({ key, vpc: a.vpc, services: a.services, nlbs: a.nlbs })),
    services,
    apiRoutes: apiKind === "HTTP" ? 2 * settings.services.length : restResourceTree(settings.services.map((s) => s.pathPrefix)).length,
    problems,
  };
}
