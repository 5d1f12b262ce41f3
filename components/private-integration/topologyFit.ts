/** What each topology can build for one service, and the problem when it cannot. */
import { fieldName } from "../shared/schema/problems";
import { oneOf } from "../shared/validation";
import type { PlanProblem } from "./privatePlan";
import { PRIVATE_TOPOLOGIES, PrivateIntegrationSettings, PrivateServiceSettings, PrivateTopology, ServiceTarget, serviceTarget } from "./settings";

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

/**
 * Whether API Gateway itself opens the TLS connection to the service, so it needs `tlsHostname` to
 * verify the certificate: through an NLB, whose TCP listener passes the TLS through, and to an
 * existing listener or Cloud Map instance (http-api). Behind a created ALB, API Gateway speaks HTTP
 * to the ALB's port-80 listener and the ALB speaks `protocol` to the targets.
 */
export function apiSpeaksTls(s: PrivateServiceSettings, topology: PrivateTopology): boolean {
  if (s.protocol !== "HTTPS") return false;
  return topology === "rest-nlb-per-service" || topology === "rest-shared-nlb" || (topology === "http-api" && serviceTarget(s).kind !== "targetGroup");
}

/** A plan problem at `path` in the settings, named the way the config names it (services by name). */
export function planProblem(settings: PrivateIntegrationSettings, path: readonly (string | number)[], value: unknown, allowed: string): PlanProblem {
  return { path, field: fieldName(settings, path), value, allowed };
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
export function fitsTopology(settings: PrivateIntegrationSettings, i: number, problems: PlanProblem[]): boolean {
  const { topology } = settings;
  const s = settings.services[i];
  const target = serviceTarget(s);
  const problem = (key: string, value: unknown, allowed: string) => problems.push(planProblem(settings, ["services", i, key], value, allowed));
  let fits = true;
  if (!TARGET_KINDS[topology].includes(target.kind)) {
    const value = target.kind === "listener" ? target.listenerArn : target.kind === "cloudMap" ? target.serviceArn : target.targetType;
    const supporting = PRIVATE_TOPOLOGIES.filter((t) => TARGET_KINDS[t].includes(target.kind));
    problem(TARGET_FIELD[target.kind], value, `topology ${topology} cannot reach it; supported by topology ${oneOf(supporting).replace("allowed: ", "")}; ${topology} needs targetType "ip" or "instance"`);
    fits = false;
  }
  for (const field of ["nlb", "alb", "listenerPort"] as const) {
    if (s[field] === undefined) continue;
    if (!FIELD_TOPOLOGIES[field].includes(topology)) {
      problem(field, s[field], `used only by topology ${oneOf(FIELD_TOPOLOGIES[field]).replace("allowed: ", "")}; remove it for ${topology}`);
      fits = false;
    } else if (field === "alb" && target.kind !== "targetGroup") {
      problem("alb", s.alb, "only services with a targetType sit on a created ALB; remove it");
      fits = false;
    }
  }
  if (apiSpeaksTls(s, topology) && s.tlsHostname === undefined) {
    problem("protocol", s.protocol,
      `HTTPS in ${topology} needs a tlsHostname: ${whyTlsHostname(topology)}; set tlsHostname to a DNS name the service's certificate covers (e.g. "payments.internal.example.com"), or use protocol "HTTP"`);
    fits = false;
  } else if (!apiSpeaksTls(s, topology) && s.tlsHostname !== undefined) {
    problem("tlsHostname", s.tlsHostname,
      "used only where API Gateway itself speaks TLS to the service (protocol \"HTTPS\" in rest-nlb-per-service or rest-shared-nlb, or in http-api with listenerArn or cloudMapServiceArn); " +
        `${s.protocol === "HTTPS" ? `here API Gateway speaks HTTP to the ALB, which speaks HTTPS to the targets; ` : ""}remove it for ${topology}`);
    fits = false;
  }
  return fits;
}
