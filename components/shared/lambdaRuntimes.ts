/**
 * Lambda's Node.js runtimes and the dates Lambda stops creating and updating functions on them
 * (docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html, "Supported runtimes", checked 2026-12-01).
 * Lambda@Edge runs "the latest versions of Node.js" that this table lists ("Restrictions on Lambda@Edge",
 * "Supported runtimes"). Both functions of the stack are async handlers, which nodejs24.x requires.
 */
export interface NodeRuntime {
  readonly runtime: string;
  /** ISO dates. */
  readonly deprecated: string;
  readonly blockCreate: string;
  readonly blockUpdate: string;
}

export const NODE_RUNTIMES: readonly NodeRuntime[] = [
  { runtime: "nodejs24.x", deprecated: "2028-04-30", blockCreate: "2028-06-01", blockUpdate: "2028-07-01" },
  { runtime: "nodejs22.x", deprecated: "2027-04-30", blockCreate: "2027-06-01", blockUpdate: "2027-07-01" },
  { runtime: "nodejs20.x", deprecated: "2026-04-30", blockCreate: "2026-08-31", blockUpdate: "2026-09-30" },
];

/** The runtime both functions use unless configured otherwise. */
export const DEFAULT_NODE_RUNTIME = "nodejs22.x";

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Runtimes Lambda still creates functions on at `now`, newest first. */
export function creatableRuntimes(now: Date): string[] {
  return NODE_RUNTIMES.filter((r) => today(now) < r.blockCreate).map((r) => r.runtime);
}

/** Why Lambda refuses to create a function on `runtime` at `now`, or undefined when it does not. */
export function runtimeRefusal(runtime: string, now: Date): string | undefined {
  const known = NODE_RUNTIMES.find((r) => r.runtime === runtime);
  if (known === undefined || today(now) < known.blockCreate) return undefined;
  return `Lambda blocks creating ${runtime} functions since ${known.blockCreate} (updates since ${known.blockUpdate}; deprecated ${known.deprecated})`;
}

/** A note when `runtime` is deprecated within `days` of `now`: time to plan the move. */
export function runtimeDeprecationNote(runtime: string, now: Date, days = 180): string | undefined {
  const known = NODE_RUNTIMES.find((r) => r.runtime === runtime);
  if (known === undefined) return undefined;
  const left = (Date.parse(known.deprecated) - now.getTime()) / 86_400_000;
  if (left > days || runtimeRefusal(runtime, now)) return undefined;
  return `${runtime} is deprecated on ${known.deprecated} and Lambda blocks creating functions on it from ${known.blockCreate}; plan the move to a newer runtime`;
}
