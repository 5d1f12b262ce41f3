import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { EdgeShield, EdgeShieldArgs } from "../../components/shield/shield";
import { ConfigError } from "../../components/shared/validation";
import { MockRecorder, SECRET_SIG, installMocks, secretInput, settle, valueOf } from "../support/mocks";
import { FULL_RAW, ROLE_ARN, TOPIC_ARN, WEB_ACL_ARN, distribution, parseValid } from "./fixtures";

const T = {
  subscription: "aws:shield/subscription:Subscription",
  protection: "aws:shield/protection:Protection",
  response: "aws:shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse",
  association: "aws:shield/protectionHealthCheckAssociation:ProtectionHealthCheckAssociation",
  group: "aws:shield/protectionGroup:ProtectionGroup",
  drtRole: "aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation",
  drtBucket: "aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation",
  proactive: "aws:shield/proactiveEngagement:ProactiveEngagement",
  healthCheck: "aws:route53/healthCheck:HealthCheck",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  email: "aws:sns/topicSubscription:TopicSubscription",
  role: "aws:iam/role:Role",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  distribution: "aws:cloudfront/distribution:Distribution",
} as const;

const DIST_ARN = "arn:aws:cloudfront::123456789012:distribution/cdn-id";
const NEW_TOPIC_ARN = "arn:aws:mock:us-east-1:123456789012:Topic/edge-alarms";
const TAGS = { team: "edge" };

const secret = secretInput;

/** Every string in `value` outside a secret, with where it is. */
function clearStrings(value: unknown, at: string): string[] {
  if (typeof value === "string") return [`${at}: ${value}`];
  if (typeof value !== "object" || value === null) return [];
  if ((value as Record<string, unknown>)[SECRET_SIG.key] === SECRET_SIG.value) return [];
  return Object.entries(value).flatMap(([k, v]) => clearStrings(v, `${at}.${k}`));
}

interface Built {
  readonly shield: EdgeShield;
  /** `dependsOn` of each child, as "type name" of each dependency. */
  readonly deps: Map<string, Promise<string[]>>;
}

describe("EdgeShield", () => {
  let mocks: MockRecorder;
  before(() => { mocks = installMocks(); });
  beforeEach(() => mocks.reset());

  async function build(raw: unknown, extra: Partial<EdgeShieldArgs> = {}): Promise<Built> {
    const deps = new Map<string, Promise<string[]>>();
    const registered: pulumi.Resource[] = [];
    const record: pulumi.ResourceTransformation = ({ resource, type, name, opts }) => {
      registered.push(resource);
      const list = opts.dependsOn === undefined ? [] : Array.isArray(opts.dependsOn) ? opts.dependsOn : [opts.dependsOn];
      deps.set(`${type} ${name}`, Promise.all((list as pulumi.Resource[]).map(async (r) => urnToKey(await valueOf(r.urn)))));
      return undefined;
    };
    const cdn = distribution();
    const shield = new EdgeShield("edge", {
      settings: parseValid(raw), distribution: cdn, webAclArn: WEB_ACL_ARN, wafLogBucketName: "aws-waf-logs-edge", tags: TAGS, ...extra,
    }, { transformations: [record] });
    // Every child is recorded once its URN resolves.
    await Promise.all([cdn, shield, ...registered].map((r) => valueOf(r.urn)));
    return { shield, deps };
  }

  const inputs = (type: string, name: string) => mocks.one(type, name).inputs;
  const dependencies = (built: Built, type: string, name: string) => built.deps.get(`${type} ${name}`) ?? Promise.resolve(["<not created>"]);
  const created = () => mocks.resources.map((r) => `${r.type} ${r.name}`).filter((k) => !k.startsWith("edge-security:")).sort();

  describe("with every option on", () => {
    let built: Built;
    beforeEach(async () => { built = await build(FULL_RAW); });

    it("creates exactly these resources", () => {
      assert.deepEqual(created(), [
        `${T.alarm} edge-5xx`, `${T.alarm} edge-ddos-detected`, `${T.alarm} edge-https`, `${T.distribution} cdn`,
        `${T.attachment} edge-srt`, `${T.role} edge-srt`, `${T.healthCheck} edge-5xx`, `${T.healthCheck} edge-health`,
        `${T.healthCheck} edge-https`, `${T.response} edge-l7-response`, `${T.drtBucket} edge-srt-waf-logs`, `${T.drtRole} edge-srt`,
        `${T.proactive} edge-proactive`, `${T.protection} edge-protection`, `${T.group} edge-group`, `${T.association} edge-health`,
        `${T.subscription} edge-subscription`, `${T.topic} edge-alarms`, `${T.email} edge-email-30c4ede1`, `${T.email} edge-email-368509b3`,
      ].sort());
    });

    it("subscribes with skipDestroy so destroy never cancels the commitment", async () => {
      assert.deepEqual(inputs(T.subscription, "edge-subscription"), { autoRenew: "ENABLED", skipDestroy: true });
      assert.deepEqual(await dependencies(built, T.subscription, "edge-subscription"), []);
    });

    it("protects the distribution after the subscription exists", async () => {
      assert.deepEqual(inputs(T.protection, "edge-protection"), { name: "edge-security-test-edge", resourceArn: DIST_ARN, tags: TAGS });
      assert.deepEqual(await dependencies(built, T.protection, "edge-protection"), [`${T.subscription} edge-subscription`, `${T.distribution} cdn`]);
    });

    it("orders the automatic response after the protection and the distribution with its web ACL", async () => {
      assert.deepEqual(inputs(T.response, "edge-l7-response"), { action: "COUNT", resourceArn: DIST_ARN });
      assert.deepEqual(await dependencies(built, T.response, "edge-l7-response"), [`${T.protection} edge-protection`, `${T.distribution} cdn`]);
    });

    it("alarms on DDoSDetected in us-east-1 to a new topic with email subscriptions", () => {
      assert.deepEqual(inputs(T.alarm, "edge-ddos-detected"), {
        region: "us-east-1", namespace: "AWS/DDoSProtection", metricName: "DDoSDetected", dimensions: { ResourceArn: DIST_ARN },
        statistic: "Sum", period: 60, evaluationPeriods: 1, threshold: 0, comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching", alarmActions: [NEW_TOPIC_ARN], okActions: [NEW_TOPIC_ARN], tags: TAGS,
        alarmDescription: "Shield Advanced detected a DDoS event on the CloudFront distribution",
      });
      assert.deepEqual(inputs(T.topic, "edge-alarms"), { region: "us-east-1", tags: TAGS });
      assert.deepEqual(
        mocks.ofType(T.email).map((r) => r.inputs).sort((a, b) => String(a.endpoint.value).localeCompare(String(b.endpoint.value))),
        ["noc@example.com", "secops@example.com"].map((email) => ({ region: "us-east-1", topic: NEW_TOPIC_ARN, protocol: "email", endpoint: secret(email) })),
      );
    });

    it("watches CloudFront's 5xx rate through a us-east-1 alarm and a CLOUDWATCH_METRIC health check", () => {
      assert.deepEqual(inputs(T.alarm, "edge-5xx"), {
        region: "us-east-1", namespace: "AWS/CloudFront", metricName: "5xxErrorRate", dimensions: { DistributionId: "cdn-id", Region: "Global" },
        statistic: "Average", period: 60, evaluationPeriods: 2, threshold: 10, comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching", alarmActions: [NEW_TOPIC_ARN], okActions: [NEW_TOPIC_ARN], tags: TAGS,
        alarmDescription: "CloudFront 5xx error rate above 10% (Shield health-based detection)",
      });
      assert.deepEqual(inputs(T.healthCheck, "edge-5xx"), {
        type: "CLOUDWATCH_METRIC", cloudwatchAlarmName: "edge-5xx", cloudwatchAlarmRegion: "us-east-1",
        insufficientDataHealthStatus: "LastKnownStatus", tags: { team: "edge", Name: "edge-5xx" },
      });
    });

    it("checks the health path over HTTPS and alarms on its status", () => {
      assert.deepEqual(inputs(T.healthCheck, "edge-https"), {
        type: "HTTPS", fqdn: "api.example.com", port: 443, resourcePath: "/health", enableSni: true, requestInterval: 10,
        failureThreshold: 2, measureLatency: false, tags: { team: "edge", Name: "edge-https" },
      });
      assert.deepEqual(inputs(T.alarm, "edge-https"), {
        region: "us-east-1", namespace: "AWS/Route53", metricName: "HealthCheckStatus", dimensions: { HealthCheckId: "edge-https-id" },
        statistic: "Minimum", period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: "LessThanThreshold",
        treatMissingData: "missing", alarmActions: [NEW_TOPIC_ARN], okActions: [NEW_TOPIC_ARN], tags: TAGS,
        alarmDescription: "Route 53 HTTPS health check through CloudFront is failing",
      });
    });

    it("associates one calculated health check, healthy only while both are", () => {
      assert.deepEqual(inputs(T.healthCheck, "edge-health"), {
        type: "CALCULATED", childHealthchecks: ["edge-5xx-id", "edge-https-id"], childHealthThreshold: 2, tags: { team: "edge", Name: "edge-health" },
      });
      assert.deepEqual(inputs(T.association, "edge-health"), {
        shieldProtectionId: "edge-protection-id", healthCheckArn: "arn:aws:mock:eu-west-1:123456789012:HealthCheck/edge-health",
      });
    });

    it("grants the SRT a role with only AWSShieldDRTAccessPolicy, then shares the WAF log bucket", async () => {
      const role = inputs(T.role, "edge-srt");
      assert.deepEqual(JSON.parse(role.assumeRolePolicy), {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "drt.shield.amazonaws.com" }, Action: "sts:AssumeRole" }],
      });
      assert.deepEqual({ ...role, assumeRolePolicy: undefined }, {
        assumeRolePolicy: undefined, description: "Lets the AWS Shield Response Team manage WAF and Shield during a DDoS event", tags: TAGS,
      });
      assert.deepEqual(inputs(T.attachment, "edge-srt"), { role: "edge-srt", policyArn: "arn:aws:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy" });
      assert.deepEqual(inputs(T.drtRole, "edge-srt"), { roleArn: "arn:aws:iam::123456789012:role/edge-srt" });
      assert.deepEqual(await dependencies(built, T.drtRole, "edge-srt"), [`${T.subscription} edge-subscription`, `${T.attachment} edge-srt`]);
      assert.deepEqual(inputs(T.drtBucket, "edge-srt-waf-logs"), { logBucket: "aws-waf-logs-edge", roleArnAssociationId: "edge-srt-id" });
      assert.deepEqual(await dependencies(built, T.drtBucket, "edge-srt-waf-logs"), [`${T.drtRole} edge-srt`]);
    });

    it("enables proactive engagement after the health check association and SRT access", async () => {
      assert.deepEqual(inputs(T.proactive, "edge-proactive"), {
        enabled: true,
        emergencyContacts: secret([
          { emailAddress: "secops@example.com", phoneNumber: "+14155550100", contactNotes: "24x7 hotline" },
          { emailAddress: "lead@example.com" },
        ]),
      });
      assert.deepEqual(await dependencies(built, T.proactive, "edge-proactive"), [
        `${T.subscription} edge-subscription`, `${T.association} edge-health`, `${T.drtRole} edge-srt`,
      ]);
    });

    it("groups the distribution after protecting it", async () => {
      assert.deepEqual(inputs(T.group, "edge-group"), {
        protectionGroupId: "edge-security-test-edge", aggregation: "MAX", pattern: "ARBITRARY", members: [DIST_ARN], tags: TAGS,
      });
      assert.deepEqual(await dependencies(built, T.group, "edge-group"), [`${T.protection} edge-protection`]);
    });

    it("places alarms, topic and subscriptions in us-east-1 and leaves global resources without a region", () => {
      for (const r of mocks.resources) {
        const regional = [T.alarm, T.topic, T.email].includes(r.type as typeof T.alarm);
        if (r.type.startsWith("aws:") && r.type !== T.distribution) {
          assert.equal(r.inputs.region, regional ? "us-east-1" : undefined, `${r.type} ${r.name}`);
        }
      }
      assert.equal(mocks.ofType(T.alarm).length, 3);
    });

    it("hands every email, phone number and contact note to AWS only as a secret, so state never holds them in clear", () => {
      const personal = ["secops@example.com", "noc@example.com", "lead@example.com", "+14155550100", "24x7 hotline"];
      const leaks = mocks.resources.flatMap((r) => clearStrings(r.inputs, `${r.type} ${r.name}`)).filter((s) => personal.some((p) => s.includes(p)));
      assert.deepEqual(leaks, []);
      assert.equal(mocks.ofType(T.email).length, 2, "the scan saw the subscriptions");
    });

    it("exposes the protection, topic, associated health check and SRT role", async () => {
      assert.equal(await valueOf(built.shield.protectionId), "edge-protection-id");
      assert.equal(await valueOf(built.shield.snsTopicArn), NEW_TOPIC_ARN);
      assert.equal(await valueOf(built.shield.healthCheckId), "edge-health-id");
      assert.equal(await valueOf(built.shield.srtRoleArn), "arn:aws:iam::123456789012:role/edge-srt");
    });
  });

  it("reuses an existing topic and role, assumes the subscription, and associates the only health check", async () => {
    const built = await build({
      enabled: true,
      layer7Mitigation: "anti-ddos-rule-group",
      healthChecks: { cloudfront5xx: false, https: { path: "/health" } },
      notifications: { topicArn: TOPIC_ARN },
      srtAccess: { enabled: true, roleArn: ROLE_ARN },
    }, { wafLogBucketName: undefined });
    assert.deepEqual(created(), [
      `${T.alarm} edge-ddos-detected`, `${T.alarm} edge-https`, `${T.distribution} cdn`, `${T.healthCheck} edge-https`,
      `${T.drtRole} edge-srt`, `${T.protection} edge-protection`, `${T.association} edge-health`,
    ].sort());
    assert.deepEqual(await dependencies(built, T.protection, "edge-protection"), [`${T.distribution} cdn`]);
    assert.equal(inputs(T.healthCheck, "edge-https").fqdn, "cdn.cloudfront.net");
    assert.equal(inputs(T.association, "edge-health").healthCheckArn, "arn:aws:mock:eu-west-1:123456789012:HealthCheck/edge-https");
    assert.deepEqual(inputs(T.drtRole, "edge-srt"), { roleArn: ROLE_ARN });
    assert.deepEqual(await dependencies(built, T.drtRole, "edge-srt"), []);
    assert.deepEqual(inputs(T.alarm, "edge-ddos-detected").alarmActions, [TOPIC_ARN]);
    assert.equal(await valueOf(built.shield.snsTopicArn), TOPIC_ARN);
    assert.equal(await valueOf(built.shield.srtRoleArn), ROLE_ARN);
    assert.equal(await valueOf(built.shield.healthCheckId), "edge-https-id");
  });

  it("creates no health check and no association without health checks", async () => {
    const built = await build({ enabled: true, layer7Mitigation: "none", healthChecks: { cloudfront5xx: false }, notifications: { topicArn: TOPIC_ARN } });
    assert.deepEqual(created(), [`${T.alarm} edge-ddos-detected`, `${T.distribution} cdn`, `${T.protection} edge-protection`].sort());
    assert.equal(await valueOf(built.shield.healthCheckId), undefined);
  });

  for (const [label, raw] of [["absent (dev)", undefined], ["enabled: false", { enabled: false, layer7Mitigation: "automatic-response" }]] as const) {
    it(`creates nothing when the section is ${label}`, async () => {
      const built = await build(raw, { webAclArn: undefined, wafLogBucketName: undefined });
      assert.deepEqual(created(), [`${T.distribution} cdn`]);
      for (const output of [built.shield.protectionId, built.shield.snsTopicArn, built.shield.healthCheckId, built.shield.srtRoleArn]) {
        assert.equal(await valueOf(output), undefined);
      }
    });
  }

  it("logs each warning against the component", async () => {
    const log = pulumi.log as { warn: typeof pulumi.log.warn };
    const original = log.warn;
    const seen: string[] = [];
    log.warn = (message: string) => { seen.push(message); return Promise.resolve(); };
    try {
      await build({ enabled: true, layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK" } });
    } finally {
      log.warn = original;
    }
    assert.equal(seen.length, 2);
    assert.match(seen[0], /BLOCK with a brand-new protection/);
    assert.match(seen[1], /no subscribers/);
  });

  const missing: readonly [string, object, Partial<EdgeShieldArgs>, string][] = [
    ["automatic response without a web ACL", { enabled: true, layer7Mitigation: "automatic-response" }, { webAclArn: undefined }, "webAclArn"],
    ["log sharing without the WAF log bucket", { enabled: true, layer7Mitigation: "none", srtAccess: { enabled: true, shareWafLogBucket: true } }, { wafLogBucketName: undefined }, "wafLogBucketName"],
  ];
  for (const [label, raw, extra, field] of missing) {
    it(`throws before creating anything: ${label}`, () => {
      assert.throws(() => new EdgeShield("edge", { settings: parseValid(raw), distribution: distribution(), webAclArn: WEB_ACL_ARN, ...extra }),
        (error: unknown) => error instanceof ConfigError && error.subject === "EdgeShield edge" && error.problems.map((p) => p.field).join() === field);
      assert.deepEqual(created().filter((k) => !k.startsWith(T.distribution)), []);
    });
  }

  describe("for a library user", () => {
    it("takes partial settings and gives them the stack file's defaults", async () => {
      const cdn = distribution();
      const shield = new EdgeShield("edge", { settings: { enabled: true, notifications: { topicArn: TOPIC_ARN } }, distribution: cdn, webAclArn: WEB_ACL_ARN });
      await Promise.all([valueOf(cdn.urn), valueOf(shield.healthCheckId)]);
      await settle();
      // The Anti-DDoS rule group (in the web ACL) and the CloudFront 5xx check, 5 % over 3 minutes; nothing else.
      assert.deepEqual(created(), [
        `${T.alarm} edge-5xx`, `${T.alarm} edge-ddos-detected`, `${T.distribution} cdn`, `${T.healthCheck} edge-5xx`,
        `${T.protection} edge-protection`, `${T.association} edge-health`,
      ].sort());
      assert.deepEqual([inputs(T.alarm, "edge-5xx").threshold, inputs(T.alarm, "edge-5xx").evaluationPeriods], [5, 3]);
    });

    it("creates nothing without settings", async () => {
      const shield = new EdgeShield("edge", { distribution: distribution() });
      assert.equal(await valueOf(shield.protectionId), undefined);
      await settle();
      assert.deepEqual(created(), [`${T.distribution} cdn`]);
    });

    it("refuses bad settings before registering anything, naming every problem under settings", async () => {
      const cdn = distribution();
      // As a JavaScript caller (or one reading its own config) may pass them: the types would refuse the first.
      const settings = { enabled: true, layer7Mitigation: "anti-ddos-rulegroup", healthChecks: { https: { path: "health" } } } as unknown as EdgeShieldArgs["settings"];
      assert.throws(
        () => new EdgeShield("edge", { settings, distribution: cdn }),
        (error: unknown) => error instanceof ConfigError && error.subject === "EdgeShield edge" &&
          error.problems.map((p) => p.field).join() === "settings.layer7Mitigation,settings.healthChecks.https.path" &&
          /did you mean "anti-ddos-rule-group"\?/.test(error.problems[0].allowed),
      );
      await valueOf(cdn.urn);
      await settle();
      assert.deepEqual(mocks.resources.map((r) => `${r.type} ${r.name}`), [`${T.distribution} cdn`], "not even the component is registered");
    });
  });
});

/** `urn:pulumi:stack::project::parent$type::name` -> `type name`. */
function urnToKey(urn: string): string {
  const [, , qualifiedType, name] = urn.split("::");
  return `${qualifiedType.split("$").pop()} ${name}`;
}
