/** Interleaved timing for the bench: ratios against a baseline measured in the same rounds. */

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface Timed {
  readonly run: () => unknown;
  /** Calls per round (more for fast ones, so each round takes a measurable time). */
  readonly iterations: number;
}

/**
 * Times several implementations in interleaved rounds (so load from other processes hits all of them
 * alike) and returns, per implementation, the median time per call (us) and the median of its
 * per-round ratio to the first one.
 */
export async function compare(fns: readonly Timed[], rounds = 15): Promise<{ us: number; ratio: number }[]> {
  for (const { run, iterations } of fns) for (let i = 0; i < Math.min(iterations, 200); i++) await run();
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let f = 0; f < fns.length; f++) {
      const { run, iterations } = fns[(f + r) % fns.length];
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) await run();
      times[(f + r) % fns.length].push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
    }
  }
  return times.map((t) => ({ us: median(t), ratio: median(t.map((v, r) => v / times[0][r])) }));
}
