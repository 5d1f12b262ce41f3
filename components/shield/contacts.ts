/** Contact formats accepted by Shield emergency contacts and SNS email subscriptions. */

/** Shield's limit on an emergency contact's email address. */
export const MAX_EMAIL_LENGTH = 150;

/** Shield's limit on an emergency contact's notes. */
export const MAX_CONTACT_NOTES_LENGTH = 1024;

/** Shield accepts at most this many emergency contacts. */
export const MAX_EMERGENCY_CONTACTS = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;

/** A plausible email address (one `@`, a dotted domain, no spaces), at most 150 characters. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/** An E.164 phone number: `+`, a country code that does not start with 0, at most 15 digits in all. */
export function isE164PhoneNumber(value: unknown): value is string {
  return typeof value === "string" && E164.test(value);
}
