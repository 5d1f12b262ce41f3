import { parseArn } from "../shared/arn";
import { checkKnownKeys, isPlainObject, oneOf, Problems } from "../shared/validation";
import { DNS_NAME_ALLOWED, DNS_NAME_PATTERN, isPort, NAME_ALLOWED, NAME_PATTERN, PATH_ALLOWED, PATH_PATTERN, PORT_ALLOWED } from "./configRules";
import type { PrivateServiceSettings, ServiceProtocol, ServiceTarget, TargetType } from "./settings";

const SERVICE_KEYS = [
  "name", "pathPrefix", "vpc", "port", "protocol", "tlsHostname", "targetType", "listenerArn", "cloudMapServiceArn", "nlb", "alb", "listenerPort", "healthCheckPath",
];
const PROTOCOLS: readonly ServiceProtocol[] = ["HTTP", "HTTPS"];
const TARGET_TYPES: readonly TargetType[] = ["ip", "instance"];
const LISTENER_RESOURCE = /^listener\/(app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+$/;
const CLOUD_MAP_RESOURCE = /^service\/srv-[a-z0-9]+$/;

export interface ParsedServices {
  /** The services without problems, in config order. */
  readonly services: PrivateServiceSettings[];
  /** `indexes[k]` is the config index of `services[k]`. */
  readonly indexes: number[];
}

/** Parses `services`; names and path prefixes are unique and prefixes never nest. */
export function parseServices(raw: unknown, problems: Problems, field: string, vpcs: ReadonlySet<string>, region: string | undefined): ParsedServices {
  const parsed: ParsedServices = { services: [], indexes: [] };
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(field, raw, "allowed: a non-empty list of services, each { name, pathPrefix, vpc, port, ... }");
    return parsed;
  }
  const names = new Map<string, number>();
  const paths = new Map<string, number>();
  raw.forEach((item: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isPlainObject(item)) return problems.add(at, item, "allowed: an object { name, pathPrefix, vpc, port, ... }");
    const before = problems.all.length;
    checkKnownKeys(problems, at, item, SERVICE_KEYS);
    const { name, pathPrefix, vpc, port } = item;
    if (problems.check(typeof name === "string" && NAME_PATTERN.test(name), `${at}.name`, name, NAME_ALLOWED)) {
      unique(names, name as string, i, problems, `${at}.name`, field, "service names are unique");
    }
    if (problems.check(typeof pathPrefix === "string" && PATH_PATTERN.test(pathPrefix), `${at}.pathPrefix`, pathPrefix, PATH_ALLOWED)) {
      unique(paths, pathPrefix as string, i, problems, `${at}.pathPrefix`, field, "path prefixes are unique");
    }
    problems.check(typeof vpc === "string" && vpcs.has(vpc), `${at}.vpc`, vpc, `not a declared VPC; ${vpcs.size ? oneOf([...vpcs]) : "declare it under vpcs"}`);
    problems.check(isPort(port), `${at}.port`, port, PORT_ALLOWED);
    const protocol = item.protocol ?? "HTTP";
    problems.check(PROTOCOLS.includes(protocol as ServiceProtocol), `${at}.protocol`, protocol, oneOf(PROTOCOLS));
    const { tlsHostname } = item;
    if (tlsHostname !== undefined) problems.check(typeof tlsHostname === "string" && DNS_NAME_PATTERN.test(tlsHostname), `${at}.tlsHostname`, tlsHostname, DNS_NAME_ALLOWED);
    const target = parseTarget(item, problems, at, region);
    for (const key of ["nlb", "alb"]) {
      if (item[key] !== undefined) problems.check(typeof item[key] === "string" && NAME_PATTERN.test(item[key] as string), `${at}.${key}`, item[key], NAME_ALLOWED);
    }
    if (item.listenerPort !== undefined) problems.check(isPort(item.listenerPort), `${at}.listenerPort`, item.listenerPort, PORT_ALLOWED);
    const healthCheckPath = item.healthCheckPath ?? "/";
    problems.check(typeof healthCheckPath === "string" && /^\/[\x21-\x7e]{0,1023}$/.test(healthCheckPath), `${at}.healthCheckPath`, healthCheckPath, "allowed: a path starting with \"/\", printable ASCII");
    if (problems.all.length > before || !target) return;
    parsed.indexes.push(i);
    parsed.services.push({
      name: name as string, pathPrefix: pathPrefix as string, vpc: vpc as string, port: port as number, protocol: protocol as ServiceProtocol,
      ...(tlsHostname === undefined ? {} : { tlsHostname: tlsHostname as string }),
      target,
      ...(item.nlb === undefined ? {} : { nlb: item.nlb as string }),
      ...(item.alb === undefined ? {} : { alb: item.alb as string }),
      ...(item.listenerPort === undefined ? {} : { listenerPort: item.listenerPort as number }),
      healthCheckPath: healthCheckPath as string,
    });
  });
  checkNesting(paths, problems, field);
  return parsed;
}

function unique(seen: Map<string, number>, value: string, i: number, problems: Problems, at: string, field: string, rule: string): void {
  const first = seen.get(value);
  if (first === undefined) seen.set(value, i);
  else problems.add(at, value, `already used by ${field}[${first}]; ${rule}`);
}

/** An ALB path rule for `/orders/*` would also catch `/orders/admin`, so prefixes may not nest. */
function checkNesting(paths: ReadonlyMap<string, number>, problems: Problems, field: string): void {
  for (const [path, i] of paths) {
    const segments = path.split("/");
    for (let n = 2; n < segments.length; n++) {
      const outer = paths.get(segments.slice(0, n).join("/"));
      if (outer !== undefined) problems.add(`${field}[${i}].pathPrefix`, path, `nested under ${field}[${outer}].pathPrefix; path prefixes must not nest`);
    }
  }
}

/** Exactly one of targetType (default "ip"), listenerArn or cloudMapServiceArn. */
function parseTarget(item: Record<string, unknown>, problems: Problems, at: string, region: string | undefined): ServiceTarget | undefined {
  const given = ["targetType", "listenerArn", "cloudMapServiceArn"].filter((k) => item[k] !== undefined);
  if (given.length > 1) {
    for (const key of given.slice(1)) problems.add(`${at}.${key}`, item[key], `give only one of targetType, listenerArn or cloudMapServiceArn (${given[0]} is set)`);
    return undefined;
  }
  if (item.listenerArn !== undefined) {
    const arn = parseArn(item.listenerArn);
    const ok = arn?.service === "elasticloadbalancing" && LISTENER_RESOURCE.test(arn.resource) && (region === undefined || arn.region === region);
    problems.check(ok, `${at}.listenerArn`, item.listenerArn, `allowed: an ALB or NLB listener ARN in ${region ?? "the integration's region"}`);
    return ok ? { kind: "listener", listenerArn: item.listenerArn as string } : undefined;
  }
  if (item.cloudMapServiceArn !== undefined) {
    const arn = parseArn(item.cloudMapServiceArn);
    const ok = arn?.service === "servicediscovery" && CLOUD_MAP_RESOURCE.test(arn.resource) && (region === undefined || arn.region === region);
    problems.check(ok, `${at}.cloudMapServiceArn`, item.cloudMapServiceArn, `allowed: a Cloud Map service ARN (…:service/srv-…) in ${region ?? "the integration's region"}`);
    return ok ? { kind: "cloudMap", serviceArn: item.cloudMapServiceArn as string } : undefined;
  }
  const targetType = item.targetType ?? "ip";
  if (!problems.check(TARGET_TYPES.includes(targetType as TargetType), `${at}.targetType`, targetType, oneOf(TARGET_TYPES))) return undefined;
  return { kind: "targetGroup", targetType: targetType as TargetType };
}
