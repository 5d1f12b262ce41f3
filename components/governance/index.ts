// The edge stack's side of the governance operating models: the `governance` section's schema, the pure
// decisions per model, the `waf` and `shield` sections under a model, and the governance stack's contract.
export * from "./models";
export * from "./scopeTag";
export * from "./schema";
export * from "./decisions";
export * from "./governanceIssue";
export * from "./governedWafSchema";
export * from "./governedShieldIssues";
export * from "./governedShieldSchema";
export * from "./describeGovernance";
export * from "./centralDrift";
export * from "./governanceStackCheck";
export * from "./governanceStackOutputs";
