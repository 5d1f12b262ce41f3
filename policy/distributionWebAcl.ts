import * as aws from "@pulumi/aws";
import { GOVERNANCE_MODELS, WEB_ACL_PROPERTY } from "../components/governance";
import { choice } from "../components/shared/schema/fields";
import { isCloudFrontWebAclArn } from "../components/waf/wafSchema";
import { configShape, resourcePolicy } from "./definePolicy";

/**
 * Every distribution has a CLOUDFRONT-scope web ACL (us-east-1). Under the centralized model Firewall
 * Manager attaches it after the deploy, so a distribution without one is expected there: the pack's
 * `centralized.json` makes this policy advisory, and the distribution must then ignore changes to
 * `webAclId`, or an update would strip the web ACL Firewall Manager attached.
 */
export const distributionWebAcl = resourcePolicy({
  name: "distribution-web-acl",
  description: "Every CloudFront distribution is associated with a CLOUDFRONT-scope WAF web ACL (advisory under the centralized model).",
  enforcementLevel: "mandatory",
  severity: "high",
  config: configShape({ governanceModel: choice(GOVERNANCE_MODELS).default("distributed") }),
  check: (args, config, report) => {
    const distribution = args.asType(aws.cloudfront.Distribution);
    if (!distribution) return;
    const webAclId = distribution.webAclId;
    if (webAclId !== undefined && !isCloudFrontWebAclArn(webAclId)) {
      report(`webAclId ${JSON.stringify(webAclId)} is not a CLOUDFRONT-scope web ACL ARN (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>)`);
    }
    if (config.governanceModel !== "centralized") {
      if (webAclId === undefined) report("the distribution has no web ACL; attach the stack's CLOUDFRONT-scope web ACL (waf.enabled) or govern it with Firewall Manager");
      return;
    }
    if (webAclId === undefined) report("no web ACL in the program: under the centralized model Firewall Manager attaches it; check the organization's cloudfront-associated-with-waf Config rule");
    if (!args.opts.ignoreChanges.includes(WEB_ACL_PROPERTY)) {
      report(`under the centralized model the distribution must ignore changes to ${WEB_ACL_PROPERTY}, or an update removes the web ACL Firewall Manager attached`);
    }
  },
});
