import { z } from "zod";
import { strictObject, text } from "../shared/schema/fields";

/**
 * AWS's tag text (Tagging AWS resources, "Tag naming limits and requirements"): keys 1-128, values 0-256
 * characters of letters, digits, spaces and `_ . : / = + - @`; keys starting with `aws:` are reserved.
 */
const TAG_TEXT = "letters, digits, spaces and _ . : / = + - @";
export const tagKey = text(/^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u, `allowed: a tag key of 1-128 ${TAG_TEXT}, not starting with aws:`);
export const tagValue = text(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u, `allowed: a tag value of up to 256 ${TAG_TEXT}`);

/** The tag that puts a distribution in the scope of the security team's Firewall Manager policies. */
export const scopeTagSchema = strictObject({ key: tagKey, value: tagValue });
export type ScopeTag = z.output<typeof scopeTagSchema>;

/** The default scope tag, when the security team's program sets none. */
export const DEFAULT_SCOPE_TAG: ScopeTag = { key: "edge-security:firewall-manager", value: "in-scope" };
