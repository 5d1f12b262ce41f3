/** A deployed prod-like stack's outputs, and the web ACL AWS would return for them, built by the WAF module's own API renderer. */
import type { WebACL } from "@aws-sdk/client-wafv2";
import type { VerificationOutput } from "../../components/monitoring/verification";
import { rateLimitProbe } from "../../components/monitoring/rateLimitProbe";
import { buildWafRules } from "../../components/waf/buildWafRules";
import { PLACEHOLDER_IP_SET_ARNS } from "../../components/waf/wafRule";
import { RESPONSE_BODIES } from "../../components/waf/toPulumiRules";
import { toWafApiRules } from "../../components/waf/toWafApiRules";
import type { StackOutputs } from "../../scripts/verify/outputs";
import { PROD_WAF, managed } from "../waf/fixtures";

export const WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge-waf-edge-security-prod/a1b2c3d4-1111-2222-3333-444455556666";
export const DISTRIBUTION_ARN = "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE";
export const HEALTH_CHECK_ID = "hc-0123";
export const PROBE = rateLimitProbe("x-edge-rate-probe", "0123456789abcdef0123456789abcdef");

const settings = managed(PROD_WAF, { shieldMitigation: "none", rateLimitProbe: PROBE });
const rules = buildWafRules<string>(settings, PLACEHOLDER_IP_SET_ARNS);

export const VERIFICATION: VerificationOutput = {
  waf: { mode: "enforce", ruleNames: rules.map((r) => r.name), knownBad: "waf-403" },
  rateLimitProbe: PROBE,
  shield: { automaticResponse: "COUNT", healthCheck: true },
  probes: { petstore: { path: "pets", expectStatus: 200 }, ws: { path: "" } },
};

/** The web ACL as GetWebACL returns it, with Shield's rule group added, as Shield's automatic response adds it. */
export function deployedWebAcl(extra: Partial<WebACL> = {}): WebACL {
  return {
    Name: "edge-waf-edge-security-prod",
    Id: "a1b2c3d4-1111-2222-3333-444455556666",
    ARN: WEB_ACL_ARN,
    DefaultAction: { Allow: {} },
    VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: "edge-waf-edge-security-prod" },
    Rules: [
      ...toWafApiRules(rules),
      { Name: "ShieldMitigationRuleGroup_123456789012_5f4e_abcd", Priority: 10_000_000, Statement: { RuleGroupReferenceStatement: { ARN: "arn:aws:wafv2:us-east-1:aws:global/rulegroup/x/1" } }, OverrideAction: { None: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: "shield" } },
    ],
    CustomResponseBodies: Object.fromEntries(Object.entries(RESPONSE_BODIES).map(([key, content]) => [key, { ContentType: "APPLICATION_JSON", Content: content }])),
    ...extra,
  };
}

/** Outputs whose edge and direct URLs point at local servers. */
export function outputs(edgeUrl: string, directUrl: string, wsEdge: string, wsDirect: string): StackOutputs {
  return {
    distributionId: "E2EXAMPLE",
    distributionArn: DISTRIBUTION_ARN,
    edgeUrl: edgeUrl.replace(/\/$/, ""),
    apis: {
      petstore: { kind: "REST", apiId: "a1", stage: "prod", region: "us-east-2", edgeUrl, directUrl },
      ws: { kind: "WEBSOCKET", apiId: "w1", stage: "prod", region: "us-east-2", edgeUrl: wsEdge, directUrl: wsDirect },
    },
    webAclArn: WEB_ACL_ARN,
    shield: { protectionId: "p-1", alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:t", healthCheckId: HEALTH_CHECK_ID },
    verification: VERIFICATION,
  };
}

/**
 * Gives a client instance its own `send`, so that aws-sdk-client-mock stubs (and, on reset, re-stubs) the
 * instance alone: other specs mock these clients' classes, and the library would otherwise find and restore
 * their prototype stub. The own `send` refuses to call AWS if a test forgets to configure a response.
 */
export function isolated<C extends object>(client: C): C {
  Object.defineProperty(client, "send", { value: () => Promise.reject(new Error("unmocked AWS call in a test")), writable: true, configurable: true });
  return client;
}
