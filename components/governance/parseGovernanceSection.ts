import { problemsFrom } from "../shared/schema/problems";
import { Problems } from "../shared/validation";
import { governanceSchema, GovernanceSettings } from "./schema";

/**
 * The `governance` section for parseStackConfig, which collects every problem of the stack before it throws:
 * the settings with their defaults, or the distributed model with the section's problems recorded.
 */
export function parseGovernanceSection(raw: unknown, problems: Problems, field = "governance"): GovernanceSettings {
  const input = raw ?? {};
  const result = governanceSchema.safeParse(input);
  if (result.success) return result.data;
  for (const p of problemsFrom(result.error.issues, input, [field])) problems.add(p.field, p.value, p.allowed);
  return { model: "distributed" };
}
