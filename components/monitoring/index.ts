// Monitoring: the config section, the components and the pure builders they use.
export { monitoringConfigSchema, signerLogsSchema, parseMonitoringConfig, DEFAULT_CANARY_RUNTIME } from "./monitoringConfig";
export type { MonitoringConfigInput, MonitoringSettings, CanarySettings, ApiMonitoringSettings, SignerLogsInput } from "./monitoringConfig";
export { monitoringConfigProblems, type ConfiguredApi } from "./monitoringConfigProblems";
export { EdgeMonitoring, type EdgeMonitoringArgs, webAclNameOf, dashboardName } from "./edgeMonitoring";
export { EdgeCanary, type EdgeCanaryArgs, rateExpression } from "./edgeCanary";
export { SignerLogGroups, type SignerLogGroupsArgs, functionNameOf, signerLogGroupName } from "./signerLogGroups";
export { AlarmTopics, type AlarmTopicsArgs } from "./alarmTopics";
export { monitoredApis, type MonitoredApi, type CreatedApiDetails } from "./monitoredApis";
export { validateMonitoringArgs, type CheckedApi } from "./validateMonitoringArgs";
export { verificationOutput, apiProbe, type VerificationOutput, type VerificationInputs, type KnownBadExpectation, type ApiProbe, KNOWN_BAD_INPUTS, KNOWN_BAD_RULE } from "./verification";
export { rateLimitProbeSchema, rateLimitProbe, rateLimitProbeRule, probeToken, configuredRateLimitProbe, type RateLimitProbe, PROBE_RULE_NAME, PROBE_RULE_WCU, PROBE_PRIORITY } from "./rateLimitProbe";
export { dashboardBody, type DashboardInputs, type DashboardApi } from "./dashboardBody";
export * from "./alarmArgs";
export { ACCESS_LOG_FILTERS, filtersFor, accessLogFields, assumedRoleArnPattern } from "./accessLogFilters";
export { METRICS, metricRef, type MetricKey, type MetricSpec, type MetricRef, ACCESS_LOG_NAMESPACE } from "./metricCatalog";
export { REGIONAL_EDGE_CACHE_REGIONS } from "./edgeRegions";
export { canaryPolicy, artifactBucketPolicy, canaryName, CANARY_TRUST_POLICY } from "./canaryPolicy";
export { describeMonitoringPlan } from "./describeMonitoringPlan";
