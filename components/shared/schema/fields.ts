/**
 * Schema building blocks that carry the project's error texts: every field says what it allows, objects
 * refuse unknown keys by name (with the known ones, for a suggestion), choices list their values. The
 * texts become the `allowed` of each Problem (problems.ts).
 */
import { z } from "zod";
import { oneOf } from "../validation";

/** Marks an issue as an unknown key; `known` feeds the "did you mean". */
export interface UnknownKeyParams {
  readonly unknownKey: true;
  readonly known: readonly string[];
}

/**
 * An object that refuses any key not in `shape`, one problem per unknown key (zod's own strict mode reports
 * them together, without the known keys a suggestion needs). Typed as zod's strict object, which it is: the
 * catch-all never lets an unknown key through.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape, z.core.$strict> {
  const known = Object.keys(shape);
  const unknownKey = z.unknown().superRefine((_value, ctx) => {
    const params: UnknownKeyParams = { unknownKey: true, known };
    ctx.addIssue({ code: "custom", message: `unknown key; ${oneOf(known)}`, params });
  });
  return z.object(shape, { error: "allowed: an object (a map of keys to values)" }).catchall(unknownKey) as unknown as z.ZodObject<Shape, z.core.$strict>;
}

/** One of `values`; the problem lists them (and suggests the nearest for a near miss). */
export function choice<const T extends readonly [string, ...string[]]>(values: T, note = "") {
  return z.enum(values, { error: `${oneOf(values)}${note}` });
}

/** A whole number from `min` to `max`; `allowed` says it in the domain's words. */
export function intIn(min: number, max: number, allowed: string) {
  return z.number({ error: allowed }).int({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

/** A string matching `pattern`. */
export function text(pattern: RegExp, allowed: string) {
  return z.string({ error: allowed }).regex(pattern, { error: allowed });
}

/** true or false. */
export function flag() {
  return z.boolean({ error: "allowed: true or false" });
}

/** A list of `item`s. */
export function listOf<T extends z.ZodType>(item: T, allowed = "allowed: a list") {
  return z.array(item, { error: allowed });
}

/**
 * `superRefine` params for a cross-field check: it runs only while the fields it reads are valid — none of
 * `keys` (nor anything under them, nor the object itself) has a problem yet, or, without keys, nothing has.
 * zod's own default skips a check only after type errors, so a value out of range would otherwise reach the
 * check and give a second problem for one mistake.
 */
export function whenValid(...keys: readonly string[]): z.core.$ZodSuperRefineParams {
  return {
    when: (payload) =>
      keys.length === 0 ? payload.issues.length === 0 : !payload.issues.some((issue) => issue.path?.[0] === undefined || keys.includes(String(issue.path[0]))),
  };
}

/** `superRefine` params for a check that reads only which keys are present, so it holds even when values are malformed. */
export const ALWAYS: z.core.$ZodSuperRefineParams = { when: () => true };
