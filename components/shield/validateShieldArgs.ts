import { parseWith } from "../shared/schema/parse";
import { Problems } from "../shared/validation";
import { ShieldInput, ShieldSettings } from "./settings";
import { shieldSchema } from "./shieldSchema";

/** Which optional inputs of `EdgeShieldArgs` were given (their values may be unknown until deploy). */
export interface ShieldArgsGiven {
  readonly webAclArn: boolean;
  readonly wafLogBucketName: boolean;
}

/**
 * Cross-checks the settings against what the edge supplies; records every problem so the component
 * can throw one error before creating anything.
 */
export function validateShieldArgs(settings: ShieldSettings, given: ShieldArgsGiven, problems: Problems = new Problems()): Problems {
  if (!settings.enabled) return problems;
  if (settings.layer7Mitigation === "automatic-response") {
    problems.check(given.webAclArn, "webAclArn", undefined,
      "the ARN of the web ACL attached to the distribution: the automatic response inserts its ShieldMitigationRuleGroup_* there " +
        '(or choose layer7Mitigation "anti-ddos-rule-group" or "none")');
  }
  if (settings.layer7Mitigation === "anti-ddos-rule-group") {
    problems.check(given.webAclArn, "webAclArn", undefined,
      "the ARN of the web ACL attached to the distribution, which carries AWSManagedRulesAntiDDoSRuleSet (or choose layer7Mitigation \"none\")");
  }
  if (settings.srtAccess.enabled && settings.srtAccess.shareWafLogBucket) {
    problems.check(given.wafLogBucketName, "wafLogBucketName", undefined,
      "the name of the S3 bucket holding WAF logs, since srtAccess.shareWafLogBucket is true (or set it to false)");
  }
  return problems;
}

/**
 * The settings EdgeShield works with: `input` parsed by the stack file's schema (same defaults, same
 * problems, under `settings`), then checked against what the edge supplies. Throws one ConfigError.
 */
export function checkedShieldSettings(subject: string, input: ShieldInput | undefined, given: ShieldArgsGiven, now: Date = new Date()): ShieldSettings {
  const settings = parseWith(shieldSchema(now), input ?? {}, subject, ["settings"]);
  validateShieldArgs(settings, given).throwIfAny(subject);
  return settings;
}
