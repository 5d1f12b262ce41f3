// Offline plan of the governance program: runs governance/index.ts under Pulumi's mock runtime, fed by
// governance/Pulumi.<stack>.yaml, and prints its resources, the central policy with its WCU and the outputs.
// Needs no AWS credentials and no Pulumi CLI. `--help` says how.
import { parseArgs } from "node:util";
import { describeResources } from "../scripts/plan/describe";
import { stackFailure } from "../scripts/plan/formatProblems";
import { ProgramProject, runProgram, type ProgramRun } from "../scripts/plan/runProgram";
import { outputLines, resourceLines } from "../scripts/plan/text";
import { planCentralPolicy } from "./components/centralPolicy";
import { parseGovernanceConfig } from "./components/config";
import { describeGovernancePlan } from "./components/describeGovernancePlan";
import { runCommand } from "../scripts/plan/runCommand";

export const GOVERNANCE_PROJECT: ProgramProject = { dir: __dirname, name: "edge-governance" };

export const HELP = `usage: npm run plan:governance -- [--stack <name>] [--json]

  --stack <name>   the stack file governance/Pulumi.<name>.yaml to plan (default: dev)
  --json           resources, outputs and the central policy's notes as JSON (npm run -s keeps npm quiet)
  --help           this text

exit codes: 0 the plan was printed; 1 the stack's config is invalid or its file is missing (every problem is
printed, with file:line:column); 2 the command line is wrong.`;

/** Where the plan writes: the process's streams, or a test's. */
export interface GovernancePlanIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const PROCESS_IO: GovernancePlanIo = { out: (t) => console.log(t), err: (t) => console.error(t) };

/** The command: prints the governance program's plan (or the help) and returns the exit code. */
export async function main(argv: readonly string[], io: GovernancePlanIo = PROCESS_IO): Promise<number> {
  let options: { stack: string; json: boolean; help: boolean };
  try {
    options = parseArgs({
      args: [...argv],
      options: { stack: { type: "string", default: "dev" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${HELP}`);
    return 2;
  }
  if (options.help) {
    io.out(HELP);
    return 0;
  }
  let run: ProgramRun;
  try {
    run = await runProgram(options.stack, undefined, undefined, GOVERNANCE_PROJECT);
  } catch (error) {
    const failure = stackFailure(error, GOVERNANCE_PROJECT.dir, options.stack);
    if (failure === undefined) throw error;
    io.err(failure);
    return 1;
  }
  const config = parseGovernanceConfig(run.config);
  const notes = describeGovernancePlan(config, config.waf ? planCentralPolicy(config.waf) : { first: [], last: [], wcu: 0 });
  const resources = describeResources(run.recorder.resources);
  if (options.json) {
    io.out(JSON.stringify({ stack: options.stack, resources, outputs: run.outputs, notes }, null, 2));
  } else {
    const heading = `Plan for governance stack "${options.stack}" (offline, Pulumi mock runtime): ${resources.length} resources`;
    io.out([heading, "", "Resources by component", ...resourceLines(resources), "", ...notes, "", "Outputs", ...outputLines(run.outputs)].join("\n"));
  }
  return 0;
}

if (require.main === module) runCommand((argv) => main(argv));
