import { parseDay } from "./automaticResponseSchema";
import { ShieldSettings } from "./settings";

const DAY_MS = 24 * 60 * 60 * 1000;
/** AWS: keep the automatic response in COUNT for at least 24 hours of traffic, best 30 days. */
export const MIN_BASELINE_DAYS = 1;
export const RECOMMENDED_BASELINE_DAYS = 30;

/** Whole days of traffic baseline behind a protection; 0 when unknown (a protection this deployment creates). */
export function baselineDays(protectedSince: string | undefined, now: Date): number {
  const since = protectedSince === undefined ? undefined : parseDay(protectedSince);
  return since === undefined ? 0 : Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/**
 * Valid but risky choices, each with its reason and the way to silence it; logged at deploy and printed by
 * the plan. `now` dates the baseline of a BLOCK automatic response; `field` names the settings.
 */
export function shieldWarnings(settings: ShieldSettings, now: Date = new Date(), field = "shield"): string[] {
  if (!settings.enabled) return [];
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
