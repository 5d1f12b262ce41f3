/** The bench's worst-case group: each costliest request against the typical GET, in the same rounds. */
import type { CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { compare } from "./compare";
import { benchEvent } from "./events";
import { WORST_EVENTS } from "./worstEvents";

export interface WorstCaseRow {
  readonly name: string;
  readonly value: string;
  readonly ratio: number;
  readonly target?: number;
}

/**
 * The costliest requests a viewer can send within CloudFront's limits (scripts/bench/worstEvents.ts), each
 * timed against the typical GET in the same rounds; the worst ratio is the target. Failure log lines are
 * written, as in Lambda, to a sink.
 */
export async function worstCaseRows(handler: (e: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>): Promise<WorstCaseRow[]> {
  const rows: WorstCaseRow[] = [];
  const typical = benchEvent("GET");
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    let worst = { name: "", us: 0, ratio: 0 };
    for (const [name, event] of WORST_EVENTS) {
      const [, result] = await compare([{ run: () => handler(typical), iterations: 200 }, { run: () => handler(event), iterations: 10 }]);
      const outcome = await handler(event);
      const status = outcome && "status" in outcome ? outcome.status : "signed";
      rows.push({ name: `${name} (${status})`, value: `${result.us.toFixed(0)} us`, ratio: result.ratio });
      if (result.ratio > worst.ratio) worst = { name, ...result };
    }
    rows.push({ name: `worst of them vs typical GET: ${worst.name}`, value: `${worst.us.toFixed(0)} us`, ratio: worst.ratio, target: 10 });
  } finally {
    console.error = consoleError;
  }
  return rows;
}

