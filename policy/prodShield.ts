import * as aws from "@pulumi/aws";
import { scopeTagSchema } from "../components/governance";
import { listOf, text } from "../components/shared/schema/fields";
import { configShape, dependenciesOf, stackOf, stackPolicy } from "./definePolicy";

const PROTECTION = "aws:shield/protection:Protection";

/**
 * Every distribution of a production stack has Shield Advanced: a protection in the stack, or the scope tag
 * of the security team's Firewall Manager Shield Advanced policy (hybrid and centralized models).
 */
export const prodShield = stackPolicy({
  name: "prod-distributions-shield-advanced",
  description: "CloudFront distributions of production stacks are protected by Shield Advanced.",
  enforcementLevel: "mandatory",
  severity: "high",
  config: configShape({
    prodStacks: listOf(text(/^[\w.-]{1,100}$/, "allowed: a stack name")).default(["prod"]),
    /** The governance stack's scopeTag, when its Shield Advanced policy protects the distributions. */
    firewallManagerScopeTag: scopeTagSchema.optional(),
  }),
  check: (resources, config, report) => {
    const protections = resources.filter((r) => r.type === PROTECTION);
    for (const resource of resources) {
      const distribution = resource.asType(aws.cloudfront.Distribution);
      if (!distribution || !config.prodStacks.includes(stackOf(resource.urn))) continue;
      const protectedHere = protections.some((p) => dependenciesOf(p, "resourceArn", resource.type).some((d) => d.urn === resource.urn));
      const tag = config.firewallManagerScopeTag;
      const byFirewallManager = tag !== undefined && distribution.tags?.[tag.key] === tag.value;
      if (!protectedHere && !byFirewallManager) {
        report(`production distribution ${resource.name} has no Shield Advanced protection (shield.enabled, or the Firewall Manager Shield policy's scope tag)`, resource.urn);
      }
    }
  },
});
