import * as aws from "@pulumi/aws";
import { GovernanceConfig } from "./config";

/** CloudFront distributions, the resources both policies protect (FMS API Reference, Policy, ResourceType). */
export const DISTRIBUTION_RESOURCE_TYPE = "AWS::CloudFront::Distribution";

/**
 * Which distributions a policy takes: those carrying the scope tag, in the OUs and accounts given (the whole
 * organization when none), except the excluded accounts. Inclusions and exclusions never come together.
 */
export function policyScope(scope: GovernanceConfig["scope"]): Pick<aws.fms.PolicyArgs, "resourceType" | "excludeResourceTags" | "resourceTags" | "includeMap" | "excludeMap"> {
  const include = {
    ...(scope.orgUnits.length > 0 ? { orgunits: [...scope.orgUnits] } : {}),
    ...(scope.accounts.length > 0 ? { accounts: [...scope.accounts] } : {}),
  };
  return {
    resourceType: DISTRIBUTION_RESOURCE_TYPE,
    excludeResourceTags: false,
    resourceTags: { [scope.resourceTag.key]: scope.resourceTag.value },
    ...(Object.keys(include).length > 0 ? { includeMap: include } : {}),
    ...(scope.excludeAccounts.length > 0 ? { excludeMap: { accounts: [...scope.excludeAccounts] } } : {}),
  };
}
