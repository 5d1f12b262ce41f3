/**
 * A small evaluator of the neutral WAF statements, written from AWS's documented semantics, so
 * tests can ask "does this rule match that request?" instead of only comparing shapes:
 * - URL_DECODE decodes %XX escapes; NORMALIZE_PATH removes repeated slashes, `.` segments and
 *   `..` segments that are not at the start of the input; LOWERCASE maps A-Z to a-z
 *   (Developer Guide, "Text transformations"), applied in list order (API TextTransformation);
 * - a body beyond the inspection limit reaches WAF truncated to the limit; oversize handling
 *   MATCH / NO_MATCH decide without inspecting, CONTINUE inspects what was forwarded
 *   (Developer Guide, "Oversize web request components").
 */
import { TextTransform, WafStatement } from "../../components/waf/wafRule";

export interface OracleRequest {
  readonly path: string;
  readonly method?: string;
  readonly bodyBytes?: number;
  readonly labels?: readonly string[];
}

export interface OracleContext {
  /** Body inspection limit in bytes (16,384 by default for CloudFront). */
  readonly inspectionLimit: number;
}

const DEFAULT_CONTEXT: OracleContext = { inspectionLimit: 16 * 1024 };

export function transform(input: string, transforms: readonly TextTransform[]): string {
  return transforms.reduce((value, t) => STEPS[t](value), input);
}

const STEPS: Record<TextTransform, (value: string) => string> = {
  URL_DECODE: (value) => value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  NORMALIZE_PATH: normalizePath,
  LOWERCASE: (value) => value.replace(/[A-Z]/g, (c) => c.toLowerCase()),
};

function normalizePath(value: string): string {
  const collapsed = value.replace(/\/{2,}/g, "/");
  const leading = collapsed.startsWith("/");
  const trailing = collapsed.length > 1 && collapsed.endsWith("/");
  const out: string[] = [];
  for (const segment of collapsed.split("/").filter((s) => s !== "")) {
    if (segment === ".") continue;
    if (segment === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(segment);
  }
  const body = out.join("/");
  return `${leading ? "/" : ""}${body}${trailing && body !== "" ? "/" : ""}`;
}

/** Whether `statement` matches `request` as AWS WAF would evaluate it. */
export function matches(statement: WafStatement<string>, request: OracleRequest, context: OracleContext = DEFAULT_CONTEXT): boolean {
  switch (statement.type) {
    case "byteMatch": {
      const raw = statement.field.kind === "uriPath" ? request.path : statement.field.kind === "method" ? (request.method ?? "GET") : undefined;
      if (raw === undefined) throw new Error(`oracle: field ${statement.field.kind} not modelled`);
      const value = transform(raw, statement.transforms);
      switch (statement.positional) {
        case "EXACTLY":
          return value === statement.search;
        case "STARTS_WITH":
          return value.startsWith(statement.search);
        case "ENDS_WITH":
          return value.endsWith(statement.search);
        case "CONTAINS":
          return value.includes(statement.search);
      }
      return false;
    }
    case "sizeGreaterThan": {
      if (statement.field.kind !== "body") throw new Error("oracle: only body sizes are modelled");
      const size = request.bodyBytes ?? 0;
      if (size > context.inspectionLimit) {
        if (statement.field.oversizeHandling === "MATCH") return true;
        if (statement.field.oversizeHandling === "NO_MATCH") return false;
        return context.inspectionLimit > statement.size;
      }
      return size > statement.size;
    }
    case "labelMatch": {
      const labels = request.labels ?? [];
      return statement.scope === "LABEL" ? labels.includes(statement.key) : labels.some((l) => l.startsWith(statement.key));
    }
    case "and":
      return statement.statements.every((s) => matches(s, request, context));
    case "or":
      return statement.statements.some((s) => matches(s, request, context));
    case "not":
      return !matches(statement.statement, request, context);
    default:
      throw new Error(`oracle: statement ${statement.type} not modelled`);
  }
}
