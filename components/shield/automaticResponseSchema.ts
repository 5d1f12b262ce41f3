import { z } from "zod";
import { choice, flag, strictObject } from "../shared/schema/fields";
import { AUTOMATIC_RESPONSE_ACTIONS } from "./settings";

/** A calendar day `YYYY-MM-DD` as UTC midnight, or undefined when malformed or impossible (2026-02-30). */
export function parseDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

const SINCE = "allowed: a past or present day as YYYY-MM-DD (quoted), when the protection started seeing traffic";

/** `shield.automaticResponse`, with `layer7Mitigation: automatic-response`; `now` dates the traffic baseline. */
export function automaticResponseSchema(now: Date) {
  return strictObject({
    /** What the automatic response does with the requests its rules match: COUNT first, BLOCK after a baseline. */
    action: choice(AUTOMATIC_RESPONSE_ACTIONS).default("COUNT"),
    /** Day (YYYY-MM-DD, UTC) since which the protection has seen traffic, i.e. how old its baseline is. */
    protectedSince: z.string({ error: SINCE }).refine((t) => (parseDay(t)?.getTime() ?? Infinity) <= now.getTime(), { error: SINCE }).optional(),
    /** Set when BLOCK is wanted although the baseline is younger than AWS recommends. */
    acknowledgeBlockWithoutBaseline: flag().default(false),
  });
}
