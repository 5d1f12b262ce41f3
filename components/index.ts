// Public API: the components, their argument types, the config parser and the stack-output contract.
export * from "./shared/types";
export * from "./shared/region";
export { ConfigError, Problems } from "./shared/validation";
export * from "./config/stackConfig";
export * from "./config/apis";
export * from "./config/signer";
export * from "./config/distribution";
export * from "./api/protectedApis";
export * from "./api/restApi";
export * from "./api/httpApi";
export * from "./api/webSocketApi";
export * from "./signer/edgeSigner";
export * from "./edge/edgeDistribution";
export * from "./edge/edgeProtection";
export * from "./contract/edgeStackOutputs";
export * from "./contract/apiEndpoints";
