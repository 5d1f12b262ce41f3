// Offline plan: runs the real program under Pulumi's mock runtime, fed by Pulumi.<stack>.yaml, and
// prints every resource it would create, grouped by component, then the stack outputs.
// Usage: npm run plan -- [--stack dev] [--json]. Needs no AWS credentials and no Pulumi CLI.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../components/shared/validation";
import { installMocks, settle } from "../test/support/mocks";
import { describeResources, formatPlan } from "./plan/describe";
import { loadStackConfig } from "./plan/stackFiles";

const PROJECT_DIR = path.resolve(__dirname, "..");

function parseArgs(argv: readonly string[]): { stack: string; json: boolean } {
  const stackAt = argv.indexOf("--stack");
  const stack = stackAt >= 0 ? argv[stackAt + 1] : "dev";
  if (!stack) throw new Error("--stack needs a stack name, e.g. --stack prod");
  return { stack, json: argv.includes("--json") };
}

async function resolveOutputs(program: Record<string, unknown>): Promise<Record<string, unknown>> {
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(program)) {
    outputs[key] = pulumi.Output.isInstance(value) ? await new Promise((resolve) => value.apply((v) => { resolve(v); return v; })) : value;
  }
  return outputs;
}

async function main(): Promise<number> {
  const { stack, json } = parseArgs(process.argv.slice(2));
  const recorder = installMocks("edge-security", stack);
  pulumi.runtime.setAllConfig(loadStackConfig(PROJECT_DIR, stack));
  let program: Record<string, unknown>;
  try {
    program = await import(path.join(PROJECT_DIR, "index"));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Pulumi.${stack}.yaml: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const outputs = await resolveOutputs(program);
  await settle();
  const resources = describeResources(recorder.resources);
  const notes: string[] = [];
  console.log(json ? JSON.stringify({ stack, resources, outputs, notes }, null, 2) : formatPlan(stack, resources, outputs, notes));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
