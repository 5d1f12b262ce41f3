import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../../components/shared/region";
import { GovernanceConfig } from "./config";
import { wafPolicyData } from "./centralPolicy";
import { shieldManagedServiceData, wafv2ManagedServiceData } from "./managedServiceData";
import { policyScope } from "./policyScope";

export interface FirewallManagerPoliciesArgs {
  readonly config: GovernanceConfig;
  /** The custom rule groups' ARNs by name (CentralRuleGroups.arns). @default {} */
  readonly ruleGroupArns?: Readonly<Record<string, pulumi.Input<string>>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The Firewall Manager policies for CloudFront distributions, created in the administrator account in
 * us-east-1 (the API region of CloudFront policies): WAFV2 (hybrid or centralized) and SHIELD_ADVANCED.
 */
export class FirewallManagerPolicies extends pulumi.ComponentResource {
  readonly wafPolicyId?: pulumi.Output<string>;
  readonly shieldPolicyId?: pulumi.Output<string>;

  constructor(name: string, args: FirewallManagerPoliciesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-governance:fms:FirewallManagerPolicies", name, {}, opts);
    const { config } = args;
    const tags = { ...args.tags };
    const scope = policyScope(config.scope);
    const waf = config.waf;
    if (config.model !== "distributed" && waf) {
      const ruleGroupArns = args.ruleGroupArns ?? {};
      const names = Object.keys(ruleGroupArns);
      const arns = pulumi.all(names.map((n) => pulumi.output(ruleGroupArns[n])));
      this.wafPolicyId = new aws.fms.Policy(`${name}-waf`, {
        name: `${name}-waf`,
        region: EDGE_REGION,
        description: `${config.model} WAF for CloudFront: the security team's first and last rule groups`,
        ...scope,
        remediationEnabled: waf.remediation,
        // On delete, remove the policy's rule groups and web ACL associations from the accounts.
        deleteAllPolicyResources: true,
        securityServicePolicyData: {
          type: "WAFV2",
          managedServiceData: arns.apply((values) => wafv2ManagedServiceData(wafPolicyData(config, waf, Object.fromEntries(names.map((n, i) => [n, values[i]]))))),
        },
        tags,
      }, { parent: this }).id;
    }
    if (config.shield.enabled) {
      this.shieldPolicyId = new aws.fms.Policy(`${name}-shield`, {
        name: `${name}-shield`,
        region: EDGE_REGION,
        description: `Shield Advanced for CloudFront, automatic application layer response ${config.shield.automaticResponse}`,
        ...scope,
        remediationEnabled: config.shield.remediation,
        deleteAllPolicyResources: true,
        securityServicePolicyData: { type: "SHIELD_ADVANCED", managedServiceData: shieldManagedServiceData(config.shield.automaticResponse) },
        tags,
      }, { parent: this }).id;
    }
    this.registerOutputs({ wafPolicyId: this.wafPolicyId, shieldPolicyId: this.shieldPolicyId });
  }
}
