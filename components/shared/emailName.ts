import { createHash } from "node:crypto";

/**
 * A stable resource-name suffix for an email subscription: a hash of the address (case-insensitive), so the
 * address stays out of resource names and URNs and adding one subscription never renames the others.
 */
export function emailNameSuffix(email: string): string {
  return createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 8);
}
