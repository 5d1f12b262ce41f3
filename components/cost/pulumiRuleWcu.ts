/**
 * The WCU of a web ACL's rules as recorded (the typed `rules` input), by reading them back into the WAF
 * module's neutral statements and pricing those with its one WCU table (`statementWcu`). Only the statements
 * the WAF module builds are read; any other is an error naming the rule, rather than a wrong figure.
 */
import { managedGroupFacts, statementWcu, type AggregationKey, type FieldToMatch, type HeaderOperator, type LabelScope, type ManagedGroupStatement, type RateBasedStatement, type TextTransform, type WafStatement } from "../waf";
import { asArray, asNumber, asObject, asString, at } from "./recordedInputs";

const TRANSFORMS: readonly TextTransform[] = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"];
const POSITIONS: readonly HeaderOperator[] = ["EXACTLY", "STARTS_WITH", "ENDS_WITH", "CONTAINS"];

export interface RuleWcu {
  readonly wcu: number;
  /** A managed group whose capacity is not in the catalogue (another vendor's): counted as 0. */
  readonly unknownGroup?: string;
}

export function ruleWcu(rule: unknown): RuleWcu {
  const name = asString(at(rule, "name")) ?? "(unnamed)";
  const statement = asObject(at(rule, "statement")) ?? {};
  const group = asObject(statement.managedRuleGroupStatement);
  if (group) {
    const vendor = asString(group.vendorName) ?? "";
    const groupName = asString(group.name) ?? "";
    const facts = vendor === "AWS" ? managedGroupFacts(groupName) : undefined;
    const scopeDown = group.scopeDownStatement === undefined ? undefined : nested(group.scopeDownStatement, name);
    const managed: ManagedGroupStatement<string> = { type: "managedGroup", vendor, name: groupName, ruleActionOverrides: [], scopeDown, groupWcu: facts?.wcu ?? 0 };
    return facts ? { wcu: statementWcu(managed) } : { wcu: statementWcu(managed), unknownGroup: `${vendor}/${groupName}` };
  }
  const rate = asObject(statement.rateBasedStatement);
  if (rate) {
    const aggregation = asString(rate.aggregateKeyType);
    const rateBased: RateBasedStatement<string> = {
      type: "rateBased",
      limit: asNumber(rate.limit) ?? 0,
      windowSec: asNumber(rate.evaluationWindowSec) ?? 300,
      aggregation: aggregation === "CONSTANT" || aggregation === "CUSTOM_KEYS" ? aggregation : "IP",
      customKeys: asArray(rate.customKeys).map((key) => customKey(key, name)),
      scopeDown: rate.scopeDownStatement === undefined ? undefined : nested(rate.scopeDownStatement, name),
    };
    return { wcu: statementWcu(rateBased) };
  }
  return { wcu: statementWcu(nested(statement, name)) };
}

function nested(value: unknown, rule: string): WafStatement<string> {
  const s = asObject(value) ?? {};
  const [kind] = Object.keys(s);
  const body = asObject(s[kind]) ?? {};
  switch (kind) {
    case "byteMatchStatement":
      return {
        type: "byteMatch",
        field: fieldToMatch(body.fieldToMatch, rule),
        positional: oneOf(POSITIONS, asString(body.positionalConstraint), rule, "positionalConstraint"),
        search: asString(body.searchString) ?? "",
        transforms: transforms(body.textTransformations, rule),
      };
    case "sizeConstraintStatement":
      return { type: "sizeGreaterThan", field: fieldToMatch(body.fieldToMatch, rule), size: asNumber(body.size) ?? 0, transforms: transforms(body.textTransformations, rule) };
    case "geoMatchStatement":
      return { type: "geoMatch", countryCodes: asArray(body.countryCodes).map((c) => asString(c) ?? "") };
    case "ipSetReferenceStatement":
      return { type: "ipSet", arn: asString(body.arn) ?? "" };
    case "labelMatchStatement":
      return { type: "labelMatch", scope: oneOf<LabelScope>(["LABEL", "NAMESPACE"], asString(body.scope), rule, "scope"), key: asString(body.key) ?? "" };
    case "andStatement":
    case "orStatement":
      return { type: kind === "andStatement" ? "and" : "or", statements: asArray(body.statements).map((inner) => nested(inner, rule)) };
    case "notStatement":
      return { type: "not", statement: nested(body.statement, rule) };
    default:
      throw new Error(`web ACL rule "${rule}": no WCU figure for a ${kind ?? "missing"} statement here (components/cost/pulumiRuleWcu.ts reads the statements the WAF module builds)`);
  }
}

function fieldToMatch(value: unknown, rule: string): FieldToMatch {
  const f = asObject(value) ?? {};
  if (f.uriPath !== undefined) return { kind: "uriPath" };
  if (f.method !== undefined) return { kind: "method" };
  const header = asString(at(f, "singleHeader", "name"));
  if (header !== undefined) return { kind: "singleHeader", name: header };
  const oversize = asString(at(f, "body", "oversizeHandling"));
  if (f.body !== undefined) return { kind: "body", oversizeHandling: oneOf(["MATCH", "NO_MATCH", "CONTINUE"], oversize ?? "CONTINUE", rule, "oversizeHandling") };
  throw new Error(`web ACL rule "${rule}": no WCU figure for fieldToMatch ${Object.keys(f).join(", ") || "(none)"} here`);
}

/** The transformations, `NONE` being none (0 WCU). */
function transforms(value: unknown, rule: string): TextTransform[] {
  return asArray(value)
    .map((t) => asString(at(t, "type")))
    .filter((type) => type !== "NONE")
    .map((type) => oneOf(TRANSFORMS, type, rule, "textTransformations"));
}

function customKey(value: unknown, rule: string): AggregationKey {
  const key = asObject(value) ?? {};
  if (key.ip !== undefined) return { kind: "ip" };
  for (const kind of ["header", "queryArgument", "cookie"] as const) {
    const name = asString(at(key, kind, "name"));
    if (name !== undefined) return { kind, name };
  }
  const namespace = asString(at(key, "labelNamespace", "namespace"));
  if (namespace !== undefined) return { kind: "labelNamespace", namespace };
  throw new Error(`web ACL rule "${rule}": no WCU figure for aggregation key ${Object.keys(key).join(", ") || "(none)"} here`);
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, rule: string, what: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`web ACL rule "${rule}": ${what} ${JSON.stringify(value)} is not one the WCU table here knows (${allowed.join(", ")})`);
  return found;
}
