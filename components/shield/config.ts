/**
 * Parses the `shield` config section (Pulumi config `edge-security:shield`) into typed settings.
 * Pure: every problem goes to the shared collector with its field path; risky but valid choices
 * come back as `warnings`.
 */
import { Problems } from "../shared/validation";
import { readBoolean, readChoice, readSection, readString } from "./fields";
import {
  parseHealthChecks,
  parseNotifications,
  parseProactiveEngagement,
  parseProtectionGroup,
  parseSrtAccess,
} from "./sectionParsers";
import {
  AUTOMATIC_RESPONSE_ACTIONS,
  AutomaticResponseSettings,
  LAYER7_MITIGATIONS,
  SUBSCRIPTION_MODES,
  ShieldSettings,
} from "./settings";

export const SHIELD_CONFIG_KEYS = [
  "enabled",
  "subscription",
  "layer7Mitigation",
  "automaticResponse",
  "healthChecks",
  "notifications",
  "srtAccess",
  "proactiveEngagement",
  "protectionGroup",
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** AWS: keep the automatic response in COUNT for at least 24 hours of traffic, best 30 days. */
export const MIN_BASELINE_DAYS = 1;
export const RECOMMENDED_BASELINE_DAYS = 30;

/**
 * Applies defaults (absent or `enabled: false` = off) and validates the whole section.
 * `now` dates the traffic baseline of a BLOCK automatic response.
 */
export function parseShieldConfig(raw: unknown, problems: Problems, field = "shield", now: Date = new Date()): ShieldSettings {
  const section = readSection(problems, raw, field, SHIELD_CONFIG_KEYS) ?? {};
  const enabled = readBoolean(problems, section.enabled, `${field}.enabled`, false);
  const layer7Mitigation = readChoice(problems, section.layer7Mitigation, `${field}.layer7Mitigation`, LAYER7_MITIGATIONS, "anti-ddos-rule-group");
  const automaticResponse = parseAutomaticResponse(problems, section.automaticResponse, `${field}.automaticResponse`, now);
  problems.check(
    section.automaticResponse === undefined || layer7Mitigation === "automatic-response",
    `${field}.automaticResponse`,
    section.automaticResponse,
    'only with layer7Mitigation "automatic-response"',
  );
  const healthChecks = parseHealthChecks(problems, section.healthChecks, `${field}.healthChecks`);
  const proactiveEngagement = parseProactiveEngagement(problems, section.proactiveEngagement, `${field}.proactiveEngagement`);
  problems.check(
    !proactiveEngagement.enabled || healthChecks.cloudfront5xx !== undefined || healthChecks.https !== undefined,
    `${field}.healthChecks`,
    section.healthChecks,
    "cloudfront5xx or https: proactive engagement needs a health check associated with the protection",
  );
  const notifications = parseNotifications(problems, section.notifications, `${field}.notifications`);
  const settings: ShieldSettings = {
    enabled,
    subscription: readChoice(problems, section.subscription, `${field}.subscription`, SUBSCRIPTION_MODES, "assume-existing"),
    // Off means no Shield Advanced at all, so the WAF reserves nothing for it.
    layer7Mitigation: enabled ? layer7Mitigation : "none",
    automaticResponse: enabled && layer7Mitigation === "automatic-response" ? automaticResponse : undefined,
    healthChecks,
    notifications,
    srtAccess: parseSrtAccess(problems, section.srtAccess, `${field}.srtAccess`),
    proactiveEngagement,
    protectionGroup: parseProtectionGroup(problems, section.protectionGroup, `${field}.protectionGroup`),
    warnings: [],
  };
  return { ...settings, warnings: enabled ? shieldWarnings(settings, field, now) : [] };
}

function parseAutomaticResponse(problems: Problems, raw: unknown, path: string, now: Date): AutomaticResponseSettings {
  const section = readSection(problems, raw, path, ["action", "protectedSince", "acknowledgeBlockWithoutBaseline"]) ?? {};
  return {
    action: readChoice(problems, section.action, `${path}.action`, AUTOMATIC_RESPONSE_ACTIONS, "COUNT"),
    protectedSince: readString(
      problems,
      section.protectedSince,
      `${path}.protectedSince`,
      (text) => { const day = parseDay(text); return day !== undefined && day.getTime() <= now.getTime(); },
      "a past or present day as YYYY-MM-DD (quoted), when the protection started seeing traffic",
    ),
    acknowledgeBlockWithoutBaseline: readBoolean(problems, section.acknowledgeBlockWithoutBaseline, `${path}.acknowledgeBlockWithoutBaseline`, false),
  };
}

/** A calendar day `YYYY-MM-DD` as UTC midnight, or undefined when malformed or impossible (2026-02-30). */
export function parseDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Whole days of traffic baseline behind a protection; 0 when unknown (a protection this deployment creates). */
export function baselineDays(protectedSince: string | undefined, now: Date): number {
  const since = protectedSince === undefined ? undefined : parseDay(protectedSince);
  return since === undefined ? 0 : Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/** Valid but risky choices, each with its reason and the way to silence it. */
export function shieldWarnings(settings: ShieldSettings, field: string, now: Date): string[] {
  const warnings: string[] = [];
  const response = settings.automaticResponse;
  if (response?.action === "BLOCK" && !response.acknowledgeBlockWithoutBaseline) {
    const days = baselineDays(response.protectedSince, now);
    if (days < MIN_BASELINE_DAYS) {
      warnings.push(
        `${field}.automaticResponse.action: BLOCK with a brand-new protection: Shield has no traffic baseline yet, so its ` +
          `automatic rules may block legitimate clients; AWS recommends COUNT for at least 24 hours, best 30 days. Deploy ` +
          `COUNT first and set protectedSince, or set acknowledgeBlockWithoutBaseline: true.`,
      );
    } else if (days < RECOMMENDED_BASELINE_DAYS) {
      warnings.push(
        `${field}.automaticResponse.action: BLOCK after a ${days}-day traffic baseline; AWS recommends 30 days so that ` +
          `weekly and monthly peaks are learned. Set acknowledgeBlockWithoutBaseline: true to accept.`,
      );
    }
  }
  if (settings.notifications.topicArn === undefined && settings.notifications.emails.length === 0) {
    warnings.push(
      `${field}.notifications: the new SNS topic has no subscribers, so DDoS alarms reach nobody; add notifications.emails ` +
        `or give an existing topicArn.`,
    );
  }
  return warnings;
}
