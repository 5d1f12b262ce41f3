/**
 * `edge-security:shield` as one schema, for the stack file and for library users alike: every default, every
 * check, and the settings the components read. Absent, or `enabled: false`, means off: nothing is created and
 * `layer7Mitigation` reads `none`, so the WAF reserves no capacity.
 */
import { z } from "zod";
import { choice, flag, strictObject } from "../shared/schema/fields";
import { automaticResponseSchema } from "./automaticResponseSchema";
import { healthChecksSchema } from "./healthChecksSchema";
import { notificationsSchema } from "./notificationsSchema";
import { proactiveEngagementSchema } from "./proactiveEngagementSchema";
import { protectionGroupSchema } from "./protectionGroupSchema";
import { LAYER7_MITIGATIONS, SUBSCRIPTION_MODES, ShieldSettings } from "./settings";
import { srtAccessSchema } from "./srtAccessSchema";
import { whenValid } from "../shared/schema/fields";

/** The Shield settings; `now` decides which `automaticResponse.protectedSince` days are past. */
export function shieldSchema(now: Date = new Date()) {
  const automaticResponse = automaticResponseSchema(now);
  return strictObject({
    /** Off unless the stack turns it on (the dev default). */
    enabled: flag().default(false),
    subscription: choice(SUBSCRIPTION_MODES).default("assume-existing"),
    layer7Mitigation: choice(LAYER7_MITIGATIONS).default("anti-ddos-rule-group"),
    /** Only with `layer7Mitigation: automatic-response`. @default action COUNT */
    automaticResponse: automaticResponse.optional(),
    healthChecks: healthChecksSchema.prefault({}),
    notifications: notificationsSchema.prefault({}),
    srtAccess: srtAccessSchema.prefault({}),
    proactiveEngagement: proactiveEngagementSchema.prefault({}),
    protectionGroup: protectionGroupSchema.prefault({}),
  })
    .superRefine((s, ctx) => {
      if (s.automaticResponse !== undefined && s.layer7Mitigation !== "automatic-response") {
        ctx.addIssue({ code: "custom", path: ["automaticResponse"], input: s.automaticResponse, message: 'allowed only with layer7Mitigation "automatic-response"' });
      }
    }, whenValid("automaticResponse", "layer7Mitigation"))
    .superRefine((s, ctx) => {
      const { cloudfront5xx, https } = s.healthChecks;
      if (s.proactiveEngagement.enabled && cloudfront5xx === false && https === undefined) {
        ctx.addIssue({ code: "custom", path: ["healthChecks"], input: s.healthChecks, message: "required: cloudfront5xx or https, since proactive engagement needs a health check associated with the protection" });
      }
    }, whenValid("healthChecks", "proactiveEngagement"))
    .transform(({ layer7Mitigation, automaticResponse: response, ...s }) => ({
      ...s,
      // Off means no Shield Advanced at all, so the WAF reserves nothing for it.
      layer7Mitigation: s.enabled ? layer7Mitigation : "none",
      /** Present only when on with `layer7Mitigation: automatic-response`. */
      automaticResponse: s.enabled && layer7Mitigation === "automatic-response" ? response ?? automaticResponse.parse({}) : undefined,
    }));
}

/** The stack file's `shield` key: absent or empty (`null`) is off. */
export function shieldKeySchema(now: Date = new Date()) {
  return z.preprocess((value) => value ?? {}, shieldSchema(now));
}

/** Shield off, every default. */
export const SHIELD_OFF: ShieldSettings = shieldSchema().parse({});
