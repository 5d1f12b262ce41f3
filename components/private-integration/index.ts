export { describePrivatePlan } from "./describePrivatePlan";
export { planPrivateIntegration } from "./planPrivateIntegration";
export type {
  PlannedAlb, PlannedNlb, PlannedNlbListener, PlannedService, PlannedVpcLink, PlanProblem, PrivatePlan, QuotaUsage, ServiceRoute,
} from "./privatePlan";
export { PrivateMicroservices } from "./privateMicroservices";
export type { PrivateMicroservicesArgs, PrivateServiceOutput } from "./privateMicroservices";
export { privateIntegrationSchema } from "./privateIntegrationSchema";
export { ALB_LISTENER_PORT, DEFAULT_QUOTAS, PRIVATE_TOPOLOGIES, serviceTarget } from "./settings";
export type {
  CreatedVpcSettings, ExistingVpcSettings, PrivateApiStageSettings, PrivateIntegrationInput, PrivateIntegrationSettings, PrivateQuotas, PrivateServiceSettings, PrivateTopology,
  PrivateVpcSettings, ServiceProtocol, ServiceTarget, TargetType,
} from "./settings";
