import * as assert from "node:assert/strict";
import { baselineDays, parseDay, parseShieldConfig } from "../../components/shield/config";
import { ShieldSettings } from "../../components/shield/settings";
import { ConfigError, Problems } from "../../components/shared/validation";
import { FULL_RAW, NOW, ROLE_ARN, TOPIC_ARN, parseValid } from "./fixtures";

function parse(raw: unknown): { settings: ShieldSettings; problems: Problems } {
  const problems = new Problems();
  return { settings: parseShieldConfig(raw, problems, "shield", NOW), problems };
}

const OFF: ShieldSettings = {
  enabled: false,
  subscription: "assume-existing",
  layer7Mitigation: "none",
  automaticResponse: undefined,
  healthChecks: { cloudfront5xx: { thresholdPercent: 5, evaluationPeriods: 3 }, https: undefined },
  notifications: { topicArn: undefined, emails: [] },
  srtAccess: { enabled: false, roleArn: undefined, shareWafLogBucket: false },
  proactiveEngagement: { enabled: false, contacts: [] },
  protectionGroup: { enabled: false, id: undefined, scope: "all-cloudfront-distributions", aggregation: "MAX" },
  warnings: [],
};

const PROACTIVE = { enabled: true, contacts: [{ email: "a@example.com", phone: "+14155550100" }] };

describe("parseShieldConfig: defaults", () => {
  for (const [label, raw] of [["absent", undefined], ["null", null], ["enabled: false", { enabled: false }], ["empty", {}]] as const) {
    it(`is off with every default when ${label} (the dev default)`, () => {
      const { settings, problems } = parse(raw);
      assert.deepEqual(problems.all, []);
      assert.deepEqual(settings, OFF);
    });
  }

  it("turns on with safe defaults: assumed subscription, Anti-DDoS rule group, the 5xx health check", () => {
    const { settings, problems } = parse({ enabled: true, notifications: { emails: ["ops@example.com"] } });
    assert.deepEqual(problems.all, []);
    assert.deepEqual(settings, { ...OFF, enabled: true, layer7Mitigation: "anti-ddos-rule-group", notifications: { topicArn: undefined, emails: ["ops@example.com"] } });
  });

  it("reads layer7Mitigation as none while off, so the WAF reserves nothing", () => {
    const { settings } = parse({ enabled: false, layer7Mitigation: "automatic-response" });
    assert.equal(settings.layer7Mitigation, "none");
    assert.equal(settings.automaticResponse, undefined);
  });

  it("parses every option exactly", () => {
    assert.deepEqual(parseValid(FULL_RAW), {
      enabled: true,
      subscription: "create",
      layer7Mitigation: "automatic-response",
      automaticResponse: { action: "COUNT", protectedSince: "2026-05-01", acknowledgeBlockWithoutBaseline: false },
      healthChecks: {
        cloudfront5xx: { thresholdPercent: 10, evaluationPeriods: 2 },
        https: { path: "/health", fqdn: "api.example.com", requestIntervalSeconds: 10, failureThreshold: 2 },
      },
      notifications: { topicArn: undefined, emails: ["secops@example.com", "noc@example.com"] },
      srtAccess: { enabled: true, roleArn: undefined, shareWafLogBucket: true },
      proactiveEngagement: {
        enabled: true,
        contacts: [
          { email: "secops@example.com", phone: "+14155550100", notes: "24x7 hotline" },
          { email: "lead@example.com", phone: undefined, notes: undefined },
        ],
      },
      protectionGroup: { enabled: true, id: undefined, scope: "this-distribution", aggregation: "MAX" },
      warnings: [],
    });
  });

  it("accepts an existing topic and role, and health checks given as true/false", () => {
    const settings = parseValid({
      enabled: true,
      notifications: { topicArn: TOPIC_ARN },
      srtAccess: { enabled: true, roleArn: ROLE_ARN },
      healthChecks: { cloudfront5xx: false, https: { path: "/status" } },
    });
    assert.equal(settings.notifications.topicArn, TOPIC_ARN);
    assert.equal(settings.srtAccess.roleArn, ROLE_ARN);
    assert.deepEqual(settings.healthChecks, { cloudfront5xx: undefined, https: { path: "/status", fqdn: undefined, requestIntervalSeconds: 30, failureThreshold: 3 } });
    assert.deepEqual(parseValid({ healthChecks: { cloudfront5xx: true } }).healthChecks.cloudfront5xx, { thresholdPercent: 5, evaluationPeriods: 3 });
  });
});

/** [label, raw section, field path expected, text expected in `allowed`] */
const BAD: readonly [string, unknown, string, string][] = [
  ["a section that is not an object", "on", "shield", "an object"],
  ["an unknown top-level key", { enabeld: true }, "shield.enabeld", "unknown key"],
  ["enabled not boolean", { enabled: "yes" }, "shield.enabled", "true or false"],
  ["an unknown subscription mode", { subscription: "yes" }, "shield.subscription", '"assume-existing" or "create"'],
  ["an unknown layer-7 mitigation", { layer7Mitigation: "auto" }, "shield.layer7Mitigation", '"automatic-response", "anti-ddos-rule-group" or "none"'],
  ["an unknown automatic-response action", { layer7Mitigation: "automatic-response", automaticResponse: { action: "ALLOW" } }, "shield.automaticResponse.action", '"COUNT" or "BLOCK"'],
  ["automaticResponse without automatic-response", { layer7Mitigation: "none", automaticResponse: { action: "COUNT" } }, "shield.automaticResponse", "only with layer7Mitigation"],
  ["an impossible protectedSince", { layer7Mitigation: "automatic-response", automaticResponse: { protectedSince: "2026-02-30" } }, "shield.automaticResponse.protectedSince", "YYYY-MM-DD"],
  ["a future protectedSince", { layer7Mitigation: "automatic-response", automaticResponse: { protectedSince: "2026-06-16" } }, "shield.automaticResponse.protectedSince", "past or present"],
  ["a protectedSince that is not a date", { layer7Mitigation: "automatic-response", automaticResponse: { protectedSince: "last week" } }, "shield.automaticResponse.protectedSince", "YYYY-MM-DD"],
  ["a non-boolean acknowledgement", { layer7Mitigation: "automatic-response", automaticResponse: { acknowledgeBlockWithoutBaseline: "yes" } }, "shield.automaticResponse.acknowledgeBlockWithoutBaseline", "true or false"],
  ["proactive engagement without contacts", { proactiveEngagement: { enabled: true } }, "shield.proactiveEngagement.contacts", "at least one emergency contact"],
  ["proactive engagement with an empty contact list", { proactiveEngagement: { enabled: true, contacts: [] } }, "shield.proactiveEngagement.contacts", "at least one emergency contact"],
  ["proactive engagement without any phone", { proactiveEngagement: { enabled: true, contacts: [{ email: "a@example.com" }] } }, "shield.proactiveEngagement.contacts", "with a phone number"],
  ["proactive engagement without a health check", { healthChecks: { cloudfront5xx: false }, proactiveEngagement: PROACTIVE }, "shield.healthChecks", "proactive engagement needs a health check"],
  ["contacts that are not a list", { proactiveEngagement: { enabled: true, contacts: "a@example.com" } }, "shield.proactiveEngagement.contacts", "a list"],
  ["a contact that is not an object", { proactiveEngagement: { contacts: ["a@example.com"] } }, "shield.proactiveEngagement.contacts[0]", "an object"],
  ["a contact without an email", { proactiveEngagement: { contacts: [{ phone: "+14155550100" }] } }, "shield.proactiveEngagement.contacts[0].email", "a valid email address"],
  ["a contact with an invalid email", { proactiveEngagement: { contacts: [{ email: "secops at example.com", phone: "+14155550100" }] } }, "shield.proactiveEngagement.contacts[0].email", "a valid email address"],
  ["a contact with a local phone number", { proactiveEngagement: { contacts: [{ email: "a@example.com", phone: "415-555-0100" }] } }, "shield.proactiveEngagement.contacts[0].phone", "E.164"],
  ["a contact with a 16-digit phone", { proactiveEngagement: { contacts: [{ email: "a@example.com", phone: "+1234567890123456" }] } }, "shield.proactiveEngagement.contacts[0].phone", "E.164"],
  ["a contact with a numeric phone", { proactiveEngagement: { contacts: [{ email: "a@example.com", phone: 14155550100 }] } }, "shield.proactiveEngagement.contacts[0].phone", "E.164"],
  ["contact notes over 1024 characters", { proactiveEngagement: { contacts: [{ email: "a@example.com", notes: "x".repeat(1025) }] } }, "shield.proactiveEngagement.contacts[0].notes", "1024"],
  ["contact notes with characters Shield refuses", { proactiveEngagement: { contacts: [{ email: "a@example.com", notes: "Bob's line & pager" }] } }, "shield.proactiveEngagement.contacts[0].notes", "what Shield accepts"],
  ["empty contact notes", { proactiveEngagement: { contacts: [{ email: "a@example.com", notes: "" }] } }, "shield.proactiveEngagement.contacts[0].notes", "1 to 1024"],
  ["eleven contacts", { proactiveEngagement: { contacts: Array.from({ length: 11 }, (_, i) => ({ email: `c${i}@example.com`, phone: "+14155550100" })) } }, "shield.proactiveEngagement.contacts", "at most 10"],
  ["an unknown contact key", { proactiveEngagement: { contacts: [{ email: "a@example.com", mobile: "+14155550100" }] } }, "shield.proactiveEngagement.contacts[0].mobile", "unknown key"],
  ["a topic ARN that is not an ARN", { notifications: { topicArn: "secops-alerts" } }, "shield.notifications.topicArn", "SNS topic ARN in us-east-1"],
  ["a topic ARN of another service", { notifications: { topicArn: "arn:aws:sqs:us-east-1:123456789012:secops" } }, "shield.notifications.topicArn", "SNS topic ARN"],
  ["a topic outside us-east-1", { notifications: { topicArn: "arn:aws:sns:eu-west-1:123456789012:secops" } }, "shield.notifications.topicArn", "us-east-1"],
  ["an invalid notification email", { notifications: { emails: ["ops@example.com", "ops"] } }, "shield.notifications.emails[1]", "an email address"],
  ["emails that are not a list", { notifications: { emails: "ops@example.com" } }, "shield.notifications.emails", "a list"],
  ["a role ARN that is not an ARN", { srtAccess: { enabled: true, roleArn: "shield-srt" } }, "shield.srtAccess.roleArn", "IAM role ARN"],
  ["a role ARN that names a user", { srtAccess: { enabled: true, roleArn: "arn:aws:iam::123456789012:user/srt" } }, "shield.srtAccess.roleArn", "IAM role ARN"],
  ["sharing logs without SRT access", { srtAccess: { shareWafLogBucket: true } }, "shield.srtAccess.shareWafLogBucket", "srtAccess.enabled"],
  ["a health path without a leading slash", { healthChecks: { https: { path: "health" } } }, "shield.healthChecks.https.path", 'starting with "/"'],
  ["a health path with a space", { healthChecks: { https: { path: "/health check" } } }, "shield.healthChecks.https.path", "without spaces"],
  ["a health path over 255 characters", { healthChecks: { https: { path: `/${"a".repeat(255)}` } } }, "shield.healthChecks.https.path", "255"],
  ["an HTTPS check without a path", { healthChecks: { https: {} } }, "shield.healthChecks.https.path", 'starting with "/"'],
  ["an fqdn with a scheme", { healthChecks: { https: { path: "/h", fqdn: "https://api.example.com" } } }, "shield.healthChecks.https.fqdn", "host name"],
  ["a 20-second interval", { healthChecks: { https: { path: "/h", requestIntervalSeconds: 20 } } }, "shield.healthChecks.https.requestIntervalSeconds", "10 or 30"],
  ["a failure threshold of 0", { healthChecks: { https: { path: "/h", failureThreshold: 0 } } }, "shield.healthChecks.https.failureThreshold", "from 1 to 10"],
  ["a 5xx threshold of 0 %", { healthChecks: { cloudfront5xx: { thresholdPercent: 0 } } }, "shield.healthChecks.cloudfront5xx.thresholdPercent", "above 0"],
  ["a 5xx threshold over 100 %", { healthChecks: { cloudfront5xx: { thresholdPercent: 150 } } }, "shield.healthChecks.cloudfront5xx.thresholdPercent", "at most 100"],
  ["a 5xx threshold as text", { healthChecks: { cloudfront5xx: { thresholdPercent: "5" } } }, "shield.healthChecks.cloudfront5xx.thresholdPercent", "a number"],
  ["0 evaluation periods", { healthChecks: { cloudfront5xx: { evaluationPeriods: 0 } } }, "shield.healthChecks.cloudfront5xx.evaluationPeriods", "from 1 to 30"],
  ["a 5xx check given as text", { healthChecks: { cloudfront5xx: "on" } }, "shield.healthChecks.cloudfront5xx", "true, false or an object"],
  ["an unknown protection group scope", { protectionGroup: { scope: "everything" } }, "shield.protectionGroup.scope", '"all-cloudfront-distributions"'],
  ["an unknown aggregation", { protectionGroup: { aggregation: "AVG" } }, "shield.protectionGroup.aggregation", '"MAX", "SUM" or "MEAN"'],
  ["a protection group id with spaces", { protectionGroup: { id: "all distributions" } }, "shield.protectionGroup.id", "1 to 36"],
  ["a protection group id over 36 characters", { protectionGroup: { id: "a".repeat(37) } }, "shield.protectionGroup.id", "1 to 36"],
];

describe("parseShieldConfig: bad input", () => {
  for (const [label, raw, field, allowed] of BAD) {
    it(`rejects ${label} at ${field}`, () => {
      const { problems } = parse(raw);
      assert.deepEqual(problems.all.map((p) => p.field), [field], JSON.stringify(problems.all));
      assert.ok(problems.all[0].allowed.includes(allowed), `"${problems.all[0].allowed}" should mention ${allowed}`);
    });
  }

  it("reports every problem of one section at once, in one error", () => {
    const problems = new Problems();
    parseShieldConfig({
      enabled: true,
      notifications: { topicArn: "nope" },
      srtAccess: { enabled: true, roleArn: "nope" },
      healthChecks: { cloudfront5xx: false, https: { path: "health" } },
      proactiveEngagement: { enabled: true, contacts: [{ email: "x", phone: "0100" }] },
    }, problems, "shield", NOW);
    assert.deepEqual(problems.all.map((p) => p.field), [
      "shield.healthChecks.https.path",
      "shield.proactiveEngagement.contacts[0].email",
      "shield.proactiveEngagement.contacts[0].phone",
      "shield.notifications.topicArn",
      "shield.srtAccess.roleArn",
    ]);
    assert.throws(() => problems.throwIfAny("stack config"), (error: unknown) =>
      error instanceof ConfigError && error.message.startsWith("stack config: 5 problems") && error.message.includes('got "health"'));
  });

  it("uses the field prefix it is given", () => {
    const problems = new Problems();
    parseShieldConfig({ enabled: "no" }, problems, "edge-security:shield", NOW);
    assert.deepEqual(problems.all.map((p) => p.field), ["edge-security:shield.enabled"]);
  });
});

describe("parseShieldConfig: warnings", () => {
  const block = (automaticResponse: Record<string, unknown>) =>
    parseValid({ enabled: true, layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK", ...automaticResponse }, notifications: { topicArn: TOPIC_ARN } }).warnings;

  it("warns, with the reason, about BLOCK with a brand-new protection", () => {
    const warnings = block({});
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^shield\.automaticResponse\.action: BLOCK with a brand-new protection: Shield has no traffic baseline yet/);
    assert.match(warnings[0], /acknowledgeBlockWithoutBaseline: true/);
    assert.deepEqual(block({ protectedSince: "2026-06-15" }), warnings);
  });

  it("warns about BLOCK after a baseline shorter than 30 days", () => {
    assert.deepEqual(block({ protectedSince: "2026-06-05" }), [
      "shield.automaticResponse.action: BLOCK after a 10-day traffic baseline; AWS recommends 30 days so that weekly and " +
        "monthly peaks are learned. Set acknowledgeBlockWithoutBaseline: true to accept.",
    ]);
  });

  it("does not warn after 30 days, when acknowledged, with COUNT, or when off", () => {
    assert.deepEqual(block({ protectedSince: "2026-05-16" }), []);
    assert.deepEqual(block({ acknowledgeBlockWithoutBaseline: true }), []);
    assert.deepEqual(block({ action: "COUNT" }), []);
    assert.deepEqual(parseValid({ enabled: false, layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK" } }).warnings, []);
  });

  it("warns when the alarms would reach nobody", () => {
    assert.deepEqual(parseValid({ enabled: true }).warnings, [
      "shield.notifications: the new SNS topic has no subscribers, so DDoS alarms reach nobody; add notifications.emails " +
        "or give an existing topicArn.",
    ]);
  });
});

describe("baseline dates", () => {
  it("parses real calendar days only", () => {
    assert.equal(parseDay("2024-02-29")?.toISOString(), "2024-02-29T00:00:00.000Z");
    for (const bad of ["2026-02-29", "2026-13-01", "2026-6-1", "20260601", "2026-06-01T00:00:00Z"]) assert.equal(parseDay(bad), undefined, bad);
  });

  it("counts whole days, 0 when unknown", () => {
    assert.equal(baselineDays(undefined, NOW), 0);
    assert.equal(baselineDays("2026-06-15", NOW), 0);
    assert.equal(baselineDays("2026-06-14", NOW), 1);
    assert.equal(baselineDays("2026-05-16", NOW), 30);
  });
});
