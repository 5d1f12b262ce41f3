// The WAF layer: the settings schema, web ACL component, pure rule builders and the WCU budget.
// checkCapacity.ts (AWS CheckCapacity) is imported directly by scripts/waf-capacity.ts.
export { wafSchema, isCloudFrontWebAclArn } from "./wafSchema";
export { BASE_CAPACITY, MAX_CAPACITY } from "./capacitySchema";
export { viewerPathIssues, type ViewerRoute } from "./viewerPathIssues";
export { EdgeWebAcl, type EdgeWebAclArgs, edgeWebAclSettings } from "./webAcl";
export { buildWafRules, FORBIDDEN, rateLimited } from "./buildWafRules";
export { matchStatement, methodsStatement } from "./matchStatement";
export { pathStatement, isWafPath, PATH_TRANSFORMS } from "./wafPath";
export { statementWcu, wcuBudget, type WcuBudget, type WcuLine } from "./wcuEstimate";
export { validateWafRules } from "./validateWafRules";
export { describeWafPlan } from "./describeWafPlan";
export { wafLogBucketName } from "./wafLogBucket";
export { toPulumiRules, customResponseBodies, RESPONSE_BODIES } from "./toPulumiRules";
export { toWafApiRules } from "./toWafApiRules";
export { redactedFields, loggingFilter, wafLogGroupName } from "./loggingConfig";
export { ALWAYS_REDACTED_HEADERS, isWafLogDestination } from "./loggingSchema";
export { visibilityConfig, isValidWafName } from "./visibility";
export { DEFAULT_MANAGED_GROUPS } from "./managedRuleGroups";
export { MANAGED_RULE_CATALOGUE, MANAGED_GROUP_NAMES, managedGroupFacts, labelOwner, type ManagedRuleGroupFacts } from "./managedRuleCatalogue";
export { PRIORITY, MAX_RATE_RULES } from "./priorities";
export { cidrVersion } from "./cidr";
export * from "./types";
export * from "./wafRule";
