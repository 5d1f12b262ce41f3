/** Small readers for raw config values: each records a problem and returns a fallback when wrong. */
import { checkKnownKeys, isPlainObject, oneOf, Problems } from "../shared/validation";

/** An object's fields, or undefined when absent; records a problem when it is not an object. */
export function readObject(problems: Problems, field: string, value: unknown, known: readonly string[]): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    problems.add(field, value, `an object with keys ${known.join(", ")}`);
    return undefined;
  }
  checkKnownKeys(problems, field, value, known);
  return value;
}

export function readEnum<T extends string | number>(problems: Problems, field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  problems.add(field, value, oneOf(allowed));
  return fallback;
}

export function readBool(problems: Problems, field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  problems.add(field, value, "true or false");
  return fallback;
}

export function readInt(problems: Problems, field: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.add(field, value, `an integer from ${min} to ${max}`);
  return fallback;
}

/** A string matching `pattern`; `undefined` when absent or wrong (the problem is recorded). */
export function readString(problems: Problems, field: string, value: unknown, pattern: RegExp, allowed: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && pattern.test(value)) return value;
  problems.add(field, value, allowed);
  return undefined;
}

/** A list whose items pass `ok`; bad items are reported one by one and dropped. */
export function readList<T>(
  problems: Problems,
  field: string,
  value: unknown,
  ok: (item: unknown) => item is T,
  allowed: string,
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(field, value, `a list; items: ${allowed}`);
    return [];
  }
  return value.filter((item, i) => problems.check(ok(item), `${field}[${i}]`, item, allowed));
}

/** Reports a required field that is missing. */
export function required(problems: Problems, field: string, value: unknown, allowed: string): boolean {
  return problems.check(value !== undefined, field, value, `required; ${allowed}`);
}
