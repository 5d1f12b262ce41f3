/**
 * `edge-security:privateIntegration` as one schema, for the stack file and for PrivateMicroservices' callers
 * alike: fields, defaults, the checks between them and the planner's topology and quota problems. Checks
 * that need several fields run only once those fields are valid, so one mistake gives one problem.
 */
import { z } from "zod";
import { logRetentionDaysField, regionField, throttleSchema } from "../config/apis";
import { parseArn } from "../shared/arn";
import { choice, intIn, strictObject, text, whenValid } from "../shared/schema/fields";
import { didYouMean } from "../shared/schema/suggest";
import { oneOf } from "../shared/validation";
import { PATH_ALLOWED, PATH_PATTERN } from "./configRules";
import { planPrivateIntegration } from "./planPrivateIntegration";
import { servicesSchema } from "./serviceSchema";
import { DEFAULT_QUOTAS, PRIVATE_TOPOLOGIES } from "./settings";
import { vpcsSchema } from "./vpcSchema";

const QUOTA_ALLOWED = "allowed: a whole number from 1 to 100000 (the account's quota, once AWS has raised it)";
const quota = (key: keyof typeof DEFAULT_QUOTAS) => intIn(1, 100_000, QUOTA_ALLOWED).default(DEFAULT_QUOTAS[key]);

/** Quotas the planner checks, each AWS's default unless raised for the account (settings.ts DEFAULT_QUOTAS). */
const quotasSchema = strictObject({
  vpcLinksV1: quota("vpcLinksV1"),
  vpcLinksV2: quota("vpcLinksV2"),
  listenersPerNlb: quota("listenersPerNlb"),
  nlbsPerAlb: quota("nlbsPerAlb"),
  rulesPerAlb: quota("rulesPerAlb"),
  restResourcesPerApi: quota("restResourcesPerApi"),
  httpRoutesPerApi: quota("httpRoutesPerApi"),
});

/** The API's stage: access-log retention and throttling, with the fields and defaults of a created API (config/apis.ts). */
const apiStageSchema = strictObject({
  logRetentionDays: logRetentionDaysField,
  throttle: throttleSchema.prefault({}),
});

/** The section's fields, each with its default; what a caller may pass is `z.input` of it. */
export const privateIntegrationFields = strictObject({
  /** One of the five topologies (README, "The five topologies"). */
  topology: choice(PRIVATE_TOPOLOGIES),
  /** The one region of the API, VPC links, load balancers and VPCs. @default the stack's region */
  region: regionField.optional(),
  /** CloudFront path prefix in front of the API (the signer strips it). */
  pathPrefix: text(PATH_PATTERN, PATH_ALLOWED).default("/services"),
  /** REST API stage name (HTTP APIs use `$default`). */
  stageName: text(/^[A-Za-z0-9_-]{1,128}$/, "allowed: 1-128 letters, digits, '-' or '_'").default("live"),
  vpcs: vpcsSchema,
  services: servicesSchema,
  quotas: quotasSchema.default(DEFAULT_QUOTAS),
  /** The API stage's access logs and throttling. */
  api: apiStageSchema.prefault({}),
});
type Fields = z.output<typeof privateIntegrationFields>;

/** The settings the planner and the component read: the fields with the region and the AZs it implies filled in. */
export function toSettings(s: Fields, region: string) {
  return {
    topology: s.topology,
    region,
    pathPrefix: s.pathPrefix,
    stageName: s.stageName,
    vpcs: s.vpcs.map((vpc) => (vpc.vpcId !== undefined ? vpc : { ...vpc, availabilityZones: vpc.availabilityZones ?? [`${region}a`, `${region}b`] })),
    services: s.services,
    quotas: s.quotas,
    api: s.api,
  };
}

interface SectionIssue {
  readonly path: readonly (string | number)[];
  readonly input: unknown;
  readonly message: string;
}

/** Where things are: the region, each service's VPC, the AZs of created VPCs and the region of existing targets. */
function placementIssues(s: Fields, region: string | undefined): SectionIssue[] {
  if (region === undefined) return [{ path: ["region"], input: undefined, message: 'required: the integration\'s region, such as "eu-west-1" (no default region was given)' }];
  const issues: SectionIssue[] = [];
  const declared = s.vpcs.map((v) => v.name);
  s.vpcs.forEach((vpc, i) => {
    const zones = vpc.availabilityZones;
    if (zones && !zones.every((zone) => zone.length === region.length + 1 && zone.startsWith(region) && /[a-z]$/.test(zone))) {
      issues.push({ path: ["vpcs", i, "availabilityZones"], input: zones, message: `allowed: 2 to 16 distinct AZs of ${region}, e.g. ["${region}a", "${region}b"]` });
    }
  });
  s.services.forEach((service, i) => {
    if (!declared.includes(service.vpc)) {
      issues.push({ path: ["services", i, "vpc"], input: service.vpc, message: `not a declared VPC; ${oneOf(declared)}${didYouMean(service.vpc, declared)}` });
    }
    const arn = "listenerArn" in service ? service.listenerArn : "cloudMapServiceArn" in service ? service.cloudMapServiceArn : undefined;
    if (arn !== undefined && parseArn(arn)?.region !== region) {
      const key = "listenerArn" in service ? "listenerArn" : "cloudMapServiceArn";
      const what = key === "listenerArn" ? "an ALB or NLB listener ARN" : "a Cloud Map service ARN (…:service/srv-…)";
      issues.push({ path: ["services", i, key], input: arn, message: `allowed: ${what} in ${region}, the integration's region` });
    }
  });
  return issues;
}

function noRegion(): never {
  throw new Error("private integration internal error: settings without a region (placementIssues requires one)");
}

/**
 * The section's schema; `defaultRegion` is the stack's region (undefined: the section names its own). The
 * planner runs on the settings, so a topology or quota problem is reported with the rest.
 */
export function privateIntegrationSchema(defaultRegion?: string) {
  return privateIntegrationFields
    .superRefine((s, ctx) => {
      for (const issue of placementIssues(s, s.region ?? defaultRegion)) ctx.addIssue({ code: "custom", ...issue, path: [...issue.path] });
    }, whenValid())
    .transform((s) => toSettings(s, s.region ?? defaultRegion ?? noRegion()))
    .superRefine((settings, ctx) => {
      for (const p of planPrivateIntegration(settings).problems) ctx.addIssue({ code: "custom", path: [...p.path], input: p.value, message: p.allowed });
    });
}
