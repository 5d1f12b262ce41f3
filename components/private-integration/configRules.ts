/** Formats shared by the private-integration config parsers. */

/** Names of VPCs, services, NLBs and ALBs: they key child resources, so keep them short and plain. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;
export const NAME_ALLOWED = "allowed: lowercase letters, digits and '-', starting with a letter, at most 31 characters";

/** `/orders` or `/v1/orders`: segments `[a-z0-9-]` keep REST resource keys and ALB path rules simple. */
export const PATH_PATTERN = /^(\/[a-z0-9-]+)+$/;
export const PATH_ALLOWED = "allowed: a path like \"/orders\" or \"/v1/orders\" (segments of lowercase letters, digits and '-')";

/** A concrete DNS name (no wildcard, no trailing dot), as a certificate's subject names it. */
export const DNS_NAME_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const DNS_NAME_ALLOWED = "allowed: a DNS name the service's certificate covers, e.g. \"payments.internal.example.com\" (lowercase, no wildcard)";

export const PORT_ALLOWED = "allowed: an integer port from 1 to 65535";

export function isPort(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** An aligned IPv4 CIDR with a prefix between `min` and `max`. */
export function isCidr(value: unknown, min: number, max: number): value is string {
  if (typeof value !== "string") return false;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix < min || prefix > max) return false;
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  return address % 2 ** (32 - prefix) === 0;
}
