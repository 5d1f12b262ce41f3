import { HttpMethod, MatchSpec } from "./types";
import { WafStatement } from "./wafRule";

/**
 * Path prefix match. The path is URL-decoded first (10 WCU) so `/pe%74s` cannot slip past a
 * rule written for `/pets`.
 */
export function pathPrefixStatement<A>(prefix: string): WafStatement<A> {
  return { type: "byteMatch", field: { kind: "uriPath" }, positional: "STARTS_WITH", search: prefix, transform: "URL_DECODE" };
}

/** Any of the methods (one exact match each, OR-ed when several). */
export function methodsStatement<A>(methods: readonly HttpMethod[]): WafStatement<A> {
  const each: WafStatement<A>[] = methods.map((m) => ({
    type: "byteMatch",
    field: { kind: "method" },
    positional: "EXACTLY",
    search: m,
    transform: "NONE",
  }));
  return anyOf(each);
}

/** AND of the statements, or the statement itself when there is one (AWS needs two for AND/OR). */
export function allOf<A>(statements: readonly WafStatement<A>[]): WafStatement<A> {
  return statements.length === 1 ? statements[0] : { type: "and", statements };
}

export function anyOf<A>(statements: readonly WafStatement<A>[]): WafStatement<A> {
  return statements.length === 1 ? statements[0] : { type: "or", statements };
}

/** The statement of a `MatchSpec`: every condition given must hold; `negate` inverts the result. */
export function matchStatement<A>(spec: MatchSpec): WafStatement<A> {
  const parts: WafStatement<A>[] = [];
  if (spec.pathPrefix !== undefined) parts.push(pathPrefixStatement(spec.pathPrefix));
  if (spec.methods && spec.methods.length > 0) parts.push(methodsStatement(spec.methods));
  if (spec.header) {
    parts.push({
      type: "byteMatch",
      field: { kind: "singleHeader", name: spec.header.name },
      positional: spec.header.operator,
      search: spec.header.value,
      transform: "NONE",
    });
  }
  if (spec.countries && spec.countries.length > 0) parts.push({ type: "geoMatch", countryCodes: spec.countries });
  if (spec.label) parts.push({ type: "labelMatch", scope: spec.label.scope, key: spec.label.key });
  if (spec.bodyLargerThan !== undefined) {
    parts.push({ type: "sizeGreaterThan", field: { kind: "body", oversizeHandling: "MATCH" }, size: spec.bodyLargerThan });
  }
  const all = allOf(parts);
  return spec.negate ? { type: "not", statement: all } : all;
}
