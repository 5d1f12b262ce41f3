/**
 * Contact details: the emergency contacts Shield gives its Response Team and the addresses the alarm topic
 * mails. They are personal data, so EdgeShield hands every one to AWS as a Pulumi secret (never in clear in
 * state). Each field carries an example that passes its own check: the offline plan puts it in place of a
 * secret value it cannot decrypt.
 *
 * Shield's limits ("EmergencyContact", AWS Shield API reference, checked 2026-12-01,
 * https://docs.aws.amazon.com/waf/latest/DDOSAPIReference/API_EmergencyContact.html): email 1-150 characters
 * matching `^\S+@\S+\.\S+$`; phone matching `^\+[1-9]\d{1,14}$` (E.164); notes 1-1024 characters matching
 * `^[\w\s\.\-,:/()+@]*$`.
 */
import { z } from "zod";

/** Shield's limit on an emergency contact's email address. */
export const MAX_EMAIL_LENGTH = 150;

/** Shield's limit on an emergency contact's notes. */
export const MAX_CONTACT_NOTES_LENGTH = 1024;

/** Shield accepts at most this many emergency contacts (UpdateEmergencyContactSettings, EmergencyContactList). */
export const MAX_EMERGENCY_CONTACTS = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;
/** Shield's pattern for emergency-contact notes. */
const CONTACT_NOTES = /^[\w\s.\-,:/()+@]*$/;

/** A plausible email address (one `@`, a dotted domain, no spaces), at most 150 characters. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/** An E.164 phone number: `+`, a country code that does not start with 0, at most 15 digits in all. */
export function isE164PhoneNumber(value: unknown): value is string {
  return typeof value === "string" && E164.test(value);
}

function isContactNotes(value: string): boolean {
  return value.length >= 1 && value.length <= MAX_CONTACT_NOTES_LENGTH && CONTACT_NOTES.test(value);
}

/** An email address; `allowed` says what it is for. */
export function emailField(allowed: string) {
  return z.string({ error: allowed }).refine(isEmailAddress, { error: allowed }).meta({ examples: ["secops@example.com"] });
}

const PHONE = 'allowed: an E.164 phone number in quotes, such as "+14155550100"';

/** An E.164 phone number; YAML reads an unquoted one as a number (dropping its `+`), so the problem says so. */
export const phoneField = z
  .string({ error: (issue) => (typeof issue.input === "number" ? `${PHONE} (unquoted, YAML reads it as the number ${issue.input})` : PHONE) })
  .refine(isE164PhoneNumber, { error: PHONE })
  .meta({ examples: ["+14155550100"] });

const NOTES = `allowed: 1 to ${MAX_CONTACT_NOTES_LENGTH} letters, digits, spaces and . - , : / ( ) + @ (what Shield accepts)`;

/** Notes on a contact, in the characters Shield accepts. */
export const notesField = z.string({ error: NOTES }).refine(isContactNotes, { error: NOTES }).meta({ examples: ["24x7 security hotline"] });
