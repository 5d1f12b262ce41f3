// Offline plan: runs the real program under Pulumi's mock runtime, fed by Pulumi.<stack>.yaml, and
// prints every resource it would create, grouped by component, then the stack outputs.
// Usage: npm run plan -- [--stack dev] [--json]. Needs no AWS credentials and no Pulumi CLI.
import { ConfigError } from "../components/shared/validation";
import { describeResources, formatPlan } from "./plan/describe";
import { formatConfigError } from "./plan/formatProblems";
import { planNotes } from "./plan/notes";
import { PROJECT_DIR, runProgram } from "./plan/runProgram";
import { loadStackFile, type StackFile } from "./plan/stackFiles";

const USAGE = "usage: npm run plan -- [--stack <name>] [--json]";

function parseArgs(argv: readonly string[]): { stack: string; json: boolean } {
  let stack = "dev";
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") json = true;
    else if (argv[i] === "--stack" && argv[i + 1] && !argv[i + 1].startsWith("--")) stack = argv[++i];
    else throw new Error(`unexpected argument ${JSON.stringify(argv[i])}; ${USAGE}`);
  }
  return { stack, json };
}

async function main(): Promise<number> {
  const { stack, json } = parseArgs(process.argv.slice(2));
  let run;
  try {
    run = await runProgram(stack);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    let stackFile: StackFile | undefined;
    try {
      stackFile = loadStackFile(PROJECT_DIR, stack);
    } catch {
      // The file itself is what failed (a YAML error carries its own position).
    }
    console.error(formatConfigError(error, stackFile));
    return 1;
  }
  const resources = describeResources(run.recorder.resources);
  const notes = planNotes(run.config);
  console.log(json ? JSON.stringify({ stack, resources, outputs: run.outputs, notes }, null, 2) : formatPlan(stack, resources, run.outputs, notes));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
