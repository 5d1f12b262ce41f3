/** The command line of `npm run verify`, parsed by node:util's parseArgs (unknown options are refused). */
import { parseArgs } from "node:util";
import { VerifyError } from "./report";

export interface VerifyOptions {
  /** Reads `pulumi stack output` of this stack, unless `outputsFile` is given. */
  readonly stack?: string;
  /** A file with `pulumi stack output --json`, for CI without the Pulumi CLI. */
  readonly outputsFile?: string;
  readonly json: boolean;
  /** How long to wait for the distribution to be Deployed. */
  readonly timeoutSec: number;
  readonly rateLimitProbe: boolean;
  /** How long the rate-limit probe may take, and how many requests it may send. */
  readonly probeTimeoutSec: number;
  readonly probeMaxRequests: number;
  readonly help: boolean;
}

export const USAGE = [
  "usage: npm run verify -- (--stack <name> | --outputs <file.json>) [--json] [--timeout <s>] [--rate-limit-probe]",
  "  --stack <name>         read the outputs with `pulumi stack output --json --show-secrets=false --stack <name>`",
  "  --outputs <file>       read them from a file written by that command (CI without the Pulumi CLI)",
  "  --json                 print the checks as JSON",
  "  --timeout <s>          wait at most this long for the distribution to be Deployed (default 900)",
  "  --rate-limit-probe     drive the stack's rate-limit probe rule until it answers 429 (monitoring.rateLimitProbe)",
  "  --probe-timeout <s>    at most this long for the probe (default 300); --probe-requests <n> at most n requests (default 200)",
].join("\n");

const STACK = /^[\w.\/-]{1,100}$/;

export function parseVerifyArgs(argv: readonly string[]): VerifyOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        stack: { type: "string" },
        outputs: { type: "string" },
        json: { type: "boolean", default: false },
        timeout: { type: "string", default: "900" },
        "rate-limit-probe": { type: "boolean", default: false },
        "probe-timeout": { type: "string", default: "300" },
        "probe-requests": { type: "string", default: "200" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new VerifyError(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} (see --help)`);
  }
  const options: VerifyOptions = {
    ...(values.stack !== undefined ? { stack: values.stack } : {}),
    ...(values.outputs !== undefined ? { outputsFile: values.outputs } : {}),
    json: values.json,
    timeoutSec: wholeNumber("--timeout", values.timeout, 1, 7200),
    rateLimitProbe: values["rate-limit-probe"],
    probeTimeoutSec: wholeNumber("--probe-timeout", values["probe-timeout"], 30, 1800),
    probeMaxRequests: wholeNumber("--probe-requests", values["probe-requests"], 11, 2000),
    help: values.help,
  };
  if (options.help) return options;
  if (options.stack === undefined && options.outputsFile === undefined) throw new VerifyError("--stack <name> or --outputs <file.json> is required (see --help)");
  if (options.stack !== undefined && !STACK.test(options.stack)) throw new VerifyError(`--stack ${JSON.stringify(options.stack)}: allowed: a stack name such as prod or org/project/prod`);
  return options;
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new VerifyError(`${flag} ${JSON.stringify(value)}: allowed: a whole number from ${min} to ${max}`);
  return n;
}
