import { namespaceConfig, parseStackConfig } from "../../components/config/stackConfig";
import { describeShieldPlan } from "../../components/shield";
import { describeWafPlan } from "../../components/waf";

/** What the plan says beyond the resource list: the WAF capacity budget and the Shield Advanced choices. */
export function planNotes(config: Readonly<Record<string, string>>): string[] {
  const stack = parseStackConfig(namespaceConfig(config), config["aws:region"]);
  return [...describeWafPlan(stack.waf), "", ...describeShieldPlan(stack.shield)];
}
