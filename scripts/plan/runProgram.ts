import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { MockRecorder, installMocks, settle } from "../../test/support/mocks";
import { secretStandIn } from "./secretExamples";
import { MASK } from "./secrets";
import { loadStackFile, type StackFile } from "./stackFiles";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");
const PROGRAM = path.join(PROJECT_DIR, "index.ts");

export interface ProgramRun {
  readonly recorder: MockRecorder;
  /** The program's exports, resolved. */
  readonly outputs: Record<string, unknown>;
  /** The config the program ran with (keys with namespace, values as Pulumi provides them). */
  readonly config: Readonly<Record<string, string>>;
  /** The stack file it came from, for positions and secrets. */
  readonly stackFile: StackFile;
}

/**
 * Runs the real program (`index.ts`) under the mock runtime with a stack's config, optionally changed
 * by `edit` (keys with namespace, string values as Pulumi provides them). A ConfigError propagates.
 */
export async function runProgram(
  stack: string,
  edit?: (config: Record<string, string>) => void,
  recorder: MockRecorder = installMocks("edge-security", stack),
): Promise<ProgramRun> {
  const stackFile = loadStackFile(PROJECT_DIR, stack, secretStandIn);
  const config = { ...stackFile.values };
  edit?.(config);
  pulumi.runtime.setAllConfig(config, [...stackFile.secretKeys]);
  delete require.cache[require.resolve(PROGRAM)];
  // require, not import(): the program is CommonJS, and the test runner's loader registers TypeScript for require only.
  const program: Record<string, unknown> = require(PROGRAM);
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(program)) {
    // Like the engine: nested Outputs are resolved and undefined exports are not outputs at all.
    const output: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<Record<string, unknown>>);
    const resolved = await new Promise<unknown>((resolve) => output.apply((v) => { resolve(v); return v; }));
    // A secret output is shown as the engine shows it, never in clear.
    const secret = await (output as unknown as { isSecret: Promise<boolean> }).isSecret;
    if (resolved !== undefined) outputs[key] = secret ? MASK : resolved;
  }
  await settle();
  return { recorder, outputs, config, stackFile };
}
