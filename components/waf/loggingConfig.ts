import * as aws from "@pulumi/aws";
import { WafLoggingSettings } from "./types";

/** AWS WAF only delivers to destinations named `aws-waf-logs-*`. */
export function wafLogGroupName(name: string): string {
  return `aws-waf-logs-${name}`;
}

export function redactedFields(settings: WafLoggingSettings): aws.types.input.wafv2.WebAclLoggingConfigurationRedactedField[] {
  return settings.redactedHeaders.map((name) => ({ singleHeader: { name } }));
}

/**
 * `blocked-and-counted` keeps requests a rule blocked or counted (including rules of managed
 * groups overridden to count, `EXCLUDED_AS_COUNT`) and drops the rest.
 */
export function loggingFilter(settings: WafLoggingSettings): aws.types.input.wafv2.WebAclLoggingConfigurationLoggingFilter | undefined {
  if (settings.filter === "all") return undefined;
  return {
    defaultBehavior: "DROP",
    filters: [
      {
        behavior: "KEEP",
        requirement: "MEETS_ANY",
        conditions: ["BLOCK", "COUNT", "EXCLUDED_AS_COUNT"].map((action) => ({ actionCondition: { action } })),
      },
    ],
  };
}
