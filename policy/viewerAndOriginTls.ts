import * as aws from "@pulumi/aws";
import { flag } from "../components/shared/schema/fields";
import { configShape, resourcePolicy } from "./definePolicy";

/**
 * Viewers only over HTTPS (a client that follows a redirect has already sent its token in clear, so
 * `redirect-to-https` needs `allowRedirectToHttps`), and every custom origin over HTTPS with TLS 1.2 only.
 */
export const viewerAndOriginTls = resourcePolicy({
  name: "viewer-https-origin-tls12",
  description: "CloudFront viewers use HTTPS only; custom origins use https-only with TLSv1.2 only.",
  enforcementLevel: "mandatory",
  severity: "high",
  config: configShape({ allowRedirectToHttps: flag().default(false) }),
  check: (args, config, report) => {
    const distribution = args.asType(aws.cloudfront.Distribution);
    if (!distribution) return;
    const allowed = config.allowRedirectToHttps ? ["https-only", "redirect-to-https"] : ["https-only"];
    const behaviors = [
      { path: "default", policy: distribution.defaultCacheBehavior.viewerProtocolPolicy },
      ...(distribution.orderedCacheBehaviors ?? []).map((b) => ({ path: b.pathPattern, policy: b.viewerProtocolPolicy })),
    ];
    for (const b of behaviors.filter((b) => !allowed.includes(b.policy))) {
      report(`behaviour ${b.path} has viewerProtocolPolicy ${JSON.stringify(b.policy)}; allowed: ${allowed.join(" or ")}`);
    }
    for (const origin of distribution.origins) {
      const custom = origin.customOriginConfig;
      if (!custom) continue;
      if (custom.originProtocolPolicy !== "https-only") report(`origin ${origin.originId} has originProtocolPolicy ${JSON.stringify(custom.originProtocolPolicy)}; allowed: https-only`);
      const protocols = [...custom.originSslProtocols];
      if (protocols.length !== 1 || protocols[0] !== "TLSv1.2") report(`origin ${origin.originId} allows ${JSON.stringify(protocols)}; allowed: ["TLSv1.2"] only`);
    }
  },
});
