// The offline plan: runs the real program (index.ts) under Pulumi's mock runtime, fed by Pulumi.<stack>.yaml,
// and shows a reviewer everything it would create. Needs no AWS credentials and no Pulumi CLI. `--help` says how.
import { parseArgs } from "node:util";
import { comparePlans, formatComparison } from "./plan/compare";
import { mermaidDiagram } from "./plan/diagram";
import { stackFailure } from "./plan/formatProblems";
import { planJson } from "./plan/json";
import { planModel, type PlanModel } from "./plan/model";
import { PROJECT_DIR, runProgram } from "./plan/runProgram";
import { formatPlanText } from "./plan/text";
import { runCommand } from "./plan/runCommand";

export const HELP = `usage: npm run plan -- [--stack <name>] [--json | --diagram] [--compare <other stack>]

  --stack <name>      the stack file Pulumi.<name>.yaml to plan (default: dev)
  --json              everything as JSON: every resource with all its inputs (secrets masked), routes, IAM,
                      WAF, Shield, private integration, cost, notes and outputs (npm run -s keeps npm quiet)
  --diagram           the stack as a Mermaid flowchart
  --compare <other>   what --stack has that <other> has not, and what differs (resources, routes, WAF, Shield, cost)
  --help              this text

exit codes: 0 the plan was printed; 1 the stack's config is invalid or its file is missing (every problem is
printed, with file:line:column); 2 the command line is wrong.`;

/** Options npm swallows when they come before `--` (it sets npm_config_<name> instead of passing them on). */
const NPM_SWALLOWED = ["stack", "json", "diagram", "compare"];

class UsageError extends Error {}

interface Options {
  readonly stack: string;
  readonly json: boolean;
  readonly diagram: boolean;
  readonly compare?: string;
  readonly help: boolean;
}

export function parsePlanArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Options {
  if (argv.length === 0) {
    const swallowed = NPM_SWALLOWED.filter((name) => env[`npm_config_${name}`] !== undefined);
    if (swallowed.length > 0) {
      throw new UsageError(`npm took ${swallowed.map((n) => `--${n}`).join(", ")} as its own option; put the plan's options after --: npm run plan -- ${swallowed.map((n) => `--${n}${env[`npm_config_${n}`] === "true" ? "" : ` ${env[`npm_config_${n}`]}`}`).join(" ")}`);
    }
  }
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { stack: { type: "string", default: "dev" }, json: { type: "boolean", default: false }, diagram: { type: "boolean", default: false }, compare: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (values.json && values.diagram) throw new UsageError("--json and --diagram are two outputs; choose one");
    return { stack: values.stack, json: values.json, diagram: values.diagram, compare: values.compare, help: values.help };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${HELP}`);
  }
}

async function plan(stack: string): Promise<PlanModel> {
  return planModel(stack, await runProgram(stack));
}

/** Where the plan writes: the process's streams, or a test's. */
export interface PlanIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours only then). */
  readonly tty: boolean;
}

const PROCESS_IO: PlanIo = { out: (t) => console.log(t), err: (t) => console.error(t), env: process.env, tty: Boolean(process.stdout.isTTY) };

/** The command: prints the plan (or the help, a comparison, JSON, a diagram) and returns the exit code. */
export async function main(argv: readonly string[], io: PlanIo = PROCESS_IO): Promise<number> {
  let options: Options;
  try {
    options = parsePlanArgs(argv, io.env);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (options.help) {
    io.out(HELP);
    return 0;
  }
  let model: PlanModel;
  let base: PlanModel | undefined;
  let planning = options.stack;
  try {
    model = await plan(planning);
    if (options.compare) base = await plan((planning = options.compare));
  } catch (error) {
    const failure = stackFailure(error, PROJECT_DIR, planning);
    if (failure === undefined) throw error;
    io.err(failure);
    return 1;
  }
  if (base) {
    const comparison = comparePlans(base, model);
    io.out(options.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
  } else if (options.json) {
    io.out(JSON.stringify(planJson(model), null, 2));
  } else if (options.diagram) {
    io.out(mermaidDiagram(model));
  } else {
    io.out(formatPlanText(model, { color: io.tty && io.env.NO_COLOR === undefined }));
  }
  return 0;
}

if (require.main === module) runCommand((argv) => main(argv));
