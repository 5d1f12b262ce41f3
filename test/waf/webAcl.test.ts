import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { DistributionConfig } from "../../components/config/distribution";
import { EdgeDistribution } from "../../components/edge/edgeDistribution";
import { ConfigError } from "../../components/shared/validation";
import { buildWafRules, EdgeWebAcl, EdgeWebAclArgs, edgeWebAclSettings, isCloudFrontWebAclArn, toPulumiRules } from "../../components/waf";
import { installMocks, MockRecorder, valueOf } from "../support/mocks";
import { DEV_WAF, managed, PROD_WAF } from "./fixtures";

const T = {
  acl: "aws:wafv2/webAcl:WebAcl",
  ipSet: "aws:wafv2/ipSet:IpSet",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  logging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  distribution: "aws:cloudfront/distribution:Distribution",
} as const;
const ACCOUNT = "123456789012";
const TAGS = { environment: "test" };
const BODIES = [
  { key: "forbidden", contentType: "APPLICATION_JSON", content: '{"message":"Forbidden"}' },
  { key: "rate-limited", contentType: "APPLICATION_JSON", content: '{"message":"Too Many Requests"}' },
];
const ACL_ARN = (name: string) => `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/${name}/${name}-id`;
const REDACTED = (...names: string[]) => names.map((name) => ({ singleHeader: { name } }));

describe("EdgeWebAcl", () => {
  let mocks: MockRecorder;
  before(() => { mocks = installMocks(); });
  beforeEach(() => mocks.reset());

  /** Builds the component and waits until every child is registered. */
  async function build(name: string, settings: EdgeWebAclArgs["settings"]): Promise<EdgeWebAcl> {
    const children: pulumi.Resource[] = [];
    const record: pulumi.ResourceTransformation = ({ resource }) => { children.push(resource); return undefined; };
    const acl = new EdgeWebAcl(name, { settings, tags: TAGS }, { transformations: [record] });
    await Promise.all([acl, ...children].map((r) => valueOf(r.urn)));
    await valueOf(acl.arn);
    return acl;
  }
  const inputs = (type: string, name: string) => mocks.one(type, name).inputs;

  describe("dev (count rollout, defaults)", () => {
    it("creates exactly the web ACL, its log group and logging configuration", async () => {
      await build("edge-dev", managed(DEV_WAF));
      assert.deepEqual(mocks.resources.map((r) => `${r.type} ${r.name}`).sort(), [
        `${T.logGroup} edge-dev-logs`,
        `${T.acl} edge-dev`,
        `${T.logging} edge-dev-logging`,
        "edge-security:waf:EdgeWebAcl edge-dev",
      ].sort());
    });

    it("web ACL: CLOUDFRONT in us-east-1, default allow, typed rules only (no ruleJson), JSON bodies, visibility", async () => {
      const acl = await build("edge-dev", managed(DEV_WAF));
      const got = inputs(T.acl, "edge-dev");
      assert.deepEqual(got, {
        name: "edge-dev",
        scope: "CLOUDFRONT",
        region: "us-east-1",
        description: "Edge web ACL edge-dev, mode count",
        defaultAction: { allow: {} },
        rules: JSON.parse(JSON.stringify(toPulumiRules(buildWafRules(managed(DEV_WAF), {})))),
        customResponseBodies: BODIES,
        associationConfig: { requestBodies: [{ cloudfront: { defaultSizeInspectionLimit: "KB_16" } }] },
        visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "edge-dev" },
        tags: TAGS,
      });
      assert.equal("ruleJson" in got, false);
      assert.deepEqual(got.rules.map((r: { name: string; priority: number }) => [r.priority, r.name]), [
        [30, "body-too-large"],
        [199, "rate-blanket"],
        [200, "AWS-AWSManagedRulesAmazonIpReputationList"],
        [210, "AWS-AWSManagedRulesCommonRuleSet"],
        [220, "AWS-AWSManagedRulesKnownBadInputsRuleSet"],
        [995, "rate-ip-reputation"],
      ]);
      assert.equal(await valueOf(acl.arn), ACL_ARN("edge-dev"));
    });

    it("logs to aws-waf-logs-<name> in us-east-1 with credentials redacted", async () => {
      await build("edge-dev", managed(DEV_WAF));
      assert.deepEqual(inputs(T.logGroup, "edge-dev-logs"), { name: "aws-waf-logs-edge-dev", retentionInDays: 30, region: "us-east-1", tags: TAGS });
      assert.deepEqual(inputs(T.logging, "edge-dev-logging"), {
        resourceArn: ACL_ARN("edge-dev"),
        region: "us-east-1",
        logDestinationConfigs: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws-waf-logs-edge-dev`],
        redactedFields: REDACTED("authorization", "x-forwarded-authorization", "cookie"),
      });
    });
  });

  describe("prod (enforce)", () => {
    it("creates one IP set per address version and references their ARNs in the deny rule", async () => {
      await build("edge-prod", managed(PROD_WAF));
      assert.deepEqual(inputs(T.ipSet, "edge-prod-deny-ipv4"), {
        name: "edge-prod-deny-ipv4", scope: "CLOUDFRONT", region: "us-east-1", ipAddressVersion: "IPV4", addresses: ["192.0.2.0/24"], description: "deny list of edge-prod", tags: TAGS,
      });
      assert.deepEqual(inputs(T.ipSet, "edge-prod-deny-ipv6").addresses, ["2001:db8::/32"]);
      assert.equal(mocks.ofType(T.ipSet).length, 2);
      const deny = inputs(T.acl, "edge-prod").rules.find((r: { name: string }) => r.name === "deny-ip-set");
      assert.deepEqual(deny.statement, {
        orStatement: {
          statements: [
            { ipSetReferenceStatement: { arn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/ipset/edge-prod-deny-ipv4/edge-prod-deny-ipv4-id` } },
            { ipSetReferenceStatement: { arn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/ipset/edge-prod-deny-ipv6/edge-prod-deny-ipv6-id` } },
          ],
        },
      });
    });

    it("keeps only blocked and counted requests in 90-day logs, with the extra redaction", async () => {
      await build("edge-prod", managed(PROD_WAF));
      assert.equal(inputs(T.logGroup, "edge-prod-logs").retentionInDays, 90);
      assert.deepEqual(inputs(T.logging, "edge-prod-logging"), {
        resourceArn: ACL_ARN("edge-prod"),
        region: "us-east-1",
        logDestinationConfigs: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws-waf-logs-edge-prod`],
        redactedFields: REDACTED("authorization", "x-forwarded-authorization", "cookie", "x-api-key"),
        loggingFilter: {
          defaultBehavior: "DROP",
          filters: [{ behavior: "KEEP", requirement: "MEETS_ANY", conditions: [{ actionCondition: { action: "BLOCK" } }, { actionCondition: { action: "COUNT" } }, { actionCondition: { action: "EXCLUDED_AS_COUNT" } }] }],
        },
      });
    });

    it("its ARN is what the distribution's webAclId receives", async () => {
      const acl = await build("edge-prod", managed(PROD_WAF));
      const config: DistributionConfig = {
        priceClass: "PriceClass_100", viewerProtocolPolicy: "https-only", aliases: [], certificateArn: undefined,
        originReadTimeout: 30, originKeepaliveTimeout: 5, geoRestriction: { type: "none", locations: [] },
      };
      const cdn = new EdgeDistribution("cdn", {
        origins: [{ name: "rest", kind: "REST", apiId: "api1", stage: "prod", region: "eu-west-1", pathPattern: "*" }],
        config,
        signerVersionArn: "arn:aws:lambda:us-east-1:123456789012:function:signer:1",
        webAclArn: acl.arn,
      });
      await valueOf(cdn.distribution.urn);
      const webAclId = inputs(T.distribution, "cdn").webAclId;
      assert.equal(webAclId, ACL_ARN("edge-prod"));
      assert.ok(isCloudFrontWebAclArn(webAclId));
    });
  });

  it("logs to an existing Firehose stream without creating a log group", async () => {
    const firehose = `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/aws-waf-logs-central`;
    await build("edge", managed({ logging: { destinationArn: firehose } }));
    assert.equal(mocks.ofType(T.logGroup).length, 0);
    assert.deepEqual(inputs(T.logging, "edge-logging").logDestinationConfigs, [firehose]);
  });

  it("with existingWebAclArn creates nothing and exposes that ARN", async () => {
    const arn = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/shared/0f0f0f0f-1111-2222-3333-444455556666`;
    const acl = await build("edge", { existingWebAclArn: arn });
    assert.deepEqual(mocks.resources.map((r) => r.type), ["edge-security:waf:EdgeWebAcl"]);
    assert.equal(await valueOf(acl.arn), arn);
  });

  it("throws before creating anything for disabled settings or a name AWS cannot use", () => {
    assert.throws(() => new EdgeWebAcl("edge", { settings: { kind: "disabled" } }), (e: unknown) => e instanceof ConfigError && /settings.kind: got "disabled"/.test(e.message));
    assert.throws(() => new EdgeWebAcl("edge", { settings: { enabled: false } }), /settings.enabled: got false; allowed: a managed or existing web ACL/);
    assert.throws(() => new EdgeWebAcl("edge waf", { settings: managed({}) }), /name: got "edge waf"; allowed: letters, digits/);
    assert.deepEqual(mocks.resources, []);
  });

  describe("a library user's settings", () => {
    it("are parsed with the stack file's defaults: a partial section builds the same web ACL", async () => {
      const partial = { mode: "count" as const, rateLimits: { blanket: { limit: 500 } } };
      await build("edge-lib", partial);
      assert.deepEqual(inputs(T.acl, "edge-lib").rules, JSON.parse(JSON.stringify(toPulumiRules(buildWafRules(managed(partial), {})))));
      assert.equal(inputs(T.logGroup, "edge-lib-logs").retentionInDays, 30);
      await build("edge-defaults", undefined);
      assert.equal(inputs(T.acl, "edge-defaults").description, "Edge web ACL edge-defaults, mode enforce");
    });

    it("take Shield's mitigation as the stack does: the 150 WCU reserve, or the Anti-DDoS group first", () => {
      const reserved = edgeWebAclSettings("edge", { shieldMitigation: "automatic-response" });
      assert.ok(reserved.kind === "managed" && reserved.capacity.reserve === 150);
      const antiDdos = edgeWebAclSettings("edge", { settings: {}, shieldMitigation: "anti-ddos-rule-group" });
      assert.equal(antiDdos.kind === "managed" && antiDdos.managedRuleGroups[0].name, "AWSManagedRulesAntiDDoSRuleSet");
    });

    it("take the monitoring's rate-limit probe as the stack does, once: as a context of unparsed settings, never beside parsed ones", async () => {
      const probe = { headerName: "x-edge-rate-probe", token: "0123456789abcdef0123456789abcdef", limit: 10, windowSec: 60, ruleName: "rate-limit-probe" };
      const parsed = managed({ mode: "count" }, { shieldMitigation: "none", rateLimitProbe: probe });
      const acl = new EdgeWebAcl("edge-probe", { settings: { mode: "count" }, rateLimitProbe: probe, tags: TAGS });
      await valueOf(acl.arn);
      const rules = inputs(T.acl, "edge-probe").rules;
      assert.deepEqual(rules, JSON.parse(JSON.stringify(toPulumiRules(buildWafRules(parsed, {})))));
      assert.deepEqual(rules.find((r: { name: string }) => r.name === "rate-limit-probe").statement.rateBasedStatement.scopeDownStatement.byteMatchStatement.searchString, probe.token);
      assert.throws(() => new EdgeWebAcl("edge-twice", { settings: parsed, rateLimitProbe: probe }), (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.deepEqual(e.problems.map((p) => [p.field, p.allowed]), [["rateLimitProbe", "allowed: only with settings not parsed yet; parsed settings carry their probe (wafSchema's rateLimitProbe)"]]);
        return true;
      });
    });

    it("are refused with every problem at once, named under settings, before any resource is registered", () => {
      const bad = () => new EdgeWebAcl("edge waf", { settings: { mode: "cuont" as "count", rateLimits: { blanket: { limit: 5 } }, logging: { retentionDays: 31 as 30 } } });
      assert.throws(bad, (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.deepEqual(e.problems.map((p) => p.field), ["settings.mode", "settings.rateLimits.blanket.limit", "settings.logging.retentionDays", "name"]);
        assert.match(e.message, /^EdgeWebAcl edge waf: 4 problems\n  - settings.mode: got "cuont"; allowed: "enforce" or "count"; did you mean "count"\?/);
        return true;
      });
      assert.deepEqual(mocks.resources, []);
    });
  });
});
