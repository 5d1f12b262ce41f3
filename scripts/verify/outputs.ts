/**
 * The stack outputs verify reads: from `pulumi stack output --json --show-secrets=false`, or a file holding them.
 * Only the fields verify needs are checked; a stack without `verification` gets the checks that need no config.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { VerificationOutput } from "../../components/monitoring/verification";
import type { ApiEndpoint } from "../../components/contract/edgeStackOutputs";
import { VerifyError } from "./report";

const endpoint = z.object({
  kind: z.enum(["REST", "HTTP", "WEBSOCKET"]),
  apiId: z.string(),
  stage: z.string(),
  region: z.string(),
  edgeUrl: z.string().url(),
  directUrl: z.string().url(),
});
const probe = z.object({ path: z.string(), expectStatus: z.number().int().optional() });
const verification = z.object({
  waf: z.object({ mode: z.enum(["enforce", "count"]), ruleNames: z.array(z.string()), knownBad: z.enum(["json-403", "waf-403", "passes", "firewall-manager"]) }).optional(),
  rateLimitProbe: z.object({ headerName: z.string(), token: z.string(), limit: z.number(), windowSec: z.number(), ruleName: z.string() }).optional(),
  webAclOwner: z.literal("firewall-manager").optional(),
  shield: z.object({ automaticResponse: z.enum(["BLOCK", "COUNT", "DISABLED"]), healthCheck: z.boolean() }).optional(),
  probes: z.record(z.string(), probe),
});
const outputsSchema = z.object({
  distributionId: z.string(),
  distributionArn: z.string(),
  edgeUrl: z.string(),
  apis: z.record(z.string(), endpoint),
  webAclArn: z.string().optional(),
  shield: z.object({ protectionId: z.string().optional(), alarmTopicArn: z.string().optional(), healthCheckId: z.string().optional() }).optional(),
  verification: verification.optional(),
});

export interface StackOutputs {
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly edgeUrl: string;
  readonly apis: Readonly<Record<string, ApiEndpoint>>;
  readonly webAclArn?: string;
  readonly shield?: { readonly protectionId?: string; readonly alarmTopicArn?: string; readonly healthCheckId?: string };
  readonly verification?: VerificationOutput;
}

export interface OutputSources {
  /** @default reads the file */
  readonly readText?: (file: string) => Promise<string>;
  /** Runs `pulumi <args>` and resolves its stdout. @default the Pulumi CLI */
  readonly pulumi?: (args: readonly string[]) => Promise<string>;
}

export async function loadOutputs(options: { readonly stack?: string; readonly outputsFile?: string }, sources: OutputSources = {}): Promise<StackOutputs> {
  let text: string;
  if (options.outputsFile !== undefined) {
    const read = sources.readText ?? ((file: string) => readFile(file, "utf8"));
    text = await read(options.outputsFile).catch((error: NodeJS.ErrnoException) => {
      throw new VerifyError(`cannot read --outputs ${options.outputsFile}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
    });
  } else {
    const run = sources.pulumi ?? runPulumi;
    text = await run(["stack", "output", "--json", "--show-secrets=false", "--stack", options.stack!]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new VerifyError("the stack outputs are not JSON: write them with `pulumi stack output --json --show-secrets=false`");
  }
  const result = outputsSchema.safeParse(parsed);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.join(".") || "(outputs)"))];
    throw new VerifyError(`the stack outputs lack or misstate ${fields.join(", ")}: is this an edge-security stack, deployed?`);
  }
  return result.data;
}

function runPulumi(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("pulumi", [...args], { maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(new VerifyError("the Pulumi CLI is not installed: pass --outputs <file> written by `pulumi stack output --json --show-secrets=false`"));
      }
      const reason = stderr.trim().split("\n").find((l) => l.trim() !== "") ?? error.message;
      reject(new VerifyError(`pulumi stack output failed: ${reason.replace(/^error:\s*/i, "")}`));
    });
  });
}
