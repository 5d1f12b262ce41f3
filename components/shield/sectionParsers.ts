/**
 * Parsers for the sub-sections of the `shield` config. Each records every problem with its field
 * path and returns typed settings with defaults applied; `parseShieldConfig` combines them.
 */
import { parseArn } from "../shared/arn";
import { isDnsName } from "../shared/dns";
import { EDGE_REGION } from "../shared/region";
import { Problems, isPlainObject } from "../shared/validation";
import {
  MAX_CONTACT_NOTES_LENGTH,
  MAX_EMERGENCY_CONTACTS,
  isE164PhoneNumber,
  isEmailAddress,
} from "./contacts";
import { readBoolean, readChoice, readInteger, readList, readNumberAbove, readSection, readString } from "./fields";
import {
  EmergencyContact,
  HEALTH_CHECK_INTERVALS,
  HealthCheckSettings,
  NotificationSettings,
  PROTECTION_GROUP_AGGREGATIONS,
  PROTECTION_GROUP_SCOPES,
  ProactiveEngagementSettings,
  ProtectionGroupSettings,
  SrtAccessSettings,
} from "./settings";

/** Route 53 limits: resource path up to 255 characters, failure threshold 1-10. */
const MAX_HEALTH_PATH_LENGTH = 255;
const PROTECTION_GROUP_ID = /^[a-zA-Z0-9-]{1,36}$/;

export const DEFAULT_5XX_THRESHOLD_PERCENT = 5;
export const DEFAULT_5XX_EVALUATION_PERIODS = 3;

export function isHealthCheckPath(text: string): boolean {
  return text.startsWith("/") && text.length <= MAX_HEALTH_PATH_LENGTH && !/\s/.test(text);
}

/** An SNS topic ARN in us-east-1, where CloudFront's metrics and therefore its alarms live. */
export function isEdgeSnsTopicArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === "sns" && arn.region === EDGE_REGION && /^\d{12}$/.test(arn.account) &&
    /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/.test(arn.resource);
}

export function isIamRoleArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === "iam" && arn.region === "" && /^\d{12}$/.test(arn.account) &&
    /^role\/[\w+=,.@/-]+$/.test(arn.resource);
}

/** Defaults: the CloudFront 5xx check is on, the HTTPS check is off (its path is the application's to choose). */
export function parseHealthChecks(problems: Problems, raw: unknown, path: string): HealthCheckSettings {
  const section = readSection(problems, raw, path, ["cloudfront5xx", "https"]) ?? {};
  return { cloudfront5xx: parse5xx(problems, section.cloudfront5xx, `${path}.cloudfront5xx`), https: parseHttps(problems, section.https, `${path}.https`) };
}

function parse5xx(problems: Problems, raw: unknown, path: string): HealthCheckSettings["cloudfront5xx"] {
  if (raw === false) return undefined;
  const keys = ["thresholdPercent", "evaluationPeriods"];
  const given = raw === undefined || raw === null || raw === true ? {} : raw;
  if (!problems.check(isPlainObject(given), path, raw, `true, false or an object with keys ${keys.join(", ")}`)) return undefined;
  const section = readSection(problems, given, path, keys) ?? {};
  return {
    thresholdPercent: readNumberAbove(problems, section.thresholdPercent, `${path}.thresholdPercent`, { min: 0, max: 100 }, DEFAULT_5XX_THRESHOLD_PERCENT),
    evaluationPeriods: readInteger(problems, section.evaluationPeriods, `${path}.evaluationPeriods`, { min: 1, max: 30 }, DEFAULT_5XX_EVALUATION_PERIODS),
  };
}

function parseHttps(problems: Problems, raw: unknown, path: string): HealthCheckSettings["https"] {
  const section = readSection(problems, raw, path, ["path", "fqdn", "requestIntervalSeconds", "failureThreshold"]);
  if (!section) return undefined;
  const allowed = `a path starting with "/", e.g. "/health", without spaces, at most ${MAX_HEALTH_PATH_LENGTH} characters`;
  if (section.path === undefined) problems.add(`${path}.path`, undefined, allowed);
  const healthPath = readString(problems, section.path, `${path}.path`, isHealthCheckPath, allowed);
  return {
    path: healthPath ?? "/",
    fqdn: readString(problems, section.fqdn, `${path}.fqdn`, (t) => isDnsName(t.toLowerCase()), "a host name such as api.example.com (no scheme, no path)"),
    requestIntervalSeconds: readChoice(problems, section.requestIntervalSeconds, `${path}.requestIntervalSeconds`, HEALTH_CHECK_INTERVALS, 30),
    failureThreshold: readInteger(problems, section.failureThreshold, `${path}.failureThreshold`, { min: 1, max: 10 }, 3),
  };
}

export function parseNotifications(problems: Problems, raw: unknown, path: string): NotificationSettings {
  const section = readSection(problems, raw, path, ["topicArn", "emails"]) ?? {};
  const emails = readList(problems, section.emails, `${path}.emails`, "a list of email addresses") ?? [];
  emails.forEach((email, i) => problems.check(isEmailAddress(email), `${path}.emails[${i}]`, email, "an email address such as ops@example.com"));
  return {
    topicArn: readString(problems, section.topicArn, `${path}.topicArn`, isEdgeSnsTopicArn, "an SNS topic ARN in us-east-1 (arn:aws:sns:us-east-1:<account>:<name>), where CloudFront alarms live"),
    emails: emails.filter(isEmailAddress),
  };
}

export function parseSrtAccess(problems: Problems, raw: unknown, path: string): SrtAccessSettings {
  const section = readSection(problems, raw, path, ["enabled", "roleArn", "shareWafLogBucket"]) ?? {};
  const enabled = readBoolean(problems, section.enabled, `${path}.enabled`, false);
  const shareWafLogBucket = readBoolean(problems, section.shareWafLogBucket, `${path}.shareWafLogBucket`, false);
  problems.check(enabled || !shareWafLogBucket, `${path}.shareWafLogBucket`, shareWafLogBucket, "false unless srtAccess.enabled is true (the log bucket is shared through the SRT role)");
  return {
    enabled,
    roleArn: readString(problems, section.roleArn, `${path}.roleArn`, isIamRoleArn, "an IAM role ARN (arn:aws:iam::<account>:role/<name>) with AWSShieldDRTAccessPolicy attached"),
    shareWafLogBucket,
  };
}

export function parseProactiveEngagement(problems: Problems, raw: unknown, path: string): ProactiveEngagementSettings {
  const section = readSection(problems, raw, path, ["enabled", "contacts"]) ?? {};
  const enabled = readBoolean(problems, section.enabled, `${path}.enabled`, false);
  const list = readList(problems, section.contacts, `${path}.contacts`, "a list of { email, phone, notes }");
  const contacts = (list ?? []).map((item, i) => parseContact(problems, item, `${path}.contacts[${i}]`));
  problems.check(contacts.length <= MAX_EMERGENCY_CONTACTS, `${path}.contacts`, `${contacts.length} contacts`, `at most ${MAX_EMERGENCY_CONTACTS} emergency contacts`);
  // A phone given but malformed is already reported on its own field.
  const phoneGiven = (list ?? []).some((item) => isPlainObject(item) && item.phone !== undefined);
  if (enabled && contacts.length === 0 && (list !== undefined || section.contacts === undefined)) {
    problems.add(`${path}.contacts`, section.contacts, "at least one emergency contact { email, phone } when proactive engagement is enabled");
  } else if (enabled && contacts.length > 0 && !phoneGiven) {
    problems.add(`${path}.contacts`, `${contacts.length} contact(s), none with a phone`, "at least one contact with a phone number: Shield requires one to enable proactive engagement");
  }
  return { enabled, contacts };
}

function parseContact(problems: Problems, raw: unknown, path: string): EmergencyContact {
  const section = readSection(problems, raw, path, ["email", "phone", "notes"]);
  if (!section) {
    if (raw === undefined || raw === null) problems.add(path, raw, "an object { email, phone, notes }");
    return { email: "" };
  }
  problems.check(isEmailAddress(section.email), `${path}.email`, section.email, "a valid email address such as oncall@example.com (required, at most 150 characters)");
  return {
    email: isEmailAddress(section.email) ? section.email : "",
    phone: readString(problems, section.phone, `${path}.phone`, isE164PhoneNumber, "an E.164 phone number such as +14155550100"),
    notes: readString(
      problems,
      section.notes,
      `${path}.notes`,
      (t) => t.length >= 1 && t.length <= MAX_CONTACT_NOTES_LENGTH && CONTACT_NOTES.test(t),
      `1 to ${MAX_CONTACT_NOTES_LENGTH} letters, digits, spaces and . - , : / ( ) + @ (what Shield accepts)`,
    ),
  };
}

/** Shield's pattern for emergency-contact notes. */
const CONTACT_NOTES = /^[\w\s.\-,:/()+@]*$/;

export function parseProtectionGroup(problems: Problems, raw: unknown, path: string): ProtectionGroupSettings {
  const section = readSection(problems, raw, path, ["enabled", "id", "scope", "aggregation"]) ?? {};
  return {
    enabled: readBoolean(problems, section.enabled, `${path}.enabled`, false),
    id: readString(problems, section.id, `${path}.id`, (t) => PROTECTION_GROUP_ID.test(t), "1 to 36 letters, digits or hyphens"),
    scope: readChoice(problems, section.scope, `${path}.scope`, PROTECTION_GROUP_SCOPES, "all-cloudfront-distributions"),
    aggregation: readChoice(problems, section.aggregation, `${path}.aggregation`, PROTECTION_GROUP_AGGREGATIONS, "MAX"),
  };
}
