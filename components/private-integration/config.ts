import { isAwsRegion } from "../shared/region";
import { checkKnownKeys, isPlainObject, oneOf, Problems } from "../shared/validation";
import { PATH_ALLOWED, PATH_PATTERN } from "./configRules";
import { parseServices } from "./parseServices";
import { parseVpcs } from "./parseVpcs";
import { planPrivateIntegration } from "./planPrivateIntegration";
import { DEFAULT_QUOTAS, PRIVATE_TOPOLOGIES, PrivateIntegrationSettings, PrivateQuotas, PrivateTopology } from "./settings";

const KEYS = ["topology", "region", "pathPrefix", "stageName", "vpcs", "services", "quotas"];
const QUOTA_KEYS = Object.keys(DEFAULT_QUOTAS) as (keyof PrivateQuotas)[];

/**
 * Parses the `privateIntegration` config section (absent = off) into settings with every default
 * applied. Records every problem, including the planner's quota failures, into `problems`; returns
 * settings only when there is none. `defaultRegion` is the stack's region.
 */
export function parsePrivateIntegrationConfig(
  raw: unknown,
  problems: Problems,
  field = "privateIntegration",
  defaultRegion?: string,
): PrivateIntegrationSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) {
    problems.add(field, raw, "allowed: an object { topology, vpcs, services, ... }");
    return undefined;
  }
  const before = problems.all.length;
  checkKnownKeys(problems, field, raw, KEYS);
  const topology = raw.topology;
  const topologyOk = problems.check(PRIVATE_TOPOLOGIES.includes(topology as PrivateTopology), `${field}.topology`, topology, oneOf(PRIVATE_TOPOLOGIES));
  const region = raw.region ?? defaultRegion;
  const regionOk = problems.check(isAwsRegion(region), `${field}.region`, region, "allowed: an AWS region such as \"eu-west-1\" (default: the stack's region)");
  const pathPrefix = raw.pathPrefix ?? "/services";
  problems.check(typeof pathPrefix === "string" && PATH_PATTERN.test(pathPrefix), `${field}.pathPrefix`, pathPrefix, PATH_ALLOWED);
  const stageName = raw.stageName ?? "live";
  problems.check(typeof stageName === "string" && /^[A-Za-z0-9_-]{1,128}$/.test(stageName), `${field}.stageName`, stageName, "allowed: 1-128 letters, digits, '-' or '_'");
  const { vpcs, declared } = parseVpcs(raw.vpcs, problems, `${field}.vpcs`, regionOk ? (region as string) : undefined);
  const { services, indexes } = parseServices(raw.services, problems, `${field}.services`, declared, regionOk ? (region as string) : undefined);
  const quotas = parseQuotas(raw.quotas, problems, `${field}.quotas`);

  const settings: PrivateIntegrationSettings = {
    topology: topology as PrivateTopology, region: region as string, pathPrefix: pathPrefix as string, stageName: stageName as string,
    vpcs, services, quotas: quotas ?? DEFAULT_QUOTAS,
  };
  // Plan the well-formed services too, so topology and quota problems show up in the same error.
  if (topologyOk && quotas && services.length > 0) {
    const configIndex = (text: string) => text.replace(/services\[(\d+)\]/g, (_, k: string) => `${field}.services[${indexes[Number(k)]}]`);
    for (const p of planPrivateIntegration(settings).problems) {
      problems.add(p.field.startsWith("services[") ? configIndex(p.field) : `${field}.${p.field}`, p.value, configIndex(p.allowed));
    }
  }
  return problems.all.length === before ? settings : undefined;
}

/** Quota overrides for limits AWS has raised for the account; each a positive integer. */
function parseQuotas(raw: unknown, problems: Problems, field: string): PrivateQuotas | undefined {
  if (raw === undefined) return DEFAULT_QUOTAS;
  if (!isPlainObject(raw)) {
    problems.add(field, raw, `allowed: an object with any of ${QUOTA_KEYS.join(", ")}`);
    return undefined;
  }
  const before = problems.all.length;
  checkKnownKeys(problems, field, raw, QUOTA_KEYS);
  const quotas = { ...DEFAULT_QUOTAS };
  for (const key of QUOTA_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (problems.check(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100_000, `${field}.${key}`, value, "allowed: an integer from 1 to 100000")) {
      quotas[key] = value as number;
    }
  }
  return problems.all.length === before ? quotas : undefined;
}
