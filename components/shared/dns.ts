const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** At least two lowercase labels, at most 253 characters. */
const DNS_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})+$`);

/** A lowercase DNS name such as `api.example.com`; with `wildcard`, also `*.example.com`. */
export function isDnsName(value: unknown, options: { readonly wildcard?: boolean } = {}): value is string {
  if (typeof value !== "string") return false;
  return DNS_NAME.test(options.wildcard && value.startsWith("*.") ? value.slice(2) : value);
}
