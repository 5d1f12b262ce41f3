import * as aws from "@pulumi/aws";
import { text } from "../components/shared/schema/fields";
import { configShape, dependenciesOf, stackPolicy } from "./definePolicy";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

/**
 * Every web ACL has at least one rate-based rule (Shield's cost protection and AWS's "three most important
 * rate-based rules" both start there) and logs with `authorization`, the header the signer relocates the
 * viewer's Authorization to, and `cookie` redacted, so no credential reaches the logs.
 */
export const webAclRateAndLogging = stackPolicy({
  name: "web-acl-rate-limit-and-redacted-logging",
  description: "Every web ACL has a rate-based rule and logging that redacts authorization, the relocated authorization header and cookie.",
  enforcementLevel: "mandatory",
  severity: "high",
  config: configShape({
    /** The signer's `authorizationHeader` (edge-security:authorizationHeader). */
    relocatedAuthorizationHeader: text(/^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/, "allowed: a lower-case header name").default("x-forwarded-authorization"),
  }),
  check: (resources, config, report) => {
    const logging = resources.filter((r) => r.type === LOGGING);
    for (const resource of resources.filter((r) => r.type === WEB_ACL)) {
      // The typed view of a web ACL's recursive statements is too deep for the compiler; only this is read.
      const rules: readonly { readonly statement?: { readonly rateBasedStatement?: unknown } }[] = resource.props.rules ?? [];
      if (!rules.some((rule) => rule.statement?.rateBasedStatement !== undefined)) {
        report(`web ACL ${resource.name} has no rate-based rule; add at least a blanket per-IP limit`, resource.urn);
      }
      const configs = logging.filter((l) => dependenciesOf(l, "resourceArn", WEB_ACL).some((d) => d.urn === resource.urn));
      if (configs.length === 0) {
        report(`web ACL ${resource.name} has no logging configuration`, resource.urn);
        continue;
      }
      const required = ["authorization", config.relocatedAuthorizationHeader, "cookie"];
      for (const l of configs) {
        const redacted = (l.asType(aws.wafv2.WebAclLoggingConfiguration)?.redactedFields ?? []).map((f) => f.singleHeader?.name.toLowerCase());
        const missing = required.filter((h) => !redacted.includes(h));
        if (missing.length > 0) report(`web ACL ${resource.name} logs without redacting ${missing.join(", ")}`, l.urn);
      }
    }
  },
});
