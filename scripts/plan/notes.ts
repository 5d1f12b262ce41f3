import { namespaceConfig, parseStackConfig } from "../../components/config/stackConfig";
import { describePrivatePlan, planPrivateIntegration } from "../../components/private-integration";
import { describeShieldPlan } from "../../components/shield";
import { describeSignerPlan } from "../../components/signer/describeSignerPlan";
import { describeWafPlan } from "../../components/waf";

/** What the plan says beyond the resource list: the WAF capacity budget, the Shield choices, the VPC-link packing, signer-only API policies. */
export function planNotes(config: Readonly<Record<string, string>>): string[] {
  const stack = parseStackConfig(namespaceConfig(config), config["aws:region"]);
  const privatePlan = stack.privateIntegration ? ["", ...describePrivatePlan(planPrivateIntegration(stack.privateIntegration))] : [];
  const signerPlan = describeSignerPlan(stack.apis);
  return [...describeWafPlan(stack.waf), "", ...describeShieldPlan(stack.shield), ...privatePlan, ...(signerPlan.length > 0 ? ["", ...signerPlan] : [])];
}
