/**
 * Collects every problem in a piece of input so that one error can name them all at once,
 * before any resource is created.
 */
export interface Problem {
  /** Dotted path of the offending field, e.g. `apis[1].stage`. */
  readonly field: string;
  readonly value: unknown;
  /** What would have been accepted. */
  readonly allowed: string;
  /** Where the field is in the input document (keys and indexes), for a file position. */
  readonly path?: readonly (string | number)[];
}

export class ConfigError extends Error {
  constructor(readonly subject: string, readonly problems: readonly Problem[]) {
    super(
      `${subject}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  - ${p.field}: got ${describeValue(p.value)}; ${p.allowed}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export class Problems {
  private readonly list: Problem[] = [];

  get all(): readonly Problem[] {
    return this.list;
  }

  add(field: string, value: unknown, allowed: string, path?: readonly (string | number)[]): void {
    this.list.push(path ? { field, value, allowed, path } : { field, value, allowed });
  }

  /** Records a problem unless `ok`; returns `ok` so callers can skip dependent checks. */
  check(ok: boolean, field: string, value: unknown, allowed: string, path?: readonly (string | number)[]): boolean {
    if (!ok) this.add(field, value, allowed, path);
    return ok;
  }

  /** Throws one ConfigError listing every recorded problem, if there is any. */
  throwIfAny(subject: string): void {
    if (this.list.length > 0) throw new ConfigError(subject, this.list);
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/** `oneOf(["A", "B"])` -> `allowed: "A" or "B"`, for the `allowed` text of a Problem. */
export function oneOf(values: readonly (string | number)[]): string {
  const quoted = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
  if (quoted.length <= 1) return `allowed: ${quoted.join("")}`;
  return `allowed: ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}


export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
