/**
 * Readers for one field of a config object: each returns the value, or the default when the field
 * is absent, and records a problem (then returns the default) when the value has the wrong shape.
 */
import { Problems, checkKnownKeys, isPlainObject, oneOf } from "../shared/validation";

/** The object at `path`, with unknown keys reported; undefined when absent or not an object. */
export function readSection(
  problems: Problems,
  value: unknown,
  path: string,
  known: readonly string[],
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!problems.check(isPlainObject(value), path, value, `an object with keys ${known.join(", ")}`)) return undefined;
  const section = value as Record<string, unknown>;
  checkKnownKeys(problems, path, section, known);
  return section;
}

export function readBoolean(problems: Problems, value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return problems.check(typeof value === "boolean", path, value, "allowed: true or false") ? (value as boolean) : fallback;
}

export function readChoice<T extends string | number>(
  problems: Problems,
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  return problems.check(allowed.includes(value as T), path, value, oneOf(allowed)) ? (value as T) : fallback;
}

export function readInteger(
  problems: Problems,
  value: unknown,
  path: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const ok = typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max;
  return problems.check(ok, path, value, `an integer from ${range.min} to ${range.max}`) ? (value as number) : fallback;
}

/** A finite number with `min < value <= max`. */
export function readNumberAbove(
  problems: Problems,
  value: unknown,
  path: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const ok = typeof value === "number" && Number.isFinite(value) && value > range.min && value <= range.max;
  return problems.check(ok, path, value, `a number above ${range.min} and at most ${range.max}`) ? (value as number) : fallback;
}

/** An optional string that passes `valid`; undefined when absent or invalid. */
export function readString(
  problems: Problems,
  value: unknown,
  path: string,
  valid: (text: string) => boolean,
  allowed: string,
): string | undefined {
  if (value === undefined) return undefined;
  return problems.check(typeof value === "string" && valid(value), path, value, allowed) ? (value as string) : undefined;
}

/** An optional list; undefined (and a problem) when present but not an array. */
export function readList(problems: Problems, value: unknown, path: string, allowed: string): readonly unknown[] | undefined {
  if (value === undefined) return undefined;
  return problems.check(Array.isArray(value), path, value, allowed) ? (value as unknown[]) : undefined;
}
