import type { ShieldSettings } from "../shield/settings";
import type { Problem } from "../shared/validation";
import type { WafSettings } from "../waf/types";
import { wafLogBucketName } from "../waf/wafLogBucket";

/**
 * What Shield needs from the WAF, named in the config's own terms (`waf.*`, `shield.*`), for the stack file
 * and EdgeProtection alike (EdgeShield checks the same on its own arguments, but is created last). Not under
 * centralized, where the governance checks say what Shield may use without the stack's web ACL.
 */
export function shieldNeedsProblems(shield: ShieldSettings, waf: WafSettings): Problem[] {
  if (!shield.enabled) return [];
  const problems: Problem[] = [];
  if (shield.layer7Mitigation !== "none" && waf.kind === "disabled") {
    problems.push({
      field: "waf.enabled",
      value: false,
      allowed: `required: a web ACL on the distribution, since shield.layer7Mitigation is "${shield.layer7Mitigation}" and its rules live there (or set it to "none")`,
    });
  }
  if (shield.srtAccess.enabled && shield.srtAccess.shareWafLogBucket && wafLogBucketName(waf) === undefined) {
    problems.push({
      field: "shield.srtAccess.shareWafLogBucket",
      value: true,
      allowed: "allowed only when waf.logging.destinationArn is an S3 bucket (arn:aws:s3:::aws-waf-logs-...), whose name the Shield Response Team is given",
    });
  }
  return problems;
}
