import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { MockRecorder, installMocks, settle } from "../../test/support/mocks";
import { secretStandIn } from "./secretExamples";
import { MASK } from "./secrets";
import { loadStackFile, type StackFile } from "./stackFiles";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");

/** A Pulumi project the runner can run: its directory (with `Pulumi.yaml` and `index.ts`) and its name. */
export interface ProgramProject {
  readonly dir: string;
  readonly name: string;
}
export const EDGE_PROJECT: ProgramProject = { dir: PROJECT_DIR, name: "edge-security" };

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
 * Runs a project's real program (`index.ts`, the edge stack's by default) under the mock runtime with a
 * stack's config, optionally changed by `edit` (keys with namespace, string values as Pulumi provides
 * them). A ConfigError propagates.
 */
export async function runProgram(
  stack: string,
  edit?: (config: Record<string, string>) => void,
  recorder?: MockRecorder,
  project: ProgramProject = EDGE_PROJECT,
): Promise<ProgramRun> {
  recorder ??= installMocks(project.name, stack);
  const programFile = path.join(project.dir, "index.ts");
  const stackFile = loadStackFile(project.dir, stack, secretStandIn);
  const config = { ...stackFile.values };
  edit?.(config);
  pulumi.runtime.setAllConfig(config, [...stackFile.secretKeys]);
  // A resource whose dependency rejects (a failed deploy-time check) fails the update, as the engine would: the
  // rejection is this run's error instead of an unhandled one.
  return failOnUnhandledRejection(async () => {
    delete require.cache[require.resolve(programFile)];
    // require, not import(): the program is CommonJS, and the test runner's loader registers TypeScript for require only.
    const program: Record<string, unknown> = require(programFile);
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
    return { recorder: recorder!, outputs, config, stackFile };
  });
}

/** Runs `body`, rejecting with the first promise rejection nobody handled meanwhile (other listeners set aside). */
async function failOnUnhandledRejection<T>(body: () => Promise<T>): Promise<T> {
  const saved = process.listeners("unhandledRejection");
  let capture: (reason: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    capture = reject;
  });
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", capture);
  try {
    return await Promise.race([body(), failure]);
  } finally {
    process.removeListener("unhandledRejection", capture);
    for (const listener of saved) process.on("unhandledRejection", listener);
  }
}
