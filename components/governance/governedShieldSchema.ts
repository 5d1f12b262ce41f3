import { z } from "zod";
import { ShieldSettings } from "../shield/settings";
import { shieldKeySchema } from "../shield/shieldSchema";
import { governanceDecisions } from "./decisions";
import { governedShieldIssues } from "./governedShieldIssues";
import { GovernanceSettings } from "./schema";

/** The stack file's `shield` key under `governance`: Shield's own schema, and what the model rules out. */
export function governedShieldSchema(now: Date, governance: GovernanceSettings): z.ZodType<ShieldSettings, unknown> {
  const decisions = governanceDecisions(governance);
  return shieldKeySchema(now).superRefine((shield, ctx) => {
    for (const issue of governedShieldIssues(decisions, shield)) ctx.addIssue({ code: "custom", path: [...issue.path], input: issue.input, message: issue.message });
  });
}
