// The edge-security policy pack: `pulumi preview --policy-pack policy` from the project's root.
import { PolicyPack } from "@pulumi/policy";
import { EDGE_SECURITY_POLICIES } from "./policies";

new PolicyPack("edge-security", {
  description: "IAM-only APIs behind CloudFront, AWS WAF and Shield Advanced, signed by Lambda@Edge.",
  enforcementLevel: "mandatory",
  policies: EDGE_SECURITY_POLICIES,
});
