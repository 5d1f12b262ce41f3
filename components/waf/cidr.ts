/** IP address version of a CIDR block, as AWS WAF IP sets name it. */
export type IpVersion = "IPV4" | "IPV6";

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Returns the version of a CIDR block as AWS WAF accepts it (an address with a prefix length:
 * IPv4 /1 to /32, IPv6 /1 to /128), or undefined when it is not one.
 */
export function cidrVersion(value: unknown): IpVersion | undefined {
  if (typeof value !== "string") return undefined;
  const v4 = IPV4_CIDR.exec(value);
  if (v4) {
    const octets = v4.slice(1, 5).map(Number);
    const prefix = Number(v4[5]);
    const ok = octets.every((o, i) => o <= 255 && String(o) === v4[i + 1]) && prefix >= 1 && prefix <= 32;
    return ok ? "IPV4" : undefined;
  }
  const slash = value.lastIndexOf("/");
  if (slash < 0) return undefined;
  const prefixText = value.slice(slash + 1);
  const prefix = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefix < 1 || prefix > 128) return undefined;
  return isIpv6Address(value.slice(0, slash)) ? "IPV6" : undefined;
}

function isIpv6Address(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}
