import * as assert from "node:assert/strict";
import { parseWith } from "../../components/shared/schema/parse";
import { ConfigError, Problem } from "../../components/shared/validation";
import { shieldKeySchema, shieldSchema } from "../../components/shield/shieldSchema";
import { FULL_RAW, NOW, ROLE_ARN, TOPIC_ARN } from "./fixtures";

const parse = (input: unknown) => parseWith(shieldSchema(NOW), input, "stack config", ["shield"]);

function problemsOf(input: unknown): Problem[] {
  try {
    parse(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return [...error.problems];
  }
  return [];
}

const OFF = {
  enabled: false,
  subscription: "assume-existing",
  layer7Mitigation: "none",
  automaticResponse: undefined,
  healthChecks: { cloudfront5xx: { thresholdPercent: 5, evaluationPeriods: 3 } },
  notifications: { emails: [] },
  srtAccess: { enabled: false, shareWafLogBucket: false },
  proactiveEngagement: { enabled: false, contacts: [] },
  protectionGroup: { enabled: false, scope: "all-cloudfront-distributions", aggregation: "MAX" },
};

const PROACTIVE = { enabled: true, contacts: [{ email: "a@example.com", phone: "+14155550100" }] };

describe("shieldSchema: defaults", () => {
  for (const [label, raw] of [["absent", undefined], ["null", null], ["enabled: false", { enabled: false }], ["empty", {}]] as const) {
    it(`is off with every default when the stack key is ${label} (the dev default)`, () => {
      assert.deepEqual(parseWith(shieldKeySchema(NOW), raw, "stack config", ["shield"]), OFF);
    });
  }

  it("turns on with safe defaults: assumed subscription, Anti-DDoS rule group, the 5xx health check", () => {
    assert.deepEqual(parse({ enabled: true, notifications: { emails: ["ops@example.com"] } }), {
      ...OFF, enabled: true, layer7Mitigation: "anti-ddos-rule-group", notifications: { emails: ["ops@example.com"] },
    });
  });

  it("reads layer7Mitigation as none while off, so the WAF reserves nothing", () => {
    const settings = parse({ enabled: false, layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK" } });
    assert.equal(settings.layer7Mitigation, "none");
    assert.equal(settings.automaticResponse, undefined);
  });

  it("gives the automatic response its defaults when it is chosen without settings", () => {
    assert.deepEqual(parse({ enabled: true, layer7Mitigation: "automatic-response" }).automaticResponse, { action: "COUNT", acknowledgeBlockWithoutBaseline: false });
  });

  it("parses every option exactly", () => {
    assert.deepEqual(parse(FULL_RAW), {
      enabled: true,
      subscription: "create",
      layer7Mitigation: "automatic-response",
      automaticResponse: { action: "COUNT", protectedSince: "2026-05-01", acknowledgeBlockWithoutBaseline: false },
      healthChecks: {
        cloudfront5xx: { thresholdPercent: 10, evaluationPeriods: 2 },
        https: { path: "/health", fqdn: "api.example.com", requestIntervalSeconds: 10, failureThreshold: 2 },
      },
      notifications: { emails: ["secops@example.com", "noc@example.com"] },
      srtAccess: { enabled: true, shareWafLogBucket: true },
      proactiveEngagement: {
        enabled: true,
        contacts: [{ email: "secops@example.com", phone: "+14155550100", notes: "24x7 hotline" }, { email: "lead@example.com" }],
      },
      protectionGroup: { enabled: true, scope: "this-distribution", aggregation: "MAX" },
    });
  });

  it("accepts an existing topic and role, and health checks given as true/false", () => {
    const settings = parse({
      enabled: true,
      notifications: { topicArn: TOPIC_ARN },
      srtAccess: { enabled: true, roleArn: ROLE_ARN },
      healthChecks: { cloudfront5xx: false, https: { path: "/status" } },
    });
    assert.equal(settings.notifications.topicArn, TOPIC_ARN);
    assert.equal(settings.srtAccess.roleArn, ROLE_ARN);
    assert.deepEqual(settings.healthChecks, { cloudfront5xx: false, https: { path: "/status", requestIntervalSeconds: 30, failureThreshold: 3 } });
    assert.deepEqual(parse({ healthChecks: { cloudfront5xx: true } }).healthChecks.cloudfront5xx, { thresholdPercent: 5, evaluationPeriods: 3 });
    assert.deepEqual(parse({ healthChecks: { cloudfront5xx: { evaluationPeriods: 5 } } }).healthChecks.cloudfront5xx, { thresholdPercent: 5, evaluationPeriods: 5 });
  });

  const inputs: readonly [string, unknown][] = [
    ["off", {}],
    ["every option", FULL_RAW],
    ["the 5xx check off", { enabled: true, healthChecks: { cloudfront5xx: false, https: { path: "/h" } }, notifications: { topicArn: TOPIC_ARN } }],
    ["off with the automatic response configured", { layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK" } }],
  ];
  for (const [label, input] of inputs) {
    it(`parses its own output to itself (${label}), so a component may re-check parsed settings`, () => {
      const once = parse(input);
      assert.deepEqual(parse(once), once);
    });
  }
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
  ["automaticResponse with the default mitigation", { automaticResponse: {} }, "shield.automaticResponse", 'only with layer7Mitigation "automatic-response"'],
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
  ["an unknown 5xx key", { healthChecks: { cloudfront5xx: { threshold: 5 } } }, "shield.healthChecks.cloudfront5xx.threshold", "unknown key"],
  ["an unknown protection group scope", { protectionGroup: { scope: "everything" } }, "shield.protectionGroup.scope", '"all-cloudfront-distributions"'],
  ["an unknown aggregation", { protectionGroup: { aggregation: "AVG" } }, "shield.protectionGroup.aggregation", '"MAX", "SUM" or "MEAN"'],
  ["a protection group id with spaces", { protectionGroup: { id: "all distributions" } }, "shield.protectionGroup.id", "1 to 36"],
  ["a protection group id over 36 characters", { protectionGroup: { id: "a".repeat(37) } }, "shield.protectionGroup.id", "1 to 36"],
];

describe("shieldSchema: bad input", () => {
  for (const [label, raw, field, allowed] of BAD) {
    it(`rejects ${label} at ${field}`, () => {
      const problems = problemsOf(raw);
      assert.deepEqual(problems.map((p) => p.field), [field], JSON.stringify(problems));
      assert.ok(problems[0].allowed.includes(allowed), `"${problems[0].allowed}" should mention ${allowed}`);
    });
  }

  it("reports every problem of the section at once, in one error", () => {
    const input = {
      enabled: true,
      notifications: { topicArn: "nope" },
      srtAccess: { enabled: true, roleArn: "nope" },
      healthChecks: { cloudfront5xx: false, https: { path: "health" } },
      proactiveEngagement: { enabled: true, contacts: [{ email: "x", phone: "0100" }] },
    };
    assert.deepEqual(problemsOf(input).map((p) => p.field), [
      "shield.healthChecks.https.path",
      "shield.notifications.topicArn",
      "shield.srtAccess.roleArn",
      "shield.proactiveEngagement.contacts[0].email",
      "shield.proactiveEngagement.contacts[0].phone",
    ]);
    assert.throws(() => parse(input), (error: unknown) =>
      error instanceof ConfigError && error.message.startsWith("stack config: 5 problems") && error.message.includes('got "health"'));
  });

  it("names the fields under the base it is given", () => {
    assert.throws(() => parseWith(shieldSchema(NOW), { enabled: "no" }, "EdgeShield edge", ["settings"]),
      (error: unknown) => error instanceof ConfigError && error.problems.map((p) => p.field).join() === "settings.enabled");
  });
});

describe("shieldSchema: the mistakes a new user makes get one problem each, with the way forward", () => {
  const only = (input: unknown) => {
    const found = problemsOf(input);
    assert.equal(found.length, 1, JSON.stringify(found));
    return found[0];
  };

  it("suggests the nearest key and choice", () => {
    assert.match(only({ enabeld: true }).allowed, /did you mean "enabled"\?$/);
    assert.match(only({ layer7Mitigation: "automatic-respons" }).allowed, /did you mean "automatic-response"\?$/);
    assert.match(only({ subscription: "Create" }).allowed, /did you mean "create"\?$/);
    assert.match(only({ protectionGroup: { aggregation: "max" } }).allowed, /did you mean "MAX"\?$/);
    assert.match(only({ proactiveEngagement: { contacts: [{ email: "a@example.com", phnoe: "+14155550100" }] } }).allowed, /did you mean "phone"\?$/);
    assert.match(only({ healthChecks: { cloudfront5xx: { tresholdPercent: 5 } } }).allowed, /did you mean "thresholdPercent"\?$/);
  });

  it("explains quoted numbers and booleans", () => {
    const interval = only({ healthChecks: { https: { path: "/h", requestIntervalSeconds: "30" } } });
    assert.deepEqual([interval.field, interval.value], ["shield.healthChecks.https.requestIntervalSeconds", "30"]);
    assert.match(interval.allowed, /^allowed: 10 or 30 \(seconds between checks\) \("30" is quoted, so YAML reads it as text: write 30 without quotes\)$/);
    assert.match(only({ enabled: "true" }).allowed, /\("true" is quoted/);
    assert.match(only({ healthChecks: { cloudfront5xx: { thresholdPercent: "5" } } }).allowed, /\("5" is quoted/);
  });

  it("says an unquoted phone number lost its + to YAML", () => {
    const p = only({ proactiveEngagement: { contacts: [{ email: "a@example.com", phone: 14155550100 }] } });
    assert.equal(p.allowed, 'allowed: an E.164 phone number in quotes, such as "+14155550100" (unquoted, YAML reads it as the number 14155550100)');
  });

  it("does not cascade from a bad field into the checks that read it", () => {
    assert.equal(only({ layer7Mitigation: "auto", automaticResponse: { action: "COUNT" } }).field, "shield.layer7Mitigation");
    assert.equal(only({ srtAccess: { enabled: "yes", shareWafLogBucket: true } }).field, "shield.srtAccess.enabled");
    assert.equal(only({ proactiveEngagement: { enabled: true, contacts: [{ email: "a@example.com", phone: "415" }] } }).field, "shield.proactiveEngagement.contacts[0].phone");
    assert.equal(only({ proactiveEngagement: { enabled: "yes" } }).field, "shield.proactiveEngagement.enabled");
    assert.equal(only({ healthChecks: { cloudfront5xx: { thresholdPercent: 0 } }, proactiveEngagement: PROACTIVE }).field, "shield.healthChecks.cloudfront5xx.thresholdPercent");
    assert.equal(only({ healthChecks: { cloudfront5xx: false, https: { path: "health" } }, proactiveEngagement: PROACTIVE }).field, "shield.healthChecks.https.path");
  });
});
