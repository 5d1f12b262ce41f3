/**
 * Renders the neutral rules to the typed `rules` input of `aws.wafv2.WebAcl`. Typed rules (never
 * `ruleJson`) let the provider keep Shield Advanced's `ShieldMitigationRuleGroup_*` rule on update.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { keyTransforms } from "./rateKeys";
import { visibilityConfig } from "./visibility";
import { FieldToMatch, ManagedGroupStatement, RateBasedStatement, ResponseBodyKey, RuleAction, TextTransform, WafRule, WafStatement } from "./wafRule";

type Arn = pulumi.Input<string>;
type PulumiRule = aws.types.input.wafv2.WebAclRule;
type PulumiStatement = aws.types.input.wafv2.WebAclRuleStatement;

/** JSON bodies of the web ACL's own block responses. */
export const RESPONSE_BODIES: Readonly<Record<ResponseBodyKey, string>> = {
  forbidden: JSON.stringify({ message: "Forbidden" }),
  "rate-limited": JSON.stringify({ message: "Too Many Requests" }),
};

export function customResponseBodies(): aws.types.input.wafv2.WebAclCustomResponseBody[] {
  return (Object.keys(RESPONSE_BODIES) as ResponseBodyKey[]).map((key) => ({ key, contentType: "APPLICATION_JSON", content: RESPONSE_BODIES[key] }));
}

export function toPulumiRules(rules: readonly WafRule<Arn>[]): PulumiRule[] {
  return rules.map((rule): PulumiRule => {
    const base = { name: rule.name, priority: rule.priority, visibilityConfig: visibilityConfig(rule.metricName) };
    if ("overrideAction" in rule) {
      return { ...base, statement: { managedRuleGroupStatement: managedGroup(rule.statement) }, overrideAction: { [rule.overrideAction]: {} } };
    }
    const statement: PulumiStatement = rule.statement.type === "rateBased" ? { rateBasedStatement: rateBased(rule.statement) } : nested(rule.statement);
    return { ...base, statement, action: ruleAction(rule.action) };
  });
}

export function ruleAction(action: RuleAction): aws.types.input.wafv2.WebAclRuleAction {
  if (action.type !== "block") return { [action.type]: {} };
  const { code, bodyKey, headers } = action.response;
  return { block: { customResponse: { responseCode: code, customResponseBodyKey: bodyKey, responseHeaders: headers.map((h) => ({ ...h })) } } };
}

function managedGroup(s: ManagedGroupStatement<Arn>): aws.types.input.wafv2.WebAclRuleStatementManagedRuleGroupStatement {
  const configs: aws.types.input.wafv2.WebAclRuleStatementManagedRuleGroupStatementManagedRuleGroupConfig[] = [];
  if (s.config?.kind === "botControl") configs.push({ awsManagedRulesBotControlRuleSet: { inspectionLevel: s.config.inspectionLevel } });
  if (s.config?.kind === "antiDdos") {
    configs.push({
      awsManagedRulesAntiDdosRuleSet: {
        clientSideActionConfig: { challenge: { usageOfAction: s.config.challenge } },
        sensitivityToBlock: s.config.sensitivityToBlock,
      },
    });
  }
  return {
    vendorName: s.vendor,
    name: s.name,
    ...(s.version ? { version: s.version } : {}),
    ...(s.ruleActionOverrides.length > 0 ? { ruleActionOverrides: s.ruleActionOverrides.map((o) => ({ name: o.name, actionToUse: ruleAction(o.action) })) } : {}),
    ...(s.scopeDown ? { scopeDownStatement: nested(s.scopeDown) } : {}),
    ...(configs.length > 0 ? { managedRuleGroupConfigs: configs } : {}),
  };
}

function rateBased(s: RateBasedStatement<Arn>): aws.types.input.wafv2.WebAclRuleStatementRateBasedStatement {
  return {
    limit: s.limit,
    evaluationWindowSec: s.windowSec,
    aggregateKeyType: s.aggregation,
    ...(s.customKeys.length > 0
      ? {
          customKeys: s.customKeys.map((k) => {
            switch (k.kind) {
              case "ip":
                return { ip: {} };
              case "header":
              case "cookie":
              case "queryArgument":
                return { [k.kind]: { name: k.name, textTransformations: textTransformations(keyTransforms(k.kind)) } };
              case "labelNamespace":
                return { labelNamespace: { namespace: k.namespace } };
            }
          }),
        }
      : {}),
    ...(s.scopeDown ? { scopeDownStatement: nested(s.scopeDown) } : {}),
  };
}

/** The nestable statements; one shape serves top level and both kinds of scope-down. */
interface Nested {
  byteMatchStatement?: { fieldToMatch: FieldInput; positionalConstraint: string; searchString: string; textTransformations: { priority: number; type: string }[] };
  sizeConstraintStatement?: { fieldToMatch: FieldInput; comparisonOperator: string; size: number; textTransformations: { priority: number; type: string }[] };
  geoMatchStatement?: { countryCodes: string[] };
  ipSetReferenceStatement?: { arn: Arn };
  labelMatchStatement?: { scope: string; key: string };
  andStatement?: { statements: Nested[] };
  orStatement?: { statements: Nested[] };
  notStatement?: { statement: Nested };
}

type FieldInput = { uriPath?: object; method?: object; singleHeader?: { name: string }; body?: { oversizeHandling: string } };

function field(f: FieldToMatch): FieldInput {
  switch (f.kind) {
    case "uriPath":
    case "method":
      return { [f.kind]: {} };
    case "singleHeader":
      return { singleHeader: { name: f.name } };
    case "body":
      return { body: { oversizeHandling: f.oversizeHandling } };
  }
}

/** Every transformation in order (priority 0, 1, ...); AWS needs at least one, so none is `NONE`. */
function textTransformations(transforms: readonly TextTransform[]): { priority: number; type: string }[] {
  return transforms.length === 0 ? [{ priority: 0, type: "NONE" }] : transforms.map((type, priority) => ({ priority, type }));
}

function nested(s: WafStatement<Arn>): Nested {
  switch (s.type) {
    case "byteMatch":
      return {
        byteMatchStatement: {
          fieldToMatch: field(s.field),
          positionalConstraint: s.positional,
          searchString: s.search,
          textTransformations: textTransformations(s.transforms),
        },
      };
    case "sizeGreaterThan":
      return { sizeConstraintStatement: { fieldToMatch: field(s.field), comparisonOperator: "GT", size: s.size, textTransformations: textTransformations(s.transforms) } };
    case "geoMatch":
      return { geoMatchStatement: { countryCodes: [...s.countryCodes] } };
    case "ipSet":
      return { ipSetReferenceStatement: { arn: s.arn } };
    case "labelMatch":
      return { labelMatchStatement: { scope: s.scope, key: s.key } };
    case "and":
      return { andStatement: { statements: s.statements.map(nested) } };
    case "or":
      return { orStatement: { statements: s.statements.map(nested) } };
    case "not":
      return { notStatement: { statement: nested(s.statement) } };
  }
}
