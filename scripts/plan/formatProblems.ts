import { ConfigError, describeValue, Problem } from "../../components/shared/validation";
import { GovernanceDriftError } from "../../components/governance/governanceStackCheck";
import { loadStackFile, StackFileError, type StackFile } from "./stackFiles";

/**
 * A config error as a reviewer reads it: one line per problem, `Pulumi.<stack>.yaml:LINE:COL field: got ...;
 * allowed ...`, located by the problem's path (or, for a problem that names its field only, by that name).
 */
export function formatConfigError(error: ConfigError, stackFile: StackFile | undefined): string {
  const lines = error.problems.map((p) => {
    const where = stackFile ? stackFile.locate(pathOf(p)) : "";
    return `${where ? `${where} ` : ""}${p.field}: got ${describeValue(p.value)}; ${p.allowed}`;
  });
  const count = `${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}`;
  return [`${stackFile ? `${stackFile.file}: ` : ""}${error.subject}: ${count}`, ...lines.map((l) => `  ${l}`)].join("\n");
}

/** `apis[2].throttle.rateLimit` -> `["apis", 2, "throttle", "rateLimit"]`. */
export function pathOf(problem: Problem): readonly (string | number)[] {
  if (problem.path) return problem.path;
  return [...problem.field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/**
 * What a plan command prints for a stack it cannot run: a missing or broken stack file, its config's problems
 * with their positions, or a governance.central that differs from the governance stack; undefined for any other
 * error, which is a defect to rethrow.
 */
export function stackFailure(error: unknown, projectDir: string, stack: string): string | undefined {
  if (error instanceof StackFileError || error instanceof GovernanceDriftError) return error.message;
  if (!(error instanceof ConfigError)) return undefined;
  let stackFile: StackFile | undefined;
  try {
    stackFile = loadStackFile(projectDir, stack);
  } catch {
    // The file itself is what failed (a YAML error carries its own position).
  }
  return formatConfigError(error, stackFile);
}
