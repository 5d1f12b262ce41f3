import { signerSettingsProblems } from "../../edge-functions/sigv4-signer/src/settings";
import { creatableRuntimes, DEFAULT_NODE_RUNTIME, runtimeRefusal } from "../shared/lambdaRuntimes";
import { Problems, isIntIn, oneOf } from "../shared/validation";

/** Lambda@Edge origin-request limits: memory as for regional Lambda, timeout at most 30 s. */
export const EDGE_MEMORY_MB = { min: 128, max: 10240 };
export const EDGE_TIMEOUT_SECONDS = { min: 1, max: 30 };

export interface SignerConfig {
  /** A Node.js runtime Lambda still creates functions on (`lambdaRuntimes.ts`). */
  readonly runtime: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Header that carries the viewer's own Authorization to the origin. */
  readonly authorizationHeader: string;
  /** Keep the function when the stack is destroyed, since replicas outlive the distribution for hours. */
  readonly retainOnDelete: boolean;
}

export const SIGNER_DEFAULTS: SignerConfig = {
  runtime: DEFAULT_NODE_RUNTIME,
  memoryMb: 128,
  timeoutSeconds: 5,
  authorizationHeader: "x-forwarded-authorization",
  retainOnDelete: true,
};

/** Raw flat config keys (`edge-security:signer*`), already JSON-decoded. */
export interface RawSignerConfig {
  readonly signerRuntime?: unknown;
  readonly signerMemoryMb?: unknown;
  readonly signerTimeoutSeconds?: unknown;
  readonly signerArchitecture?: unknown;
  readonly authorizationHeader?: unknown;
  readonly signerRetainOnDelete?: unknown;
}

/** `now` decides which runtimes Lambda still creates functions on. */
export function parseSigner(raw: RawSignerConfig, problems: Problems, now: Date = new Date()): SignerConfig {
  const runtime = raw.signerRuntime ?? SIGNER_DEFAULTS.runtime;
  const refusal = typeof runtime === "string" ? runtimeRefusal(runtime, now) : undefined;
  const allowed = creatableRuntimes(now);
  problems.check(
    refusal === undefined && allowed.includes(runtime as string),
    "signerRuntime",
    runtime,
    `${refusal ? `${refusal}; ` : ""}${oneOf(allowed)} (Node.js runtimes Lambda@Edge runs)`,
  );
  const architecture = raw.signerArchitecture ?? "x86_64";
  problems.check(architecture === "x86_64", "signerArchitecture", architecture, 'allowed: "x86_64" (Lambda@Edge does not support arm64)');
  const memoryMb = raw.signerMemoryMb ?? SIGNER_DEFAULTS.memoryMb;
  problems.check(isIntIn(memoryMb, EDGE_MEMORY_MB), "signerMemoryMb", memoryMb, `allowed: a whole number of MB from ${EDGE_MEMORY_MB.min} to ${EDGE_MEMORY_MB.max}`);
  const timeoutSeconds = raw.signerTimeoutSeconds ?? SIGNER_DEFAULTS.timeoutSeconds;
  problems.check(isIntIn(timeoutSeconds, EDGE_TIMEOUT_SECONDS), "signerTimeoutSeconds", timeoutSeconds, `allowed: a whole number of seconds from ${EDGE_TIMEOUT_SECONDS.min} to ${EDGE_TIMEOUT_SECONDS.max} (Lambda@Edge origin-request limit)`);
  const authorizationHeader = raw.authorizationHeader ?? SIGNER_DEFAULTS.authorizationHeader;
  // The signer's own validator is the one source of truth for which headers it may set.
  for (const problem of signerSettingsProblems({ customDomains: {}, authorizationHeader: authorizationHeader as string })) {
    problems.add(problem.field, problem.value, problem.allowed);
  }
  const retainOnDelete = raw.signerRetainOnDelete ?? SIGNER_DEFAULTS.retainOnDelete;
  problems.check(typeof retainOnDelete === "boolean", "signerRetainOnDelete", retainOnDelete, "allowed: true or false");
  return {
    runtime: String(runtime),
    memoryMb: Number(memoryMb),
    timeoutSeconds: Number(timeoutSeconds),
    authorizationHeader: String(authorizationHeader),
    retainOnDelete: retainOnDelete !== false,
  };
}
