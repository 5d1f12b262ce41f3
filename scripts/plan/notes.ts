import type { StackConfig } from "../../components/config/stackConfig";
import { describeGovernance } from "../../components/governance";
import { runtimeDeprecationNote } from "../../components/shared/lambdaRuntimes";
import { describeSignerPlan } from "../../components/signer/describeSignerPlan";

/** Settings that deploy but deserve a reviewer's eye, and what the operating model leaves to Firewall Manager. */
export function edgeNotes(stack: StackConfig, now: Date): string[] {
  const notes: string[] = [...describeGovernance(stack.governance, stack.waf)];
  const runtime = runtimeDeprecationNote(stack.signer.runtime, now);
  if (runtime) notes.push(`Note: signer runtime ${runtime}.`);
  if (stack.distribution.certificateArn === undefined) {
    notes.push(
      "Note: no custom domain, so viewers reach *.cloudfront.net with CloudFront's default certificate, whose TLS floor AWS fixes " +
        "at TLSv1; set aliases and certificateArn to require TLSv1.2_2021.",
    );
  }
  notes.push(...describeSignerPlan(stack.apis));
  return notes;
}
