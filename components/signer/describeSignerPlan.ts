import { ApiConfig, ExistingApiConfig } from "../config/apis";

/**
 * The plan's note on signer-only REST resource policies: the live policy names the signer's role and only
 * takes effect when the API's owners deploy the stage, so a new role locks the edge out until they redeploy.
 */
export function describeSignerPlan(apis: readonly ApiConfig[]): string[] {
  const restricted = apis.filter((api): api is ExistingApiConfig => api.existing && api.restrictToSigner);
  if (restricted.length === 0) return [];
  return [
    ...restricted.map((api) => `signer: ${api.name} (${api.apiId}, ${api.region}): resource policy REPLACED by one that admits only the signer role on stage ${api.stage}; ` +
      `it takes effect when the API's owners redeploy stage ${api.stage}`),
    "signer: the live policy names the signer role. If that role is ever replaced (the signer component renamed or moved without an alias, " +
      "`pulumi up --replace`, a change of auto-naming, destroy and up), the stack updates the policy but API Gateway keeps the deployed one: " +
      "every request through the edge gets 403 until the owners redeploy those stages. This plan cannot tell whether an update replaces the " +
      "role; `pulumi preview` shows it as a replacement of edge-signer-role (REST APIs the stack creates redeploy themselves)",
  ];
}
