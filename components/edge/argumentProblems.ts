import type { z } from "zod";
import { Path, problemsFrom } from "../shared/schema/problems";
import { ConfigError, Problem } from "../shared/validation";

/**
 * Every problem of a component's arguments, section by section, so that one ConfigError names them all
 * before any resource is registered (`parseWith` throws per section).
 */
export class ArgumentProblems {
  readonly all: Problem[] = [];

  /** `input` parsed by `schema` (defaults applied), or undefined with its problems recorded under `base`. */
  parse<S extends z.ZodType>(schema: S, input: unknown, base: Path): z.output<S> | undefined {
    const result = schema.safeParse(input);
    if (!result.success) this.all.push(...problemsFrom(result.error.issues, input, base));
    return result.success ? result.data : undefined;
  }

  add(...problems: readonly Problem[]): void {
    this.all.push(...problems);
  }

  throwIfAny(subject: string): void {
    if (this.all.length > 0) throw new ConfigError(subject, this.all);
  }
}
