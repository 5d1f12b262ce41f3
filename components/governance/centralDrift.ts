import { centralManagedGroups, GovernanceStackOutputs } from "./governanceStackOutputs";
import { CentralPolicy } from "./schema";
import { GovernanceModel } from "./models";

/**
 * Where the edge stack's copy of the central policy (`governance.central`) differs from what the governance
 * stack exports, one line per field; empty when they agree. The deploy compares them (through
 * `governance.central.stack`), since the plan cannot read another stack.
 */
export function centralDrift(model: GovernanceModel, central: CentralPolicy, outputs: GovernanceStackOutputs): string[] {
  const drift: string[] = [];
  const differ = (field: string, configured: unknown, exported: unknown, output: string) => {
    if (JSON.stringify(configured) !== JSON.stringify(exported)) {
      drift.push(`governance.${field} is ${JSON.stringify(configured)} but the governance stack's ${output} is ${JSON.stringify(exported)}`);
    }
  };
  differ("model", model, outputs.model, "model");
  differ("central.wcu", central.wcu, outputs.centralWcu, "centralWcu");
  differ("central.managedRuleGroups", [...central.managedRuleGroups].sort(), centralManagedGroups(outputs).sort(), "managed first and last rule groups");
  differ("central.scopeTag", central.scopeTag, { key: outputs.scopeTag.key, value: outputs.scopeTag.value }, "scopeTag");
  differ("central.shieldAutomaticResponse", central.shieldAutomaticResponse, outputs.shieldAutomaticResponse, "shieldAutomaticResponse");
  return drift;
}

/** The `governance` section an edge stack writes for a governance stack's outputs (what to paste into its stack file). */
export function centralPolicyFor(outputs: GovernanceStackOutputs, stack?: string): CentralPolicy {
  return {
    ...(stack ? { stack } : {}),
    wcu: outputs.centralWcu,
    managedRuleGroups: centralManagedGroups(outputs),
    scopeTag: { key: outputs.scopeTag.key, value: outputs.scopeTag.value },
    shieldAutomaticResponse: outputs.shieldAutomaticResponse,
  };
}
