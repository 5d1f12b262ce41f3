export { EdgeShield } from "./shield";
export type { EdgeShieldArgs } from "./shield";
export { SHIELD_OFF, shieldKeySchema, shieldSchema } from "./shieldSchema";
export { shieldWarnings } from "./shieldWarnings";
export { describeShieldPlan } from "./describeShieldPlan";
export { validateShieldArgs } from "./validateShieldArgs";
export type { ShieldArgsGiven } from "./validateShieldArgs";
export * from "./settings";
