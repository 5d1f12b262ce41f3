import { parseWith } from "../shared/schema/parse";
import { ShieldSettings } from "../shield/settings";
import { ConfigError } from "../shared/validation";
import { WafSettings } from "../waf/types";
import { GovernanceDecisions, governanceDecisions } from "./decisions";
import { governedShieldIssues } from "./governedShieldIssues";
import { governedWafIssues } from "./governedWafSchema";
import { GovernanceInput, governanceSchema } from "./schema";

/**
 * The decisions for a component's `governance` argument, checked with the stack file's schema, and the
 * component's `waf` and `shield` settings checked against the model (as the stack file's are), every problem
 * in one ConfigError named by `subject`.
 */
export function edgeGovernance(subject: string, input: GovernanceInput | undefined, waf: WafSettings, shield: ShieldSettings): GovernanceDecisions {
  const governance = parseWith(governanceSchema, input ?? {}, subject, ["governance"]);
  const decisions = governanceDecisions(governance);
  const issues = [
    ...governedWafIssues(governance, waf).map((i) => ({ ...i, path: ["waf", ...i.path] })),
    ...governedShieldIssues(decisions, shield).map((i) => ({ ...i, path: ["shield", ...i.path] })),
  ];
  if (issues.length > 0) throw new ConfigError(subject, issues.map((i) => ({ field: i.path.join("."), value: i.input, allowed: i.message, path: i.path })));
  return decisions;
}
