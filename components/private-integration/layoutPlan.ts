import { oneOf } from "../shared/validation";
import type {
  NlbListenerTarget, PlannedAlb, PlannedNlb, PlannedNlbListener, PlannedService, PlannedVpcLink, PlanProblem, PrivatePlan, ServiceRoute,
} from "./privatePlan";
import { restResourceTree } from "./restResourceTree";
import {
  ALB_LISTENER_PORT, PRIVATE_TOPOLOGIES, PrivateIntegrationSettings, PrivateServiceSettings, PrivateTopology, ServiceTarget,
} from "./settings";

/** The plan before quotas are checked: what each topology builds for these services. */
export type Layout = Omit<PrivatePlan, "usage">;

/** Target kinds each topology can reach: only HTTP APIs integrate with existing listeners and Cloud Map. */
const TARGET_KINDS: Record<PrivateTopology, readonly ServiceTarget["kind"][]> = {
  "http-api": ["targetGroup", "listener", "cloudMap"],
  "rest-nlb-per-service": ["targetGroup"],
  "rest-shared-nlb": ["targetGroup"],
  "rest-nlb-to-alb": ["targetGroup"],
  "rest-vpclink-v2": ["targetGroup"],
};

/** Optional service fields and the topologies that read them; elsewhere they are mistakes. */
const FIELD_TOPOLOGIES: Record<"nlb" | "alb" | "listenerPort", readonly PrivateTopology[]> = {
  nlb: ["rest-shared-nlb", "rest-nlb-to-alb"],
  alb: ["http-api", "rest-nlb-to-alb", "rest-vpclink-v2"],
  listenerPort: ["rest-nlb-per-service", "rest-shared-nlb", "rest-nlb-to-alb"],
};

const TARGET_FIELD: Record<ServiceTarget["kind"], string> = {
  targetGroup: "targetType",
  listener: "listenerArn",
  cloudMap: "cloudMapServiceArn",
};

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
  const label = (i: number) => `services[${i}] (${JSON.stringify(settings.services[i].name)})`;

  /** Returns the NLB, or undefined (and a problem) when it already lives in another VPC. */
  const useNlb = (key: string, s: PrivateServiceSettings, i: number): NlbDraft | undefined => {
    const nlb = nlbs.get(key) ?? { vpc: s.vpc, owner: i, listeners: new Map() };
    nlbs.set(key, nlb);
    if (nlb.vpc === s.vpc) return nlb;
    problems.push({ field: `services[${i}].nlb`, value: key, allowed: `NLB "${key}" is in VPC "${nlb.vpc}" (${label(nlb.owner)}); an NLB lives in one VPC` });
    return undefined;
  };
  const useAlb = (key: string, s: PrivateServiceSettings, i: number): AlbDraft | undefined => {
    const alb = albs.get(key) ?? { vpc: s.vpc, owner: i, services: [], nlbs: [] };
    albs.set(key, alb);
    if (alb.vpc === s.vpc) return alb;
    problems.push({ field: `services[${i}].alb`, value: key, allowed: `ALB "${key}" is in VPC "${alb.vpc}" (${label(alb.owner)}); an ALB lives in one VPC` });
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
    problems.push({
      field: `services[${i}].${s.listenerPort === undefined ? "port" : "listenerPort"}`,
      value: port,
      allowed: `port ${port} is already a listener of NLB "${nlbKey}" (${label(taken.owner)}); set a distinct listenerPort, 1-65535`,
    });
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
    if (!fitsTopology(s, i, topology, problems)) return;
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
          problems.push({ field: `services[${i}].listenerPort`, value: port, allowed: `ALB "${albKey}" is behind NLB port ${alb.port} (${label(alb.owner)}); services on one ALB share its listenerPort` });
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
        if (s.target.kind !== "targetGroup") {
          const route: ServiceRoute = s.target.kind === "listener"
            ? { via: "listener", listenerArn: s.target.listenerArn }
            : { via: "cloudMap", serviceArn: s.target.serviceArn };
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

/**
 * Whether API Gateway itself opens the TLS connection to the service, so it needs `tlsHostname` to
 * verify the certificate: through an NLB, whose TCP listener passes the TLS through, and to an
 * existing listener or Cloud Map instance (http-api). Behind a created ALB, API Gateway speaks HTTP
 * to the ALB's port-80 listener and the ALB speaks `protocol` to the targets.
 */
export function apiSpeaksTls(s: Pick<PrivateServiceSettings, "protocol" | "target">, topology: PrivateTopology): boolean {
  if (s.protocol !== "HTTPS") return false;
  return topology === "rest-nlb-per-service" || topology === "rest-shared-nlb" || (topology === "http-api" && s.target.kind !== "targetGroup");
}

/** The name API Gateway verifies the service's certificate against, or undefined where it speaks no TLS to it. */
export function tlsHostnameOf(s: PrivateServiceSettings, topology: PrivateTopology): string | undefined {
  if (!apiSpeaksTls(s, topology)) return undefined;
  if (s.tlsHostname === undefined) throw new Error(`private integration internal error: service "${s.name}" has protocol HTTPS in ${topology} and no tlsHostname; the planner rejects that`);
  return s.tlsHostname;
}

/** Why the integration's own host cannot stand in for `tlsHostname`. */
function whyTlsHostname(topology: PrivateTopology): string {
  return topology === "http-api"
    ? "an HTTP API integration names a listener or Cloud Map service, not a host, so API Gateway verifies the certificate against tlsHostname"
    : "API Gateway verifies the certificate against the integration URI's host, and no public CA certifies the NLB's *.elb.amazonaws.com name";
}

/** Records why a service cannot be built by this topology; true when it can. */
function fitsTopology(s: PrivateServiceSettings, i: number, topology: PrivateTopology, problems: PlanProblem[]): boolean {
  let fits = true;
  if (!TARGET_KINDS[topology].includes(s.target.kind)) {
    const field = TARGET_FIELD[s.target.kind];
    const value = s.target.kind === "listener" ? s.target.listenerArn : s.target.kind === "cloudMap" ? s.target.serviceArn : s.target.targetType;
    const supporting = PRIVATE_TOPOLOGIES.filter((t) => TARGET_KINDS[t].includes(s.target.kind));
    problems.push({ field: `services[${i}].${field}`, value, allowed: `topology ${topology} cannot reach it; supported by topology ${oneOf(supporting).replace("allowed: ", "")}; ${topology} needs targetType "ip" or "instance"` });
    fits = false;
  }
  for (const field of ["nlb", "alb", "listenerPort"] as const) {
    if (s[field] === undefined) continue;
    if (!FIELD_TOPOLOGIES[field].includes(topology)) {
      problems.push({ field: `services[${i}].${field}`, value: s[field], allowed: `used only by topology ${oneOf(FIELD_TOPOLOGIES[field]).replace("allowed: ", "")}; remove it for ${topology}` });
      fits = false;
    } else if (field === "alb" && s.target.kind !== "targetGroup") {
      problems.push({ field: `services[${i}].alb`, value: s.alb, allowed: "only services with a targetType sit on a created ALB; remove it" });
      fits = false;
    }
  }
  if (apiSpeaksTls(s, topology) && s.tlsHostname === undefined) {
    problems.push({
      field: `services[${i}].protocol`, value: s.protocol,
      allowed: `HTTPS in ${topology} needs services[${i}].tlsHostname: ${whyTlsHostname(topology)}; set tlsHostname to a DNS name the service's certificate covers (e.g. "payments.internal.example.com"), or use protocol "HTTP"`,
    });
    fits = false;
  } else if (!apiSpeaksTls(s, topology) && s.tlsHostname !== undefined) {
    problems.push({
      field: `services[${i}].tlsHostname`, value: s.tlsHostname,
      allowed: "used only where API Gateway itself speaks TLS to the service (protocol \"HTTPS\" in rest-nlb-per-service or rest-shared-nlb, or in http-api with listenerArn or cloudMapServiceArn); " +
        `${s.protocol === "HTTPS" ? `here API Gateway speaks HTTP to the ALB, which speaks HTTPS to the targets; ` : ""}remove it for ${topology}`,
    });
    fits = false;
  }
  return fits;
}
