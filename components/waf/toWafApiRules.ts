/**
 * Renders the neutral rules to the WAFV2 API shape (`@aws-sdk/client-wafv2` `Rule`), the input of
 * CheckCapacity. Mirrors toPulumiRules field for field.
 */
import type {
  CountryCode,
  FieldToMatch as ApiField,
  RateBasedStatementCustomKey,
  Rule,
  RuleAction as ApiAction,
  Statement,
  TextTransformation,
} from "@aws-sdk/client-wafv2";
import { WAF_COUNTRY_CODES } from "./countryCodes";
import { keyTransforms } from "./rateKeys";
import { FieldToMatch, ManagedGroupStatement, RateBasedStatement, RuleAction, TextTransform, WafRule, WafStatement } from "./wafRule";

const encoder = new TextEncoder();
const NONE = [{ Priority: 0, Type: "NONE" as const }];

export function toWafApiRules(rules: readonly WafRule<string>[]): Rule[] {
  return rules.map((rule): Rule => {
    const base = {
      Name: rule.name,
      Priority: rule.priority,
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: rule.metricName },
    };
    if ("overrideAction" in rule) {
      return { ...base, Statement: { ManagedRuleGroupStatement: managedGroup(rule.statement) }, OverrideAction: rule.overrideAction === "count" ? { Count: {} } : { None: {} } };
    }
    const statement = rule.statement.type === "rateBased" ? { RateBasedStatement: rateBased(rule.statement) } : apiStatement(rule.statement);
    return { ...base, Statement: statement, Action: apiAction(rule.action) };
  });
}

function apiAction(action: RuleAction): ApiAction {
  switch (action.type) {
    case "allow":
      return { Allow: {} };
    case "count":
      return { Count: {} };
    case "block":
      return {
        Block: {
          CustomResponse: {
            ResponseCode: action.response.code,
            CustomResponseBodyKey: action.response.bodyKey,
            ResponseHeaders: action.response.headers.map((h) => ({ Name: h.name, Value: h.value })),
          },
        },
      };
  }
}

function managedGroup(s: ManagedGroupStatement<string>): NonNullable<Statement["ManagedRuleGroupStatement"]> {
  const config = s.config;
  return {
    VendorName: s.vendor,
    Name: s.name,
    ...(s.version ? { Version: s.version } : {}),
    ...(s.ruleActionOverrides.length > 0 ? { RuleActionOverrides: s.ruleActionOverrides.map((o) => ({ Name: o.name, ActionToUse: apiAction(o.action) })) } : {}),
    ...(s.scopeDown ? { ScopeDownStatement: apiStatement(s.scopeDown) } : {}),
    ...(config?.kind === "botControl" ? { ManagedRuleGroupConfigs: [{ AWSManagedRulesBotControlRuleSet: { InspectionLevel: config.inspectionLevel } }] } : {}),
    ...(config?.kind === "antiDdos"
      ? {
          ManagedRuleGroupConfigs: [
            {
              AWSManagedRulesAntiDDoSRuleSet: {
                ClientSideActionConfig: { Challenge: { UsageOfAction: config.challenge } },
                SensitivityToBlock: config.sensitivityToBlock,
              },
            },
          ],
        }
      : {}),
  };
}

function rateBased(s: RateBasedStatement<string>): NonNullable<Statement["RateBasedStatement"]> {
  const keys = s.customKeys.map((k): RateBasedStatementCustomKey => {
    switch (k.kind) {
      case "ip":
        return { IP: {} };
      case "header":
        return { Header: { Name: k.name, TextTransformations: textTransformations(keyTransforms(k.kind)) } };
      case "cookie":
        return { Cookie: { Name: k.name, TextTransformations: textTransformations(keyTransforms(k.kind)) } };
      case "queryArgument":
        return { QueryArgument: { Name: k.name, TextTransformations: textTransformations(keyTransforms(k.kind)) } };
      case "labelNamespace":
        return { LabelNamespace: { Namespace: k.namespace } };
    }
  });
  return {
    Limit: s.limit,
    EvaluationWindowSec: s.windowSec,
    AggregateKeyType: s.aggregation,
    ...(keys.length > 0 ? { CustomKeys: keys } : {}),
    ...(s.scopeDown ? { ScopeDownStatement: apiStatement(s.scopeDown) } : {}),
  };
}

function apiField(f: FieldToMatch): ApiField {
  switch (f.kind) {
    case "uriPath":
      return { UriPath: {} };
    case "method":
      return { Method: {} };
    case "singleHeader":
      return { SingleHeader: { Name: f.name } };
    case "body":
      return { Body: { OversizeHandling: f.oversizeHandling } };
  }
}

export function apiStatement(s: WafStatement<string>): Statement {
  switch (s.type) {
    case "byteMatch":
      return {
        ByteMatchStatement: {
          FieldToMatch: apiField(s.field),
          PositionalConstraint: s.positional,
          SearchString: encoder.encode(s.search),
          TextTransformations: textTransformations(s.transforms),
        },
      };
    case "sizeGreaterThan":
      return { SizeConstraintStatement: { FieldToMatch: apiField(s.field), ComparisonOperator: "GT", Size: s.size, TextTransformations: textTransformations(s.transforms) } };
    case "geoMatch":
      return { GeoMatchStatement: { CountryCodes: s.countryCodes.filter(isApiCountry) } };
    case "ipSet":
      return { IPSetReferenceStatement: { ARN: s.arn } };
    case "labelMatch":
      return { LabelMatchStatement: { Scope: s.scope, Key: s.key } };
    case "and":
      return { AndStatement: { Statements: s.statements.map(apiStatement) } };
    case "or":
      return { OrStatement: { Statements: s.statements.map(apiStatement) } };
    case "not":
      return { NotStatement: { Statement: apiStatement(s.statement) } };
  }
}

/** Every transformation in order, as toPulumiRules renders them. */
function textTransformations(transforms: readonly TextTransform[]): TextTransformation[] {
  return transforms.length === 0 ? NONE : transforms.map((Type, Priority) => ({ Priority, Type }));
}

/** The parser only admits codes of this list, which a test keeps equal to the API's enumeration. */
function isApiCountry(code: string): code is CountryCode {
  return WAF_COUNTRY_CODES.includes(code);
}
