import { AUTOMATIC_RESPONSE_WCU, ShieldSettings } from "./settings";
import { shieldWarnings } from "./shieldWarnings";

/** The lines the offline plan prints for the Shield layer, warnings last (`now` dates the traffic baseline). */
export function describeShieldPlan(settings: ShieldSettings, now: Date = new Date()): string[] {
  if (!settings.enabled) return ["shield: off (Shield Standard only; no Shield Advanced resources)"];
  const { healthChecks, notifications, srtAccess, proactiveEngagement, protectionGroup } = settings;
  const lines = [
    "shield: on (Shield Advanced protection of the CloudFront distribution)",
    settings.subscription === "create"
      ? "shield: subscription CREATED by this stack with skipDestroy (one-year commitment, auto-renew ENABLED; destroy never cancels it)"
      : "shield: subscription assumed to exist (not created here; set subscription: create to subscribe from this stack)",
    layer7Line(settings),
  ];
  if (healthChecks.cloudfront5xx) {
    const { thresholdPercent, evaluationPeriods } = healthChecks.cloudfront5xx;
    lines.push(`shield: health check on CloudFront 5xxErrorRate > ${thresholdPercent}% for ${evaluationPeriods} x 60 s`);
  }
  if (healthChecks.https) {
    const { fqdn, path, requestIntervalSeconds, failureThreshold } = healthChecks.https;
    lines.push(`shield: health check HTTPS GET https://${fqdn ?? "<distribution domain>"}${path} every ${requestIntervalSeconds} s, ` +
      `unhealthy after ${failureThreshold} failures`);
  }
  const checks = Number(healthChecks.cloudfront5xx !== false) + Number(healthChecks.https !== undefined);
  lines.push(checks === 0
    ? "shield: no health check (no health-based detection)"
    : `shield: ${checks > 1 ? "a calculated health check (healthy while both are)" : "the health check"} is associated with the protection`);
  const alarms = ["DDoSDetected", ...(healthChecks.cloudfront5xx ? ["5xxErrorRate"] : []), ...(healthChecks.https ? ["HealthCheckStatus"] : [])];
  lines.push(`shield: alarms in us-east-1 (${alarms.join(", ")}) -> ${notifications.topicArn ?? "a new SNS topic"}, ` +
    `${notifications.emails.length} email subscription(s)`);
  lines.push(!srtAccess.enabled
    ? "shield: Shield Response Team access off"
    : `shield: Shield Response Team access through ${srtAccess.roleArn ?? "a new role with AWSShieldDRTAccessPolicy"}` +
      (srtAccess.shareWafLogBucket ? ", WAF log bucket shared" : ""));
  lines.push(proactiveEngagement.enabled
    ? `shield: proactive engagement on, ${proactiveEngagement.contacts.length} emergency contact(s)`
    : "shield: proactive engagement off");
  lines.push(protectionGroup.enabled
    ? `shield: protection group ${protectionGroup.id ?? "<project>-<stack>-<name>"}: ${protectionGroup.scope}, aggregation ${protectionGroup.aggregation}`
    : "shield: no protection group");
  return [...lines, ...shieldWarnings(settings, now).map((w) => `shield: WARNING ${w}`)];
}

function layer7Line(settings: ShieldSettings): string {
  switch (settings.layer7Mitigation) {
    case "automatic-response":
      return `shield: layer-7 mitigation automatic-response, action ${settings.automaticResponse?.action ?? "COUNT"} ` +
        `(the web ACL keeps ${AUTOMATIC_RESPONSE_WCU} WCU for ShieldMitigationRuleGroup_*)`;
    case "anti-ddos-rule-group":
      return "shield: layer-7 mitigation anti-ddos-rule-group (AWSManagedRulesAntiDDoSRuleSet in the web ACL)";
    case "none":
      return "shield: layer-7 mitigation none (detection, alarms and response only)";
  }
}
