import { authorizationHeaderProblems } from "../../edge-functions/sigv4-signer/src/settings";
import { Problems, isIntIn, oneOf } from "../shared/validation";

/** Runtimes Lambda@Edge accepts for this Node.js bundle. */
export const EDGE_RUNTIMES = ["nodejs22.x", "nodejs20.x"] as const;
export type EdgeRuntime = (typeof EDGE_RUNTIMES)[number];

/** Lambda@Edge origin-request limits: memory as for regional Lambda, timeout at most 30 s. */
export const EDGE_MEMORY_MB = { min: 128, max: 10240 };
export const EDGE_TIMEOUT_SECONDS = { min: 1, max: 30 };

export interface SignerConfig {
  readonly runtime: EdgeRuntime;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Header that carries the viewer's own Authorization to the origin. */
  readonly authorizationHeader: string;
  /** Keep the function when the stack is destroyed, since replicas outlive the distribution for hours. */
  readonly retainOnDelete: boolean;
}

export const SIGNER_DEFAULTS: SignerConfig = {
  runtime: "nodejs22.x",
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

export function parseSigner(raw: RawSignerConfig, problems: Problems): SignerConfig {
  const runtime = raw.signerRuntime ?? SIGNER_DEFAULTS.runtime;
  problems.check(EDGE_RUNTIMES.includes(runtime as EdgeRuntime), "signerRuntime", runtime, `${oneOf(EDGE_RUNTIMES)} (Lambda@Edge Node.js runtimes)`);
  const architecture = raw.signerArchitecture ?? "x86_64";
  problems.check(architecture === "x86_64", "signerArchitecture", architecture, 'allowed: "x86_64" (Lambda@Edge does not support arm64)');
  const memoryMb = raw.signerMemoryMb ?? SIGNER_DEFAULTS.memoryMb;
  problems.check(isIntIn(memoryMb, EDGE_MEMORY_MB), "signerMemoryMb", memoryMb, `allowed: a whole number of MB from ${EDGE_MEMORY_MB.min} to ${EDGE_MEMORY_MB.max}`);
  const timeoutSeconds = raw.signerTimeoutSeconds ?? SIGNER_DEFAULTS.timeoutSeconds;
  problems.check(isIntIn(timeoutSeconds, EDGE_TIMEOUT_SECONDS), "signerTimeoutSeconds", timeoutSeconds, `allowed: a whole number of seconds from ${EDGE_TIMEOUT_SECONDS.min} to ${EDGE_TIMEOUT_SECONDS.max} (Lambda@Edge origin-request limit)`);
  const authorizationHeader = raw.authorizationHeader ?? SIGNER_DEFAULTS.authorizationHeader;
  // The signer's own validator is the one source of truth for which headers it may set.
  for (const problem of authorizationHeaderProblems(authorizationHeader)) {
    problems.add(problem.field, problem.value, problem.allowed);
  }
  const retainOnDelete = raw.signerRetainOnDelete ?? SIGNER_DEFAULTS.retainOnDelete;
  problems.check(typeof retainOnDelete === "boolean", "signerRetainOnDelete", retainOnDelete, "allowed: true or false");
  return {
    runtime: runtime as EdgeRuntime,
    memoryMb: Number(memoryMb),
    timeoutSeconds: Number(timeoutSeconds),
    authorizationHeader: String(authorizationHeader),
    retainOnDelete: retainOnDelete !== false,
  };
}
