// A platform team's own program that composes the components instead of running this repository's stack:
// one IAM-only REST API behind the edge, the web ACL counting first, the contract exported for app teams.
import { EdgeProtection, ProtectedApis, apiEndpoints, edgeSignerRole } from "edge-security";

// The signer's role first: the REST APIs the program creates admit only it.
const signerRole = edgeSignerRole("edge");
const apis = new ProtectedApis("apis", { apis: [{ name: "shop", kind: "REST", stage: "prod" }], region: "eu-west-1", signerRoleArn: signerRole.arn });
const edge = new EdgeProtection("edge", {
  origins: apis.origins,
  signerRole,
  // The stack file's `waf` key, with its defaults: managed groups, rate limits, the body-size rule.
  waf: { mode: "count", rateLimits: { blanket: { limit: 2000, windowSec: 300 } } },
});

export const distributionId = edge.distribution.distribution.id;
export const apiUrls = apiEndpoints(apis.origins, edge.distribution.distribution.domainName);
