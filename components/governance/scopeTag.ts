import { z } from "zod";
import { tagKey, tagValue } from "../config/tags";
import { strictObject } from "../shared/schema/fields";

/** The tag that puts a distribution in the scope of the security team's Firewall Manager policies (AWS's tag rules, as for `tags`). */
export const scopeTagSchema = strictObject({ key: tagKey, value: tagValue });
export type ScopeTag = z.output<typeof scopeTagSchema>;

/** The default scope tag, when the security team's program sets none. */
export const DEFAULT_SCOPE_TAG: ScopeTag = { key: "edge-security:firewall-manager", value: "in-scope" };
