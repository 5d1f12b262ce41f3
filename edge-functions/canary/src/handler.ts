/**
 * The canary's entry point: every API through the edge (expects success) and directly (expects 403), all at
 * once. One JSON log line per check; any failed check fails the run (Synthetics counts a thrown error as a
 * failed run in `SuccessPercent`).
 */
import { judgeDirect, judgeEdge, type Verdict } from "./judge";
import { probe, type ProbeAnswer, type ProbeRequest } from "./probe";
import { targetUrl, type ProbeTarget } from "./targets";

export interface CanaryDependencies {
  /** @default probe */
  readonly request?: (url: string, request?: ProbeRequest) => Promise<ProbeAnswer>;
  /** @default console.log */
  readonly log?: (line: string) => void;
}

export interface CheckLine {
  readonly api: string;
  readonly check: "edge" | "direct";
  readonly url: string;
  readonly ok: boolean;
  readonly evidence: string;
}

export function createCanaryHandler(targets: readonly ProbeTarget[], dependencies: CanaryDependencies = {}): () => Promise<string> {
  const request = dependencies.request ?? probe;
  const log = dependencies.log ?? ((line: string) => console.log(line));
  return async () => {
    const checks = targets.flatMap((target) => [
      run(target, "edge", targetUrl(target.edgeUrl, target.path), (a) => judgeEdge(target, a)),
      run(target, "direct", targetUrl(target.directUrl, target.path), (a) => judgeDirect(target, a)),
    ]);
    const lines = await Promise.all(checks);
    for (const line of lines) log(JSON.stringify(line));
    const failed = lines.filter((l) => !l.ok);
    if (failed.length > 0) throw new Error(`${failed.length} of ${lines.length} checks failed: ${failed.map((l) => `${l.api} ${l.check}: ${l.evidence}`).join("; ")}`);
    return `${lines.length} checks passed`;
  };

  async function run(target: ProbeTarget, check: CheckLine["check"], url: string, judge: (a: ProbeAnswer) => Verdict): Promise<CheckLine> {
    try {
      const verdict = judge(await request(url));
      return { api: target.name, check, url, ...verdict };
    } catch (error) {
      return { api: target.name, check, url, ok: false, evidence: `no answer: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
