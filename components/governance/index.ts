// The edge stack's side of the governance operating models: the `governance` section's schema, the pure
// decisions per model, and the contract of the security team's governance stack.
export * from "./models";
export * from "./scopeTag";
export * from "./schema";
export * from "./decisions";
export * from "./governStack";
export * from "./parseGovernedWaf";
export * from "./parseGovernanceSection";
export * from "./centralDrift";
export * from "./governanceStackOutputs";
