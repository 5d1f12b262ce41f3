/** One line per check: status, name and evidence; or the same as JSON for CI. */

export type CheckStatus = "pass" | "fail" | "skip";

export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  /** What was seen, in one line: never a secret, a signature or a response body beyond an error message. */
  readonly evidence: string;
}

/** A problem that ends the run before any check: bad arguments, no outputs, no credentials. One line, no stack trace. */
export class VerifyError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = "VerifyError";
  }
}

export const pass = (name: string, evidence: string): CheckResult => ({ name, status: "pass", evidence });
export const fail = (name: string, evidence: string): CheckResult => ({ name, status: "fail", evidence });
export const skip = (name: string, evidence: string): CheckResult => ({ name, status: "skip", evidence });

/** Exit 0 only when no check failed (skipped checks are those that do not apply to the stack). */
export function exitCodeOf(results: readonly CheckResult[]): number {
  return results.some((r) => r.status === "fail") ? 1 : 0;
}

export function formatLine(result: CheckResult): string {
  return `${result.status.toUpperCase().padEnd(4)}  ${result.name}: ${result.evidence}`;
}

export function formatSummary(results: readonly CheckResult[]): string {
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  return `${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`;
}

export function formatJson(stack: string | undefined, results: readonly CheckResult[]): string {
  return JSON.stringify({ stack: stack ?? null, ok: exitCodeOf(results) === 0, checks: results }, null, 2);
}
