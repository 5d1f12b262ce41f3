import * as pulumi from "@pulumi/pulumi";
import { centralDrift } from "./centralDrift";
import { GovernanceStackOutputs, readGovernanceStack } from "./governanceStackOutputs";
import { GovernanceSettings } from "./schema";

/** The edge stack's `governance.central` disagrees with the governance stack it names: every difference. */
export class GovernanceDriftError extends Error {
  constructor(readonly governanceStack: string, readonly drift: readonly string[]) {
    super(
      `governance.central differs from the governance stack ${governanceStack} (${drift.length} ${drift.length === 1 ? "difference" : "differences"}); ` +
        `copy what its plan prints (npm run plan:governance), or centralPolicyFor(its outputs):\n${drift.map((d) => `  ${d}`).join("\n")}`,
    );
    this.name = "GovernanceDriftError";
  }
}

/**
 * Under hybrid or centralized with `central.stack`, reads that governance stack through a StackReference at
 * deploy time (preview included) and compares it with `central` (`centralDrift`): the Output resolves to its
 * outputs when they agree and rejects with a GovernanceDriftError naming every difference otherwise, so that
 * whatever depends on it fails. Undefined without `central.stack` (the copied values are taken as they are).
 */
export function governanceStackCheck(name: string, settings: GovernanceSettings, opts?: pulumi.CustomResourceOptions): pulumi.Output<GovernanceStackOutputs> | undefined {
  const central = settings.central;
  const stack = central?.stack;
  if (settings.model === "distributed" || central === undefined || stack === undefined) return undefined;
  const outputs = readGovernanceStack(new pulumi.StackReference(name, { name: stack }, opts));
  return pulumi.output(outputs).apply((values) => {
    const exported = values as GovernanceStackOutputs;
    const drift = centralDrift(settings.model, central, exported);
    if (drift.length > 0) throw new GovernanceDriftError(stack, drift);
    return exported;
  });
}
