import { Problems } from "../shared/validation";
import { MAX_RATE_RULES, PRIORITY } from "./priorities";
import { isValidWafName } from "./visibility";
import { WafRule } from "./wafRule";
import { wcuBudget } from "./wcuEstimate";

/**
 * Checks the built rule list as AWS will see it: names, metric names and priorities unique and
 * valid, nothing at Shield's priority, at most 10 rate-based rules, and the WCU budget.
 */
export function validateWafRules<A>(
  rules: readonly WafRule<A>[],
  capacity: { readonly limit: number; readonly reserve: number },
  problems: Problems,
  field = "waf",
): void {
  // Metric names equal rule names, so unique rule names give unique metrics.
  const seen = { name: new Map<string, string>(), priority: new Map<number, string>() };
  for (const rule of rules) {
    if (problems.check(isValidWafName(rule.name), `${rule.source}.name`, rule.name, "a rule name of letters, digits, - or _, at most 128 characters")) {
      const first = seen.name.get(rule.name);
      problems.check(first === undefined, `${rule.source}.name`, rule.name, `a unique rule name; ${first} already uses it`);
      seen.name.set(rule.name, rule.source);
    }
    problems.check(isValidWafName(rule.metricName), `${rule.source}.name`, rule.metricName, "a metric name of letters, digits, - or _, at most 128 characters");
    const firstAtPriority = seen.priority.get(rule.priority);
    problems.check(firstAtPriority === undefined, `${rule.source}.priority`, rule.priority, `a unique priority; ${firstAtPriority} already uses it`);
    problems.check(
      rule.priority < PRIORITY.shieldMitigation,
      `${rule.source}.priority`,
      rule.priority,
      `below ${PRIORITY.shieldMitigation}, reserved for Shield Advanced's automatic-mitigation rule group`,
    );
    seen.priority.set(rule.priority, rule.source);
  }
  const rateRules = rules.filter((r) => r.statement.type === "rateBased").length;
  problems.check(rateRules <= MAX_RATE_RULES, `${field}.rateLimits`, rateRules, `at most ${MAX_RATE_RULES} rate-based rules per web ACL (blanket + ipReputation + uri)`);

  const budget = wcuBudget(rules, capacity.limit, capacity.reserve);
  if (!budget.withinBudget) {
    const list = budget.lines.map((l) => `${l.name} ${l.wcu}`).join(", ");
    const reserve = budget.reserve > 0 ? ` + ${budget.reserve} reserved for Shield automatic mitigation` : "";
    problems.add(
      `${field}.capacity`,
      budget.total + budget.reserve,
      `at most ${budget.limit} WCU (rules: ${list}; total ${budget.total}${reserve}); disable groups or raise capacity.limit with capacity.acceptExtraFees`,
    );
  }
}
