import { Problems } from "../shared/validation";
import { parseWafConfig } from "../waf/config";
import { WafContext, WafSettings } from "../waf/types";
import { GovernanceSettings } from "./schema";

/**
 * `parseWafConfig` for a governed stack. Under hybrid the web ACL that deploys lacks the groups the central
 * policy runs, so the budget of the section as written does not apply: that one problem (`waf.capacity`) is
 * left out, and governStack checks the budget of the governed web ACL with the central reserve instead.
 */
export function parseGovernedWaf(raw: unknown, problems: Problems, context: WafContext, governance: GovernanceSettings, field = "waf"): WafSettings {
  const parsed = new Problems();
  const settings = parseWafConfig(raw, parsed, context, field);
  for (const p of parsed.all) {
    if (governance.model === "hybrid" && p.field === `${field}.capacity`) continue;
    problems.add(p.field, p.value, p.allowed);
  }
  return settings;
}
