import { describeBillables, type Billables } from "../../components/cost";
import { runProgram } from "../../scripts/plan/runProgram";
import { programRun } from "../program/programRuns";

export interface PlannedStack {
  readonly billables: Billables;
  /** The config the program ran with (namespaced keys, JSON values). */
  readonly config: Readonly<Record<string, string>>;
}

const NS = "edge-security";
const runs = new Map<string, Promise<PlannedStack>>();

/**
 * A stack's billables from the real program under mocks, run once per stack and edit for all the cost specs
 * (each run takes seconds). `edit` sets keys without their namespace to values as the stack file would give them.
 */
export function planned(stack: "dev" | "prod", edit: Readonly<Record<string, unknown>> = {}): Promise<PlannedStack> {
  const key = `${stack} ${JSON.stringify(edit)}`;
  let run = runs.get(key);
  if (!run) {
    // The unedited stacks are the program specs' own runs.
    const program = Object.keys(edit).length === 0 ? programRun(stack) : runProgram(stack, (config) => {
      for (const [k, value] of Object.entries(edit)) config[`${NS}:${k}`] = JSON.stringify(value);
    });
    run = program.then((r) => ({ billables: describeBillables(r.recorder.resources), config: r.config }));
    runs.set(key, run);
  }
  return run;
}
