import { buildWafRules } from "./buildWafRules";
import { managedGroupFacts } from "./managedRuleCatalogue";
import { CORE_RULE_SET } from "./managedRuleGroups";
import { INSPECTION_LIMIT_BYTES, ManagedWafSettings, WafSettings } from "./types";
import { PLACEHOLDER_IP_SET_ARNS, WafRule } from "./wafRule";
import { wcuBudget } from "./wcuEstimate";

/**
 * Lines the offline plan prints for the WAF: the web ACL, body handling and extra charges, each rule with its
 * action and WCU (unless `rules: false`, for a plan that describes the rules itself), then the budget.
 */
export function describeWafPlan(settings: WafSettings, options: { readonly rules?: boolean } = {}): string[] {
  if (settings.kind === "disabled") return ["WAF: disabled (waf.enabled: false); the distribution has no web ACL"];
  if (settings.kind === "existing") return [`WAF: existing web ACL ${settings.existingWebAclArn} (rules and capacity managed elsewhere)`];
  const rules = buildWafRules(settings, PLACEHOLDER_IP_SET_ARNS);
  const budget = wcuBudget(rules, settings.capacity.limit, settings.capacity.reserve);
  const width = Math.max(...rules.map((r) => r.name.length));
  const logging = settings.logging
    ? `${settings.logging.destination.kind === "cloudwatch" ? `CloudWatch, ${settings.logging.destination.retentionDays} days` : settings.logging.destination.arn}; redacted: ${settings.logging.redactedHeaders.join(", ")}`
    : "off";
  return [
    `WAF: web ACL, scope CLOUDFRONT, us-east-1, mode ${settings.mode}, logging ${logging}`,
    bodyLine(settings),
    ...costLines(settings),
    ...(options.rules === false ? [] : rules.map((r, i) => `  ${String(r.priority).padStart(7)}  ${r.name.padEnd(width)}  ${actionText(r).padEnd(14)} ${String(budget.lines[i].wcu).padStart(4)} WCU`)),
    `  total ${budget.total} WCU + reserve ${budget.reserve}${budget.reserve > 0 ? " (for rule groups Shield or Firewall Manager insert)" : ""} = ${budget.total + budget.reserve} of limit ${budget.limit}${budget.withinBudget ? "" : "  OVER BUDGET"}`,
  ];
}

/** How large bodies are handled: what the groups see, what happens beyond, and the exemptions. */
function bodyLine(settings: ManagedWafSettings): string {
  const { bodySize, bodyInspectionLimit: limit } = settings;
  const seen = INSPECTION_LIMIT_BYTES[limit];
  const action = settings.mode === "count" || bodySize.action === "count" ? "count" : "block 403";
  const extra = limit === "KB_16" ? "" : ", AWS charges extra for each body over 16 KB";
  const exempt = bodySize.allowedPaths.length > 0 ? `, except under ${bodySize.allowedPaths.join(", ")}` : "";
  const core = settings.managedRuleGroups.some((g) => g.name === CORE_RULE_SET) ? "; the Core rule set's 8 KB SizeRestrictions_BODY counts" : "";
  return `  body: groups inspect the first ${seen} bytes (${limit}${extra}); bodies over ${bodySize.maxBytes} bytes: ${action} (body-too-large)${exempt}${core}`;
}

/** Groups billed on top of the web ACL: AWS's intelligent threat mitigation, and sellers' subscriptions. */
function costLines(settings: ManagedWafSettings): string[] {
  const charged = settings.managedRuleGroups.filter((g) => g.vendor !== "AWS" || managedGroupFacts(g.name)?.extraCost);
  if (charged.length === 0) return [];
  return [`  extra charges: ${charged.map((g) => (g.vendor === "AWS" ? g.name : `${g.name} (${g.vendor} subscription)`)).join(", ")}`];
}

function actionText(rule: WafRule<string>): string {
  if ("overrideAction" in rule) return rule.overrideAction === "count" ? "group: count" : "group: rules";
  return rule.action.type === "block" ? `block ${rule.action.response.code}` : rule.action.type;
}
