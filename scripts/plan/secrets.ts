// How the Pulumi runtime marks a secret value in resource inputs: the engine's signature key and value.
import { specialSecretSig as SECRET_VALUE, specialSigKey as SECRET_SIG } from "@pulumi/pulumi/runtime/rpc";

/** What the plan shows for a secret: never its value. */
export const MASK = "[secret]";

/** `value` with every secret replaced by `[secret]`, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value === "object" && value !== null) {
    if ((value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE) return MASK;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}
