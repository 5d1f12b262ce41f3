import { ProgramRun, runProgram } from "../../scripts/plan/runProgram";

const runs = new Map<string, Promise<ProgramRun>>();

/** The example stack's unedited program run, once for all program specs (each run takes seconds). Read it, never change it. */
export function programRun(stack: "dev" | "prod"): Promise<ProgramRun> {
  let run = runs.get(stack);
  if (!run) {
    run = runProgram(stack);
    runs.set(stack, run);
  }
  return run;
}
