import { readStackConfig, type StackConfig } from "../../components/config/stackConfig";
import { describeGovernance } from "../../components/governance";
import { describePrivatePlan, planPrivateIntegration } from "../../components/private-integration";
import { runtimeDeprecationNote } from "../../components/shared/lambdaRuntimes";
import { describeShieldPlan } from "../../components/shield";
import { describeSignerPlan } from "../../components/signer/describeSignerPlan";
import { describeWafPlan } from "../../components/waf";

/** What the plan says beyond the resource list: edge warnings, the WAF capacity budget, the Shield choices, the VPC-link packing, signer-only API policies. */
export function planNotes(config: Readonly<Record<string, string>>, now: Date = new Date()): string[] {
  const stack = readStackConfig(config, { now });
  const privatePlan = stack.privateIntegration ? ["", ...describePrivatePlan(planPrivateIntegration(stack.privateIntegration))] : [];
  const edge = edgeNotes(stack, now);
  const governance = describeGovernance(stack.governance, stack.waf);
  return [...edge, ...(edge.length > 0 ? [""] : []), ...governance, ...(governance.length > 0 ? [""] : []), ...describeWafPlan(stack.waf), "", ...describeShieldPlan(stack.shield, now), ...privatePlan];
}

/** Settings that deploy but deserve a reviewer's eye. */
export function edgeNotes(stack: StackConfig, now: Date): string[] {
  const notes: string[] = [];
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
