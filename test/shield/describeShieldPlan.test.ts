import * as assert from "node:assert/strict";
import { describeShieldPlan } from "../../components/shield/describeShieldPlan";
import { FULL_RAW, ROLE_ARN, TOPIC_ARN, parseValid } from "./fixtures";

describe("describeShieldPlan", () => {
  it("prints one line when off", () => {
    assert.deepEqual(describeShieldPlan(parseValid(undefined)), ["shield: off (Shield Standard only; no Shield Advanced resources)"]);
  });

  it("prints every part of the full config, the created subscription first", () => {
    assert.deepEqual(describeShieldPlan(parseValid(FULL_RAW)), [
      "shield: on (Shield Advanced protection of the CloudFront distribution)",
      "shield: subscription CREATED by this stack with skipDestroy (one-year commitment, auto-renew ENABLED; destroy never cancels it)",
      "shield: layer-7 mitigation automatic-response, action COUNT (the web ACL keeps 150 WCU for ShieldMitigationRuleGroup_*)",
      "shield: health check on CloudFront 5xxErrorRate > 10% for 2 x 60 s",
      "shield: health check HTTPS GET https://api.example.com/health every 10 s, unhealthy after 2 failures",
      "shield: a calculated health check (healthy while both are) is associated with the protection",
      "shield: alarms in us-east-1 (DDoSDetected, 5xxErrorRate, HealthCheckStatus) -> a new SNS topic, 2 email subscription(s)",
      "shield: Shield Response Team access through a new role with AWSShieldDRTAccessPolicy, WAF log bucket shared",
      "shield: proactive engagement on, 2 emergency contact(s)",
      "shield: protection group <project>-<stack>-<name>: this-distribution, aggregation MAX",
    ]);
  });

  it("says the subscription is assumed, names existing resources and ends with the warnings", () => {
    assert.deepEqual(describeShieldPlan(parseValid({
      enabled: true,
      layer7Mitigation: "automatic-response",
      automaticResponse: { action: "BLOCK" },
      healthChecks: { cloudfront5xx: false },
      notifications: { topicArn: TOPIC_ARN },
      srtAccess: { enabled: true, roleArn: ROLE_ARN },
      protectionGroup: { enabled: true, id: "all-cloudfront", scope: "all-cloudfront-distributions" },
    })), [
      "shield: on (Shield Advanced protection of the CloudFront distribution)",
      "shield: subscription assumed to exist (not created here; set subscription: create to subscribe from this stack)",
      "shield: layer-7 mitigation automatic-response, action BLOCK (the web ACL keeps 150 WCU for ShieldMitigationRuleGroup_*)",
      "shield: no health check (no health-based detection)",
      `shield: alarms in us-east-1 (DDoSDetected) -> ${TOPIC_ARN}, 0 email subscription(s)`,
      `shield: Shield Response Team access through ${ROLE_ARN}`,
      "shield: proactive engagement off",
      "shield: protection group all-cloudfront: all-cloudfront-distributions, aggregation MAX",
      "shield: WARNING shield.automaticResponse.action: BLOCK with a brand-new protection: Shield has no traffic baseline yet, " +
        "so its automatic rules may block legitimate clients; AWS recommends COUNT for at least 24 hours, best 30 days. " +
        "Deploy COUNT first and set protectedSince, or set acknowledgeBlockWithoutBaseline: true.",
    ]);
  });

  it("describes the other layer-7 modes and a single health check", () => {
    const lines = (raw: object) => describeShieldPlan(parseValid({ enabled: true, notifications: { topicArn: TOPIC_ARN }, ...raw }));
    assert.equal(lines({})[2], "shield: layer-7 mitigation anti-ddos-rule-group (AWSManagedRulesAntiDDoSRuleSet in the web ACL)");
    assert.equal(lines({ layer7Mitigation: "none" })[2], "shield: layer-7 mitigation none (detection, alarms and response only)");
    assert.equal(lines({})[4], "shield: the health check is associated with the protection");
    assert.equal(lines({ healthChecks: { cloudfront5xx: false, https: { path: "/ping" } } })[3],
      "shield: health check HTTPS GET https://<distribution domain>/ping every 30 s, unhealthy after 3 failures");
    assert.equal(lines({}).at(-3), "shield: Shield Response Team access off");
    assert.equal(lines({}).at(-1), "shield: no protection group");
  });
});
