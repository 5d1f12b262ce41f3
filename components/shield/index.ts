export { EdgeShield } from "./shield";
export type { EdgeShieldArgs } from "./shield";
export { parseShieldConfig, SHIELD_CONFIG_KEYS } from "./config";
export { describeShieldPlan } from "./describeShieldPlan";
export { validateShieldArgs } from "./validateShieldArgs";
export type { ShieldArgsGiven } from "./validateShieldArgs";
export * from "./settings";
