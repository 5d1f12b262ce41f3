export { EdgeShield, EdgeShieldArgs } from "./shield";
export { parseShieldConfig, SHIELD_CONFIG_KEYS } from "./config";
export { describeShieldPlan } from "./describeShieldPlan";
export { validateShieldArgs, ShieldArgsGiven } from "./validateShieldArgs";
export * from "./settings";
