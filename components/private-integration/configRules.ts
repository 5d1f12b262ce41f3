/** Formats shared by the private-integration schemas. */
import ipaddr from "ipaddr.js";

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

/**
 * An aligned IPv4 CIDR (`10.20.0.0/16`, not `10.20.1.0/16`) in plain dotted decimal, with a prefix between
 * `min` and `max`. Parsed by ipaddr.js, whose four-part check refuses the octal and hex forms it otherwise reads.
 */
export function isCidr(value: unknown, min: number, max: number): value is string {
  if (typeof value !== "string" || !/\/\d{1,2}$/.test(value) || !ipaddr.IPv4.isValidCIDRFourPartDecimal(value)) return false;
  const [address, prefix] = ipaddr.IPv4.parseCIDR(value);
  return prefix >= min && prefix <= max && ipaddr.IPv4.networkAddressFromCIDR(value).toString() === address.toString();
}

/** Whether two IPv4 CIDRs share an address: the wider one contains the other's network address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [first, firstPrefix] = ipaddr.IPv4.parseCIDR(a);
  const [second, secondPrefix] = ipaddr.IPv4.parseCIDR(b);
  return first.match(second, Math.min(firstPrefix, secondPrefix));
}


