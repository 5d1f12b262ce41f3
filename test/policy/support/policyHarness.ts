/**
 * Runs policies the way the policy engine does, on captured registrations: resource policies per resource on
 * its inputs, stack policies once on every resource's outputs with parents and dependencies resolved. Each
 * policy gets its own configuration from `config` (by policy name), as `--policy-pack-config` gives it.
 */
import type { Policies, PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { Registration } from "./registrations";

export interface Violation {
  readonly policy: string;
  readonly urn: string;
  readonly message: string;
}

class NotApplicable extends Error {}

type ResourceClass = { readonly __pulumiType?: string };
const typeOf = (resourceClass: unknown): string | undefined => (resourceClass as ResourceClass).__pulumiType;

const options = (r: Registration) => ({
  protect: r.protect,
  ignoreChanges: [...r.ignoreChanges],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
  ...(r.parent ? { parent: r.parent } : {}),
});

function resourceArgs(r: Registration, config: object): ResourceValidationArgs {
  return {
    type: r.type,
    props: r.inputs,
    urn: r.urn,
    name: r.name,
    opts: options(r),
    stackTags: new Map(),
    isType: (resourceClass) => typeOf(resourceClass) === r.type,
    asType: <T>(resourceClass: unknown) => (typeOf(resourceClass) === r.type ? (r.inputs as T) : undefined),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string) => {
      throw new NotApplicable(reason);
    },
  } as ResourceValidationArgs;
}

/** Every registration as the engine's PolicyResource, parents and dependencies linked by URN. */
export function policyResources(registrations: readonly Registration[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const resources = registrations.map((r) => {
    const resource = {
      type: r.type,
      props: r.outputs,
      urn: r.urn,
      name: r.name,
      opts: options(r),
      dependencies: [] as PolicyResource[],
      propertyDependencies: {} as Record<string, PolicyResource[]>,
      isType: (resourceClass: unknown) => typeOf(resourceClass) === r.type,
      asType: (resourceClass: unknown) => (typeOf(resourceClass) === r.type ? r.outputs : undefined),
    } as unknown as PolicyResource;
    byUrn.set(r.urn, resource);
    return resource;
  });
  registrations.forEach((r, i) => {
    const resource = resources[i];
    const resolve = (urns: readonly string[]) => urns.map((u) => byUrn.get(u)).filter((d): d is PolicyResource => d !== undefined);
    if (r.parent) resource.parent = byUrn.get(r.parent);
    const provider = r.provider === undefined ? undefined : byUrn.get(r.provider);
    if (provider) resource.provider = { type: provider.type, props: provider.props, urn: provider.urn, name: provider.name };
    resource.dependencies.push(...resolve(r.dependencies));
    for (const [key, urns] of Object.entries(r.propertyDependencies)) resource.propertyDependencies[key] = resolve(urns);
  });
  return resources;
}

/** Every violation the policies report on the registrations. */
export async function runPolicies(policies: Policies, registrations: readonly Registration[], config: Readonly<Record<string, object>> = {}): Promise<Violation[]> {
  const violations: Violation[] = [];
  const resources = policyResources(registrations);
  for (const policy of policies) {
    const settings = config[policy.name] ?? {};
    const guard = async (run: () => Promise<void> | void) => {
      try {
        await run();
      } catch (error) {
        if (!(error instanceof NotApplicable)) throw error;
      }
    };
    if ("validateStack" in policy) {
      const args: StackValidationArgs = {
        resources,
        stackTags: new Map(),
        getConfig: <T extends object>() => settings as T,
        notApplicable: (reason?: string) => {
          throw new NotApplicable(reason);
        },
      };
      await guard(() => policy.validateStack(args, (message, urn) => violations.push({ policy: policy.name, urn: urn ?? "", message })));
      continue;
    }
    const validations = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const r of registrations) {
      for (const validate of validations) {
        await guard(() => validate(resourceArgs(r, settings), (message) => violations.push({ policy: policy.name, urn: r.urn, message })));
      }
    }
  }
  return violations;
}
