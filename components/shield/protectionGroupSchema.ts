import { choice, flag, strictObject, text } from "../shared/schema/fields";
import { PROTECTION_GROUP_AGGREGATIONS, PROTECTION_GROUP_SCOPES } from "./settings";

/** `shield.protectionGroup`: resources Shield detects and reports on together. */
export const protectionGroupSchema = strictObject({
  enabled: flag().default(false),
  /** Account-unique group id; derived from the component name when absent. */
  id: text(/^[a-zA-Z0-9-]{1,36}$/, "allowed: 1 to 36 letters, digits or hyphens (unique in the account)").optional(),
  scope: choice(PROTECTION_GROUP_SCOPES).default("all-cloudfront-distributions"),
  /** How Shield combines the members' traffic; AWS recommends MAX for CloudFront distributions. */
  aggregation: choice(PROTECTION_GROUP_AGGREGATIONS).default("MAX"),
});
