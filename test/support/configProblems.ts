import { strict as assert } from "node:assert";
import { ConfigError } from "../../components/shared/validation";

/** The problems `run` refuses its input with, as `[field, value, allowed]`; fails unless it throws one ConfigError. */
export function configProblems(run: () => unknown): [string, unknown, string][] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => [p.field, p.value, p.allowed]);
  }
  assert.fail("expected a ConfigError");
}
