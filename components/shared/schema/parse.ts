import type { z } from "zod";
import { ConfigError } from "../validation";
import { Path, problemsFrom } from "./problems";

/**
 * Parses `input` with `schema`: the typed value with every default applied, or one ConfigError naming every
 * problem. `base` places the input in a larger document (e.g. `["waf"]` for the web ACL's settings).
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, subject: string, base: Path = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(subject, problemsFrom(result.error.issues, input, base));
}
