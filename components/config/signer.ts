import { z } from "zod";
import { authorizationHeaderProblems, DEFAULT_AUTHORIZATION_HEADER } from "../../edge-functions/sigv4-signer/src/settings";
import { creatableRuntimes, DEFAULT_NODE_RUNTIME, runtimeRefusal } from "../shared/lambdaRuntimes";
import { flag, intIn, strictObject } from "../shared/schema/fields";
import { didYouMean } from "../shared/schema/suggest";
import { oneOf } from "../shared/validation";

/** Lambda@Edge origin-request limits: memory as for regional Lambda, timeout at most 30 s. */
export const EDGE_MEMORY_MB = { min: 128, max: 10240 };
export const EDGE_TIMEOUT_SECONDS = { min: 1, max: 30 };

/** A Node.js runtime Lambda still creates functions on at `now` (lambdaRuntimes.ts), with the date when it no longer does. */
function runtimeField(now: Date) {
  const allowed = creatableRuntimes(now);
  return z.string({ error: oneOf(allowed) }).superRefine((runtime, ctx) => {
    if (allowed.includes(runtime)) return;
    const refusal = runtimeRefusal(runtime, now);
    // A well-formed runtime name that is not offered is a version choice, not a typo: no suggestion.
    const hint = /^nodejs\d+\.x$/.test(runtime) ? "" : didYouMean(runtime, allowed);
    const fallback = runtime === DEFAULT_NODE_RUNTIME ? `${runtime} is the default; ` : "";
    ctx.addIssue({ code: "custom", input: runtime, message: `${fallback}${refusal ? `${refusal}; ` : ""}${oneOf(allowed)} (Node.js runtimes Lambda@Edge runs)${hint}` });
  });
}

/** The header the viewer's own Authorization moves to; the signer's own validator decides (one source of truth). */
const authorizationHeaderField = z.string({ error: 'allowed: a lowercase header name starting with "x-"' }).superRefine((header, ctx) => {
  for (const problem of authorizationHeaderProblems(header)) {
    ctx.addIssue({ code: "custom", input: header, message: problem.allowed });
  }
});

/** The signer's settings, each with its default; `now` decides which runtimes Lambda still creates. */
export function signerFields(now: Date = new Date()) {
  return {
    // prefault: the default is checked too, so a stack left on it is refused once Lambda stops creating it.
    runtime: runtimeField(now).prefault(DEFAULT_NODE_RUNTIME),
    memoryMb: intIn(EDGE_MEMORY_MB.min, EDGE_MEMORY_MB.max, `allowed: a whole number of MB from ${EDGE_MEMORY_MB.min} to ${EDGE_MEMORY_MB.max}`).default(128),
    timeoutSeconds: intIn(EDGE_TIMEOUT_SECONDS.min, EDGE_TIMEOUT_SECONDS.max, `allowed: a whole number of seconds from ${EDGE_TIMEOUT_SECONDS.min} to ${EDGE_TIMEOUT_SECONDS.max} (Lambda@Edge origin-request limit)`).default(5),
    /** Header that carries the viewer's own Authorization to the origin. */
    authorizationHeader: authorizationHeaderField.default(DEFAULT_AUTHORIZATION_HEADER),
    /** Keep the function when the stack is destroyed, since replicas outlive the distribution for hours. */
    retainOnDelete: flag().default(true),
  };
}

/** The signer settings as a library user passes them (every field optional). */
export function signerSchema(now: Date = new Date()) {
  return strictObject(signerFields(now));
}
export type SignerInput = z.input<ReturnType<typeof signerSchema>>;
export type SignerConfig = z.output<ReturnType<typeof signerSchema>>;

export const SIGNER_DEFAULTS: SignerConfig = signerSchema().parse({});

/** Lambda@Edge runs x86_64 only; the key exists so a stack that asks for arm64 is told so. */
export const signerArchitectureField = z.literal("x86_64", { error: 'allowed: "x86_64" (Lambda@Edge does not support arm64)' }).default("x86_64");
