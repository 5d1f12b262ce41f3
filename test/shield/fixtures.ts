import * as aws from "@pulumi/aws";
import { parseWith } from "../../components/shared/schema/parse";
import { ShieldSettings } from "../../components/shield/settings";
import { shieldKeySchema } from "../../components/shield/shieldSchema";

/** A fixed clock, so baseline ages are exact. */
export const NOW = new Date("2026-06-15T12:00:00Z");

export const WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0d5f0c84-0000-4000-8000-000000000001";
export const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:secops-alerts";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/shield-srt";

/** Every option on: both health checks, a created subscription, SRT with the log bucket, a group. */
export const FULL_RAW = {
  enabled: true,
  subscription: "create",
  layer7Mitigation: "automatic-response",
  automaticResponse: { action: "COUNT", protectedSince: "2026-05-01" },
  healthChecks: {
    cloudfront5xx: { thresholdPercent: 10, evaluationPeriods: 2 },
    https: { path: "/health", fqdn: "api.example.com", requestIntervalSeconds: 10, failureThreshold: 2 },
  },
  notifications: { emails: ["secops@example.com", "noc@example.com"] },
  srtAccess: { enabled: true, shareWafLogBucket: true },
  proactiveEngagement: {
    enabled: true,
    contacts: [
      { email: "secops@example.com", phone: "+14155550100", notes: "24x7 hotline" },
      { email: "lead@example.com" },
    ],
  },
  protectionGroup: { enabled: true, scope: "this-distribution", aggregation: "MAX" },
};

/** Parses the stack key and fails loudly on any problem, for fixtures that must be valid. */
export function parseValid(raw: unknown): ShieldSettings {
  return parseWith(shieldKeySchema(NOW), raw, "fixture", ["shield"]);
}

/** The smallest valid distribution: one HTTPS-only custom origin, default certificate. */
export function distribution(name = "cdn"): aws.cloudfront.Distribution {
  return new aws.cloudfront.Distribution(name, {
    enabled: true,
    origins: [{
      originId: "api",
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
    }],
    defaultCacheBehavior: {
      targetOriginId: "api",
      viewerProtocolPolicy: "https-only",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
    webAclId: WEB_ACL_ARN,
  });
}
