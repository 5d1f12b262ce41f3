// Offline plan of the governance program: runs governance/index.ts under Pulumi's mock runtime, fed by
// governance/Pulumi.<stack>.yaml, and prints its resources, the central policy with its WCU and the outputs.
// Usage: npm run plan:governance -- [--stack dev] [--json]. Needs no AWS credentials and no Pulumi CLI.
import { ConfigError } from "../components/shared/validation";
import { describeResources, formatPlan } from "../scripts/plan/describe";
import { formatConfigError } from "../scripts/plan/formatProblems";
import { ProgramProject, runProgram } from "../scripts/plan/runProgram";
import { loadStackFile, type StackFile } from "../scripts/plan/stackFiles";
import { planCentralPolicy } from "./components/centralPolicy";
import { parseGovernanceConfig } from "./components/config";
import { describeGovernancePlan } from "./components/describeGovernancePlan";

export const GOVERNANCE_PROJECT: ProgramProject = { dir: __dirname, name: "edge-governance" };
const USAGE = "usage: npm run plan:governance -- [--stack <name>] [--json]";

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
    run = await runProgram(stack, undefined, undefined, GOVERNANCE_PROJECT);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    let stackFile: StackFile | undefined;
    try {
      stackFile = loadStackFile(GOVERNANCE_PROJECT.dir, stack);
    } catch {
      // The file itself is what failed (a YAML error carries its own position).
    }
    console.error(formatConfigError(error, stackFile));
    return 1;
  }
  const config = parseGovernanceConfig(run.config);
  const notes = describeGovernancePlan(config, config.waf ? planCentralPolicy(config.waf) : { first: [], last: [], wcu: 0 });
  const resources = describeResources(run.recorder.resources);
  console.log(json ? JSON.stringify({ stack, resources, outputs: run.outputs, notes }, null, 2) : formatPlan(stack, resources, run.outputs, notes));
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
