import { AWS_MANAGED_LABEL_PREFIX, labelOwner } from "./managedRuleCatalogue";
import { WafIssue } from "./types";
import { WafRule, WafStatement } from "./wafRule";

/**
 * A rule only sees the labels of rules evaluated before it. A label match (or a label-namespace
 * aggregation key) on an AWS managed group's labels is refused when that group is off or runs
 * later: the match could never be true, so a scope-down would silently switch its group off and
 * a custom rule would never fire.
 */
export function labelReferenceIssues<A>(rules: readonly WafRule<A>[]): WafIssue[] {
  const issues: WafIssue[] = [];
  for (const rule of rules) {
    for (const { key, at } of labelKeys(rule)) {
      const owner = key.startsWith(AWS_MANAGED_LABEL_PREFIX) ? labelOwner(key) : undefined;
      if (!owner) continue; // unknown namespaces are refused by the schema
      const source = rules.find((r) => r.statement.type === "managedGroup" && r.statement.vendor === "AWS" && r.statement.name === owner.name);
      const path = [...rule.source, ...at];
      if (!source) {
        issues.push({ path, input: key, message: `allowed: a label of an enabled group: ${owner.name} adds it and is not enabled (enable it in managedRuleGroups)` });
      } else if (source.priority >= rule.priority) {
        issues.push({ path, input: key, message: `allowed: a label added before this rule: ${owner.name} runs at priority ${source.priority}, ${rule.name} at ${rule.priority}` });
      }
    }
  }
  return issues;
}

function labelKeys<A>(rule: WafRule<A>): { key: string; at: string[] }[] {
  const s = rule.statement;
  if (s.type === "managedGroup") return s.scopeDown ? labelsIn(s.scopeDown).map((key) => ({ key, at: ["scopeDown", "label"] })) : [];
  if (s.type === "rateBased") {
    const keys = s.customKeys.flatMap((k) => (k.kind === "labelNamespace" ? [k.namespace] : []));
    return [...keys.map((key) => ({ key, at: ["aggregation"] })), ...(s.scopeDown ? labelsIn(s.scopeDown).map((key) => ({ key, at: ["scopeDown"] })) : [])];
  }
  return labelsIn(s).map((key) => ({ key, at: ["match", "label"] }));
}

function labelsIn<A>(s: WafStatement<A>): string[] {
  switch (s.type) {
    case "labelMatch":
      return [s.key];
    case "and":
    case "or":
      return s.statements.flatMap(labelsIn);
    case "not":
      return labelsIn(s.statement);
    default:
      return [];
  }
}
