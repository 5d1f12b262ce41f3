import { Problems } from "../shared/validation";
import { checkLabelReferences } from "./labelReferences";
import { MAX_RATE_RULES, PRIORITY } from "./priorities";
import { isValidWafName } from "./visibility";
import { WafRule, WafStatement } from "./wafRule";
import { wcuBudget } from "./wcuEstimate";

/**
 * How deep AND/OR/NOT may nest, as the provider's schema allows: three levels in a rule's own
 * statement, two inside a managed group's or a rate rule's scope-down.
 */
export const MAX_LOGICAL_DEPTH = { statement: 3, scopeDown: 2 };

/** Levels of AND/OR/NOT above the deepest plain statement: 0 for a plain statement. */
export function logicalDepth<A>(statement: WafStatement<A>): number {
  switch (statement.type) {
    case "and":
    case "or":
      return 1 + Math.max(...statement.statements.map(logicalDepth));
    case "not":
      return 1 + logicalDepth(statement.statement);
    default:
      return 0;
  }
}

/** Metric names AWS keeps for itself, and the prefix of the rule group Shield Advanced inserts. */
const RESERVED_NAMES = ["All", "Default_Action"];
const SHIELD_RULE_PREFIX = "ShieldMitigationRuleGroup";

/**
 * Checks the built rule list as AWS will see it: names, metric names and priorities unique and
 * valid (and not reserved), statements nested no deeper than allowed, nothing at Shield's priority,
 * labels read only after the group that adds them, at most 10 rate-based rules, and the WCU budget.
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
    problems.check(
      !RESERVED_NAMES.includes(rule.name) && !rule.name.startsWith(SHIELD_RULE_PREFIX),
      `${rule.source}.name`,
      rule.name,
      `a name other than ${RESERVED_NAMES.join(" and ")} (reserved by AWS WAF) and not starting with ${SHIELD_RULE_PREFIX} (Shield Advanced's)`,
    );
    checkDepth(rule, problems);
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
  checkLabelReferences(rules, problems);
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

function checkDepth<A>(rule: WafRule<A>, problems: Problems): void {
  const { statement } = rule;
  if (statement.type === "managedGroup" || statement.type === "rateBased") {
    if (statement.scopeDown === undefined) return;
    const depth = logicalDepth(statement.scopeDown);
    problems.check(depth <= MAX_LOGICAL_DEPTH.scopeDown, `${rule.source}.scopeDown`, depth, `at most ${MAX_LOGICAL_DEPTH.scopeDown} levels of AND/OR/NOT in a scope-down (e.g. one method instead of several with negate)`);
    return;
  }
  const depth = logicalDepth(statement);
  problems.check(depth <= MAX_LOGICAL_DEPTH.statement, `${rule.source}.match`, depth, `at most ${MAX_LOGICAL_DEPTH.statement} levels of AND/OR/NOT in a rule`);
}
