/**
 * Web ACL capacity units (WCU), computed from the exact rules, with AWS's published costs
 * (AWS WAF Developer Guide, "Web ACL capacity units", rule statement pages):
 * - string match: 2 (exactly / starts with / ends with) or 10 (contains); + 10 per text transformation;
 * - size constraint: 1, + 10 per text transformation;
 * - geo match, IP set reference, label match: 1 each;
 * - AND / OR / NOT: the sum of the nested statements;
 * - rate-based: 2, + 30 per custom aggregation key (+ 10 per text transformation on it), + the scope-down statement;
 * - managed rule group: the group's published WCU (managedRuleCatalogue.ts), + its scope-down.
 * `NONE` is no transformation and costs nothing.
 */
import { keyTransforms } from "./rateKeys";
import type { AggregationKey } from "./rateLimitsSchema";
import { ManagedGroupStatement, RateBasedStatement, WafRule, WafStatement } from "./wafRule";

/** "Each text transformation is 10 WCUs" (Developer Guide, "Text transformations"). */
export const TRANSFORM_WCU = 10;

export function statementWcu<A>(statement: WafStatement<A> | RateBasedStatement<A> | ManagedGroupStatement<A>): number {
  switch (statement.type) {
    case "byteMatch":
      return (statement.positional === "CONTAINS" ? 10 : 2) + TRANSFORM_WCU * statement.transforms.length;
    case "sizeGreaterThan":
      return 1 + TRANSFORM_WCU * statement.transforms.length;
    case "geoMatch":
    case "ipSet":
    case "labelMatch":
      return 1;
    case "and":
    case "or":
      return statement.statements.reduce((sum, s) => sum + statementWcu(s), 0);
    case "not":
      return statementWcu(statement.statement);
    case "rateBased":
      return 2 + statement.customKeys.reduce((sum, k) => sum + keyWcu(k), 0) + (statement.scopeDown ? statementWcu(statement.scopeDown) : 0);
    case "managedGroup":
      return statement.groupWcu + (statement.scopeDown ? statementWcu(statement.scopeDown) : 0);
  }
}

export interface WcuLine {
  readonly name: string;
  readonly priority: number;
  readonly wcu: number;
}

export interface WcuBudget {
  readonly lines: readonly WcuLine[];
  /** Sum of the rules' WCU. */
  readonly total: number;
  /** Held back for Shield Advanced's automatic-mitigation rule group. */
  readonly reserve: number;
  readonly limit: number;
  readonly withinBudget: boolean;
}

export function wcuBudget<A>(rules: readonly WafRule<A>[], limit: number, reserve: number): WcuBudget {
  const lines = rules.map((r) => ({ name: r.name, priority: r.priority, wcu: statementWcu(r.statement) }));
  const total = lines.reduce((sum, l) => sum + l.wcu, 0);
  return { lines, total, reserve, limit, withinBudget: total + reserve <= limit };
}

/**
 * 30 per key (Developer Guide, "Using rate-based rule statements"). That page prices no transformation on a key;
 * the estimate adds the 10 every transformation costs elsewhere, so it errs high, never low (CheckCapacity tells).
 */
function keyWcu(key: AggregationKey): number {
  return 30 + (key.kind === "ip" || key.kind === "labelNamespace" ? 0 : TRANSFORM_WCU * keyTransforms(key.kind).length);
}
