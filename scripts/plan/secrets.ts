/** How the Pulumi runtime marks a secret value in resource inputs (the engine's signature key and value). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

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
