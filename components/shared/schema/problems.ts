/**
 * Turns zod's issues into the project's Problems: the field by path (an array entry by its `name` where it has
 * one: `apis[orders].stage`), the value found there, and what is allowed, with a "did you mean" for near
 * misses and a word on quoted numbers. Unions report the branch the input came closest to, so one mistake
 * gives one problem.
 */
import type { z } from "zod";
import { Problem } from "../validation";
import { UnknownKeyParams } from "./fields";
import { didYouMean } from "./suggest";

type Issue = z.core.$ZodIssue;
export type Path = readonly PropertyKey[];

/**
 * `base` places `input` in a larger document (its problems are named and located under it); `within` is where
 * the issues' paths start inside `input` (a union branch's issues are relative to the union).
 */
export function problemsFrom(issues: readonly Issue[], input: unknown, base: Path = [], within: Path = []): Problem[] {
  return issues.flatMap((issue) => problemsOf(issue, input, base, [...within, ...issue.path]));
}

function problemsOf(issue: Issue, input: unknown, base: Path, path: Path): Problem[] {
  const value = valueAt(input, path);
  const problem = (allowed: string, at: Path = path, got: unknown = value): Problem => ({
    field: [fieldName(undefined, base), fieldName(input, at)].filter(Boolean).join(at.length > 0 && typeof at[0] === "number" ? "" : "."),
    value: got,
    allowed,
    path: [...base, ...at].map(pathKey),
  });
  switch (issue.code) {
    case "custom": {
      const params = issue.params as Partial<UnknownKeyParams> | undefined;
      const key = path[path.length - 1];
      return [problem(params?.unknownKey ? `${issue.message}${didYouMean(key, params.known ?? [])}` : issue.message)];
    }
    case "invalid_value":
      return [problem(`${issue.message}${didYouMean(value, issue.values)}`)];
    case "invalid_type":
      return [problem(`${typeText(issue)}${quotedNote(value, issue.expected)}`)];
    case "invalid_key":
      return [problem(issue.issues[0]?.message ?? issue.message, path, path[path.length - 1])];
    case "invalid_union":
      return unionProblems(issue, input, base, path, value, problem);
    default:
      return [problem(issue.message)];
  }
}

function unionProblems(
  issue: Extract<Issue, { code: "invalid_union" }>,
  input: unknown,
  base: Path,
  path: Path,
  value: unknown,
  problem: (allowed: string, at?: Path, got?: unknown) => Problem,
): Problem[] {
  if (issue.discriminator !== undefined) {
    // zod reports a discriminated union's miss at the discriminator's own path.
    const options = ("options" in issue ? issue.options ?? [] : []).filter((o) => o !== undefined && o !== null);
    const allowed = `allowed: ${options.map((o) => JSON.stringify(o)).join(" or ")}`;
    return [problem(`${allowed}${quotedNote(value, typeof options[0])}${didYouMean(value, options)}`)];
  }
  if (issue.errors.length === 0) return [problem(issue.message)];
  // The branch the author meant: one that took the input's type (its problems lie inside the value, as for
  // `true` or `{ ... }` given an object), else the one with the fewest problems.
  const atRoot = (branch: readonly Issue[]) => (branch.every((i) => i.path.length === 0) ? 1 : 0);
  const best = [...issue.errors].sort((a, b) => atRoot(a) - atRoot(b) || a.length - b.length)[0];
  return problemsFrom(best, input, base, path);
}

/** Zod's own texts ("Invalid input: ...") are replaced by the project's wording where a schema gave none. */
function typeText(issue: Extract<Issue, { code: "invalid_type" }>): string {
  if (!issue.message.startsWith("Invalid input")) return issue.message;
  if (issue.expected === "object") return "allowed: an object (a map of keys to values)";
  if (issue.expected === "array") return "allowed: a list";
  return `allowed: a ${issue.expected}`;
}

/** YAML reads `"100"` and `'true'` as strings; say so when that is the only thing wrong. */
export function quotedNote(value: unknown, expected: string): string {
  if (typeof value !== "string") return "";
  const trimmed = value.trim();
  if ((expected === "number" || expected === "int") && trimmed !== "" && Number.isFinite(Number(trimmed))) {
    return ` (${JSON.stringify(value)} is quoted, so YAML reads it as text: write ${trimmed} without quotes)`;
  }
  if (expected === "boolean" && (trimmed === "true" || trimmed === "false")) {
    return ` (${JSON.stringify(value)} is quoted, so YAML reads it as text: write ${trimmed} without quotes)`;
  }
  return "";
}

/** The value at `path` in `input`, or undefined where the path leads nowhere. */
export function valueAt(input: unknown, path: Path): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === "number" ? key : String(key);
}

/** `apis[orders].throttle.rateLimit`: array entries by their name when they have a usable one, else by index. */
export function fieldName(input: unknown, path: Path): string {
  let text = "";
  let current: unknown = input;
  for (const key of path) {
    if (typeof key === "number") {
      const entry = Array.isArray(current) ? current[key] : undefined;
      const name = typeof entry === "object" && entry !== null ? (entry as { name?: unknown }).name : undefined;
      text += typeof name === "string" && /^[\w.-]{1,64}$/.test(name) && isUniqueName(current as unknown[], name) ? `[${name}]` : `[${key}]`;
    } else {
      text += `${text ? "." : ""}${String(key)}`;
    }
    current = typeof current === "object" && current !== null ? (current as Record<PropertyKey, unknown>)[key as string] : undefined;
  }
  return text;
}

function isUniqueName(list: readonly unknown[], name: string): boolean {
  return list.filter((e) => typeof e === "object" && e !== null && (e as { name?: unknown }).name === name).length === 1;
}
