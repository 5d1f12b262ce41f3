/**
 * One way to write this pack's policies: a zod schema for the policy's configuration (with the common
 * `exemptions`), parsed with the project's error texts, and exemptions applied before the check runs.
 */
import type { PolicyConfigSchema, PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { listOf, strictObject, text } from "../components/shared/schema/fields";
import { parseWith } from "../components/shared/schema/parse";

/** `{ resource, reason }`: the resource (its name or URN) the policy skips, and why, for the reviewer. */
export const exemptionSchema = strictObject({
  resource: text(/^\S[\s\S]{0,1023}$/, "allowed: the resource's name or URN"),
  reason: text(/^\S[\s\S]{9,499}$/, "allowed: why the resource is exempt, 10-500 characters"),
});
export type Exemption = z.output<typeof exemptionSchema>;

/** Each policy's configuration: its own keys plus `exemptions`. */
export function configShape<Shape extends z.ZodRawShape>(shape: Shape) {
  return strictObject({ ...shape, exemptions: listOf(exemptionSchema).default([]) });
}
type PolicyConfig = z.ZodType<{ readonly exemptions: readonly Exemption[] }>;

/**
 * The JSON schema the engine validates the pack's configuration with, from the same zod schema, without its
 * `pattern`s: the engine's validator is Go, whose regular expressions lack JavaScript's lookahead and some
 * classes; the zod schema checks them, with the project's texts, when the policy runs.
 */
function engineSchema(schema: z.ZodType): PolicyConfigSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: PolicyConfigSchema["properties"] };
  return { properties: withoutPatterns(json.properties ?? {}) };
}

function withoutPatterns<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPatterns) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "pattern").map(([key, v]) => [key, withoutPatterns(v)])) as T;
}

function readConfig<S extends PolicyConfig>(schema: S, policy: string, raw: object): z.output<S> {
  return parseWith(schema, raw, `policy ${policy}: invalid configuration`);
}

/** Whether the configuration exempts a resource, by its name or URN. */
export function isExempt(exemptions: readonly Exemption[], resource: { readonly name: string; readonly urn: string }): boolean {
  return exemptions.some((e) => e.resource === resource.name || e.resource === resource.urn);
}

interface Definition<S extends PolicyConfig> extends Omit<ResourceValidationPolicy, "validateResource" | "configSchema"> {
  readonly config: S;
}

/** A policy run per resource on its inputs; `check` sees only resources the configuration does not exempt. */
export function resourcePolicy<S extends PolicyConfig>(
  definition: Definition<S> & { readonly check: (args: ResourceValidationArgs, config: z.output<S>, report: ReportViolation) => void },
): ResourceValidationPolicy {
  const { config, check, ...policy } = definition;
  return {
    ...policy,
    configSchema: engineSchema(config),
    validateResource: (args, report) => {
      const settings = readConfig(config, policy.name, args.getConfig());
      if (isExempt(settings.exemptions, args)) return;
      check(args, settings, report);
    },
  };
}

/** A policy run once on the whole stack (outputs and dependencies); exempt resources are left out of `resources`. */
export function stackPolicy<S extends PolicyConfig>(
  definition: Definition<S> & { readonly check: (resources: readonly PolicyResource[], config: z.output<S>, report: ReportViolation, args: StackValidationArgs) => void },
): StackValidationPolicy {
  const { config, check, ...policy } = definition;
  return {
    ...policy,
    configSchema: engineSchema(config),
    validateStack: (args, report) => {
      const settings = readConfig(config, policy.name, args.getConfig());
      check(args.resources.filter((r) => !isExempt(settings.exemptions, r)), settings, report, args);
    },
  };
}

/** The stack a resource belongs to, from its URN (`urn:pulumi:<stack>::<project>::...`). */
export function stackOf(urn: string): string {
  return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/** The resources of a type among those a property of `resource` depends on. */
export function dependenciesOf(resource: PolicyResource, property: string, type: string): PolicyResource[] {
  return (resource.propertyDependencies[property] ?? []).filter((d) => d.type === type);
}
