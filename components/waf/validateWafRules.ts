import { labelReferenceIssues } from "./labelReferences";
import { MAX_RATE_RULES, PRIORITY } from "./priorities";
import { WafIssue } from "./types";
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

/** A rule's source as the stack file names it: `waf.customRules[2]`. */
export function sourceText(source: WafRule<unknown>["source"]): string {
  // The probe rule is the monitoring section's, not the waf section's.
  return (source[0] === "monitoring" ? source : ["waf", ...source]).map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").slice(1);
}

/** Rules whose name the author wrote (so a clash is reported there, not at a built-in rule). */
const namedByAuthor = (rule: WafRule<unknown>) => rule.source[0] === "customRules" || rule.source[1] === "uri";

/**
 * Checks the built rule list as AWS will see it: names, metric names and priorities unique and
 * valid (and not reserved), statements nested no deeper than allowed, nothing at Shield's priority,
 * labels read only after the group that adds them, at most 10 rate-based rules, and the WCU budget.
 * Paths are in the `waf` settings.
 */
export function validateWafRules<A>(rules: readonly WafRule<A>[], capacity: { readonly limit: number; readonly reserve: number }): WafIssue[] {
  const issues: WafIssue[] = [];
  const issue = (rule: WafRule<A>, at: string, input: unknown, message: string) => issues.push({ path: [...rule.source, at], input, message });
  // Metric names equal rule names, so unique rule names give unique metrics.
  const byName = new Map<string, WafRule<A>>();
  const byPriority = new Map<number, WafRule<A>>();
  for (const rule of rules) {
    const first = byName.get(rule.name);
    if (!isValidWafName(rule.name)) issue(rule, "name", rule.name, "allowed: a rule name of letters, digits, - or _, at most 128 characters");
    else if (first !== undefined) {
      const [at, other] = namedByAuthor(rule) || !namedByAuthor(first) ? [rule, first] : [first, rule];
      issue(at, "name", at.name, `allowed: a unique rule name; ${sourceText(other.source)} already uses ${other.name}`);
    } else byName.set(rule.name, rule);
    if (RESERVED_NAMES.includes(rule.name) || rule.name.startsWith(SHIELD_RULE_PREFIX)) {
      issue(rule, "name", rule.name, `allowed: a name other than ${RESERVED_NAMES.join(" and ")} (reserved by AWS WAF) and not starting with ${SHIELD_RULE_PREFIX} (Shield Advanced's)`);
    }
    issues.push(...depthIssues(rule));
    const atPriority = byPriority.get(rule.priority);
    if (atPriority !== undefined) issue(rule, "priority", rule.priority, `allowed: a unique priority; ${sourceText(atPriority.source)} already uses ${rule.priority}`);
    else byPriority.set(rule.priority, rule);
    if (rule.priority >= PRIORITY.shieldMitigation) issue(rule, "priority", rule.priority, `allowed: below ${PRIORITY.shieldMitigation}, reserved for Shield Advanced's automatic-mitigation rule group`);
  }
  issues.push(...labelReferenceIssues(rules));
  const rateRules = rules.filter((r) => r.statement.type === "rateBased");
  if (rateRules.length > MAX_RATE_RULES) {
    const kinds = `blanket + ipReputation + uri${rateRules.some((r) => r.source[0] === "monitoring") ? " + monitoring.rateLimitProbe" : ""}`;
    issues.push({ path: ["rateLimits"], input: rateRules.length, message: `allowed: at most ${MAX_RATE_RULES} rate-based rules per web ACL (${kinds}; these make ${rateRules.length})` });
  }
  const budget = wcuBudget(rules, capacity.limit, capacity.reserve);
  if (!budget.withinBudget) {
    const list = budget.lines.map((l) => `${l.name} ${l.wcu}`).join(", ");
    const reserve = budget.reserve > 0 ? ` + ${budget.reserve} reserved for Shield automatic mitigation` : "";
    issues.push({
      path: ["capacity"],
      input: budget.total + budget.reserve,
      message: `allowed: at most ${budget.limit} WCU (rules: ${list}; total ${budget.total}${reserve}); disable groups or raise capacity.limit with capacity.acceptExtraFees`,
    });
  }
  return issues;
}

function depthIssues<A>(rule: WafRule<A>): WafIssue[] {
  const { statement } = rule;
  const scoped = statement.type === "managedGroup" || statement.type === "rateBased";
  const checked = scoped ? statement.scopeDown : statement;
  if (checked === undefined) return [];
  const depth = logicalDepth(checked);
  const max = scoped ? MAX_LOGICAL_DEPTH.scopeDown : MAX_LOGICAL_DEPTH.statement;
  if (depth <= max) return [];
  const message = scoped
    ? `allowed: at most ${max} levels of AND/OR/NOT in a scope-down (this one needs ${depth}; e.g. one method instead of several with negate, and GET counts as GET and HEAD)`
    : `allowed: at most ${max} levels of AND/OR/NOT in a rule (this one needs ${depth})`;
  return [{ path: [...rule.source, scoped ? "scopeDown" : "match"], input: depth, message }];
}
