/**
 * Typed reads of recorded resource inputs (`test/support/mocks.ts` records them as the program passed them,
 * outputs resolved): a missing or mistyped field reads as undefined or empty, never as `any`.
 */

/** A resource as the offline plan records it (structurally `RecordedResource`). */
export interface RecordedResourceLike {
  readonly type: string;
  readonly name: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

export function asObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** `value.a.b...`, each step an object key or an array index. */
export function at(value: unknown, ...path: readonly (string | number)[]): unknown {
  let here = value;
  for (const key of path) here = typeof key === "number" ? asArray(here)[key] : asObject(here)?.[key];
  return here;
}

/**
 * The ID the offline plan's mocks give a resource: `<name>-id` (test/support/mocks.ts), which other
 * resources' resolved inputs then carry (an origin's domain, a stage's API).
 */
export function planId(resource: RecordedResourceLike): string {
  return `${resource.name}-id`;
}
