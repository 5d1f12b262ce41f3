import { listOf, flag, strictObject } from "../shared/schema/fields";
import { MAX_EMERGENCY_CONTACTS, emailField, notesField, phoneField } from "./contacts";
import { whenValid } from "../shared/schema/fields";

/** Someone the Shield Response Team may call or email; every field is stored as a secret. */
export const emergencyContactSchema = strictObject({
  email: emailField(`allowed: a valid email address such as secops@example.com (required, at most 150 characters)`),
  /** E.164, e.g. `+14155550100`. */
  phone: phoneField.optional(),
  notes: notesField.optional(),
});

/**
 * `shield.proactiveEngagement`: the SRT contacts you when a health check turns unhealthy during an event.
 * Shield requires at least one contact with a phone number to enable it, and takes at most 10 contacts
 * (UpdateEmergencyContactSettings, checked 2026-12-01,
 * https://docs.aws.amazon.com/waf/latest/DDOSAPIReference/API_UpdateEmergencyContactSettings.html; docs/aws-facts.md).
 */
export const proactiveEngagementSchema = strictObject({
  enabled: flag().default(false),
  contacts: listOf(emergencyContactSchema, "allowed: a list of { email, phone, notes }").default([]),
}).superRefine((pe, ctx) => {
  const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["contacts"], input: pe.contacts, message });
  if (pe.contacts.length > MAX_EMERGENCY_CONTACTS) issue(`allowed: at most ${MAX_EMERGENCY_CONTACTS} emergency contacts (${pe.contacts.length} given)`);
  if (!pe.enabled) return;
  if (pe.contacts.length === 0) issue("required: at least one emergency contact { email, phone } when proactive engagement is enabled");
  else if (!pe.contacts.some((c) => c.phone !== undefined)) issue("required: at least one contact with a phone number: Shield requires one to enable proactive engagement");
}, whenValid("enabled", "contacts"));
