/** The parts of an IAM policy document the pack reads, parsed from the JSON string a resource carries. */
export interface Statement {
  readonly Effect?: string;
  readonly Action?: string | readonly string[];
  readonly NotAction?: unknown;
  readonly Resource?: string | readonly string[];
  readonly NotResource?: unknown;
  readonly Principal?: unknown;
}

/** The statements of a policy document (a JSON string or an object), or undefined when it is not one. */
export function statementsOf(document: unknown): readonly Statement[] | undefined {
  let parsed: unknown = document;
  if (typeof document === "string") {
    try {
      parsed = JSON.parse(document);
    } catch {
      return undefined;
    }
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const statement = (parsed as { Statement?: unknown }).Statement;
  if (Array.isArray(statement)) return statement as Statement[];
  return typeof statement === "object" && statement !== null ? [statement as Statement] : undefined;
}

export function listOf(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

/** Whether a trust policy lets a service principal assume the role. */
export function trustsService(document: unknown, service: string): boolean {
  return (statementsOf(document) ?? []).some((s) => {
    const principal = s.Principal as { Service?: string | readonly string[] } | undefined;
    return s.Effect === "Allow" && listOf(principal?.Service).includes(service);
  });
}
