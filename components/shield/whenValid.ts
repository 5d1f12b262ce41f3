import type { z } from "zod";

/**
 * `superRefine` params: the cross-field check runs only when none of `keys` (nor anything under them) has a
 * problem yet. zod's own default skips a check only after type errors, so a value out of range would
 * otherwise reach the check and give a second problem for one mistake.
 */
export function whenValid(...keys: readonly string[]): z.core.$ZodSuperRefineParams {
  // An issue without a path is the object's own (not an object at all): nothing to check then either.
  return { when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === undefined || keys.includes(String(issue.path[0]))) };
}
