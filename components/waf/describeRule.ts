/**
 * Each rule of the web ACL in words, for a reviewer: what it matches (paths with their transformations,
 * methods, headers, labels, sizes, countries, IP sets), its limit, window and aggregation key, its action and
 * custom response; each managed group with its version, scope and overrides. Pure, over the neutral rules.
 */
import { keyTransforms } from "./rateKeys";
import { AggregationKey } from "./types";
import { FieldToMatch, ManagedGroupStatement, RateBasedStatement, RuleAction, TextTransform, WafRule, WafStatement } from "./wafRule";

export interface RuleInWords {
  readonly priority: number;
  readonly name: string;
  /** What the rule matches and does, as one sentence. */
  readonly words: string;
  readonly action: string;
}

export function describeRule(rule: WafRule<string>, ipSetNames: Readonly<Record<string, string>> = {}): RuleInWords {
  const { priority, name } = rule;
  if ("overrideAction" in rule) return { priority, name, words: groupWords(rule.statement, rule.overrideAction, ipSetNames), action: rule.overrideAction === "count" ? "count (group overridden)" : "the group's own actions" };
  const action = actionWords(rule.action);
  const statement = rule.statement;
  if (statement.type === "rateBased") return { priority, name, words: `${rateWords(statement, ipSetNames)} → ${action}`, action };
  return { priority, name, words: `requests where ${statementWords(statement, ipSetNames)} → ${action}`, action };
}

export function actionWords(action: RuleAction): string {
  switch (action.type) {
    case "allow":
      return "allow (no later rule runs)";
    case "count":
      return "count only";
    case "block": {
      const headers = action.response.headers.map((h) => `${h.name}: ${h.value}`).join(", ");
      return `block with ${action.response.code} JSON "${action.response.bodyKey}"${headers ? ` and ${headers}` : ""}`;
    }
  }
}

function rateWords(s: RateBasedStatement<string>, ipSetNames: Readonly<Record<string, string>>): string {
  const per = s.aggregation === "IP" ? "per client IP" : s.aggregation === "CONSTANT" ? "across all matching requests together" : `per ${s.customKeys.map(keyWords).join(" + ")}`;
  const scope = s.scopeDown ? ` among requests where ${statementWords(s.scopeDown, ipSetNames)}` : "";
  return `more than ${s.limit.toLocaleString("en-US")} requests per ${s.windowSec} s ${per}${scope}`;
}

function keyWords(k: AggregationKey): string {
  switch (k.kind) {
    case "ip":
      return "client IP";
    case "header":
      return `header ${k.name}${transformWords(keyTransforms(k.kind))}`;
    case "cookie":
      return `cookie ${k.name}${transformWords(keyTransforms(k.kind))}`;
    case "queryArgument":
      return `query argument ${k.name}${transformWords(keyTransforms(k.kind))}`;
    case "labelNamespace":
      return `labels in ${k.namespace}`;
  }
}

function groupWords(s: ManagedGroupStatement<string>, overrideAction: "none" | "count", ipSetNames: Readonly<Record<string, string>>): string {
  const version = s.version ? `version ${s.version}` : "AWS's default version";
  const overrides = s.ruleActionOverrides.map((o) => `${o.name} → ${o.action.type === "block" ? `block ${o.action.response.code}` : o.action.type}`);
  const parts = [
    `${s.vendor} managed group ${s.name} (${version}, ${s.groupWcu} WCU)`,
    s.scopeDown ? `only for requests where ${statementWords(s.scopeDown, ipSetNames)}` : "",
    s.config?.kind === "botControl" ? `inspection level ${s.config.inspectionLevel}` : "",
    s.config?.kind === "antiDdos" ? `challenge ${s.config.challenge.toLowerCase()}, blocks at ${s.config.sensitivityToBlock.toLowerCase()} sensitivity` : "",
    overrides.length > 0 ? `overrides: ${overrides.join(", ")}` : "no rule overrides",
    overrideAction === "count" ? "every rule counts instead of acting" : "",
  ];
  return parts.filter(Boolean).join("; ");
}

function fieldWords(f: FieldToMatch): string {
  switch (f.kind) {
    case "uriPath":
      return "the path";
    case "method":
      return "the method";
    case "singleHeader":
      return `header ${f.name}`;
    case "body":
      return "the body";
  }
}

const TRANSFORM_WORDS: Readonly<Record<TextTransform, string>> = { URL_DECODE: "URL-decoded", NORMALIZE_PATH: "normalized", LOWERCASE: "lowercased" };

function transformWords(transforms: readonly TextTransform[]): string {
  return transforms.length === 0 ? "" : ` (${transforms.map((t) => TRANSFORM_WORDS[t]).join(", ")})`;
}

const POSITION_WORDS = { EXACTLY: "is", STARTS_WITH: "starts with", ENDS_WITH: "ends with", CONTAINS: "contains" } as const;

export function statementWords(s: WafStatement<string>, ipSetNames: Readonly<Record<string, string>> = {}): string {
  switch (s.type) {
    case "byteMatch": {
      const oversize = s.field.kind === "body" ? ` (a body beyond what WAF inspects ${s.field.oversizeHandling === "MATCH" ? "matches" : s.field.oversizeHandling === "NO_MATCH" ? "does not match" : "is inspected as far as it goes"})` : "";
      return `${fieldWords(s.field)}${transformWords(s.transforms)} ${POSITION_WORDS[s.positional]} ${JSON.stringify(s.search)}${oversize}`;
    }
    case "sizeGreaterThan": {
      const oversize = s.field.kind === "body" && s.field.oversizeHandling === "MATCH" ? " (a body beyond what WAF inspects counts as larger)" : "";
      return `${fieldWords(s.field)} is larger than ${s.size.toLocaleString("en-US")} bytes${oversize}`;
    }
    case "geoMatch":
      return `the client is in ${s.countryCodes.join(", ")}`;
    case "ipSet":
      return `the client IP is in IP set ${ipSetNames[s.arn] ?? s.arn}`;
    case "labelMatch":
      return s.scope === "NAMESPACE" ? `an earlier rule added a label in ${s.key}` : `an earlier rule added label ${s.key}`;
    case "and":
      return s.statements.map((x) => statementWords(x, ipSetNames)).join(" and ");
    case "or":
      return `(${s.statements.map((x) => statementWords(x, ipSetNames)).join(" or ")})`;
    case "not":
      return `not ${statementWords(s.statement, ipSetNames)}`;
  }
}
