import { Registration } from "./registrations";

/** A hand-written registration for a negative fixture: outputs default to the inputs, as under preview. */
export function registration(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  extra: { readonly stack?: string; readonly propertyDependencies?: Record<string, readonly string[]>; readonly ignoreChanges?: readonly string[]; readonly outputs?: Record<string, unknown>; readonly provider?: string } = {},
): Registration {
  return {
    type,
    name,
    urn: urnOf(type, name, extra.stack),
    custom: true,
    inputs,
    outputs: extra.outputs ?? inputs,
    dependencies: Object.values(extra.propertyDependencies ?? {}).flat(),
    propertyDependencies: extra.propertyDependencies ?? {},
    ignoreChanges: extra.ignoreChanges ?? [],
    protect: false,
    ...(extra.provider ? { provider: extra.provider } : {}),
  };
}

export function urnOf(type: string, name: string, stack = "dev"): string {
  return `urn:pulumi:${stack}::edge-security::${type}::${name}`;
}
