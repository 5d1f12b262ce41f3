import { HttpMethod, MatchSpec } from "./types";
import { pathStatement } from "./wafPath";
import { WafStatement } from "./wafRule";

/**
 * The methods a rule names, HEAD added when GET is among them: API Gateway, frameworks and servers answer HEAD by
 * running the GET handler, so a rule on GET that left HEAD out would let the same work through uncounted.
 */
export function withImpliedMethods(methods: readonly HttpMethod[]): HttpMethod[] {
  return methods.includes("GET") && !methods.includes("HEAD") ? [...methods, "HEAD"] : [...methods];
}

/** Any of the methods (one exact match each, OR-ed when several), GET implying HEAD. */
export function methodsStatement<A>(methods: readonly HttpMethod[]): WafStatement<A> {
  const each: WafStatement<A>[] = withImpliedMethods(methods).map((m) => ({
    type: "byteMatch",
    field: { kind: "method" },
    positional: "EXACTLY",
    search: m,
    transforms: [],
  }));
  return anyOf(each);
}

/** AND of the statements, or the statement itself when there is one (AWS needs two for AND/OR). */
export function allOf<A>(statements: readonly WafStatement<A>[]): WafStatement<A> {
  return statements.length === 1 ? statements[0] : { type: "and", statements };
}

/** OR of the statements; nested ORs are flattened so path alternatives do not add nesting levels. */
export function anyOf<A>(statements: readonly WafStatement<A>[]): WafStatement<A> {
  const flat = statements.flatMap((s) => (s.type === "or" ? s.statements : [s]));
  return flat.length === 1 ? flat[0] : { type: "or", statements: flat };
}

/** The statement of a `MatchSpec`: every condition given must hold; `negate` inverts the result. */
export function matchStatement<A>(spec: MatchSpec): WafStatement<A> {
  const parts: WafStatement<A>[] = [];
  if (spec.pathPrefix !== undefined) parts.push(pathStatement(spec.pathPrefix));
  if (spec.methods && spec.methods.length > 0) parts.push(methodsStatement(spec.methods));
  if (spec.header) {
    parts.push({
      type: "byteMatch",
      field: { kind: "singleHeader", name: spec.header.name },
      positional: spec.header.operator,
      search: spec.header.value,
      transforms: [],
    });
  }
  if (spec.countries && spec.countries.length > 0) parts.push({ type: "geoMatch", countryCodes: spec.countries });
  if (spec.label) parts.push({ type: "labelMatch", scope: spec.label.scope, key: spec.label.key });
  if (spec.bodyLargerThan !== undefined) {
    parts.push({ type: "sizeGreaterThan", field: { kind: "body", oversizeHandling: "MATCH" }, size: spec.bodyLargerThan, transforms: [] });
  }
  const all = allOf(parts);
  return spec.negate ? { type: "not", statement: all } : all;
}
