import { strict as assert } from "node:assert";
import { centralDrift, centralPolicyFor, GovernanceStackOutputs } from "../../components/governance";
import { GOVERNANCE_PROJECT } from "../../governance/plan";
import { ProgramRun, runProgram } from "../../scripts/plan/runProgram";
import { installMocks } from "../support/mocks";
import { DEV_GOVERNANCE_OUTPUTS } from "./fixtures";
import GOVERNANCE_STACKS from "../fixtures/governance-stacks.json";

const FMS_POLICY = "aws:fms/policy:Policy";
const RULE_GROUP = "aws:wafv2/ruleGroup:RuleGroup";
const CONFIG_RULE = "aws:cfg/organizationManagedRule:OrganizationManagedRule";

const run = (stack: string, edit?: (config: Record<string, string>) => void) => runProgram(stack, edit, installMocks(GOVERNANCE_PROJECT.name, stack), GOVERNANCE_PROJECT);
const data = (r: ProgramRun, name: string) => JSON.parse(r.recorder.one(FMS_POLICY, name).inputs.securityServicePolicyData.managedServiceData);

describe("governance program (governance/index.ts) under mocks", function () {
  this.timeout(60_000);

  describe("dev stack (hybrid)", () => {
    let dev: ProgramRun;
    before(async () => {
      dev = await run("dev");
    });

    it("exports the contract the edge stacks read, which they copy without drift", () => {
      assert.deepEqual(dev.outputs, DEV_GOVERNANCE_OUTPUTS);
      assert.deepEqual(centralDrift("hybrid", centralPolicyFor(dev.outputs as unknown as GovernanceStackOutputs), DEV_GOVERNANCE_OUTPUTS), []);
      assert.deepEqual(dev.outputs, GOVERNANCE_STACKS["edge-governance/dev"], "the mock runtime's stack reference answer is current");
    });

    it("creates the WAF policy for tagged distributions of its OU in us-east-1, retrofitting the accounts' web ACLs", () => {
      const { securityServicePolicyData, ...policy } = dev.recorder.one(FMS_POLICY, "edge-governance-dev-waf").inputs;
      assert.deepEqual(policy, {
        name: "edge-governance-dev-waf",
        region: "us-east-1",
        description: "hybrid WAF for CloudFront: the security team's first and last rule groups",
        resourceType: "AWS::CloudFront::Distribution",
        excludeResourceTags: false,
        resourceTags: { "edge-security:firewall-manager": "in-scope" },
        includeMap: { orgunits: ["ou-ab12-dev00001"] },
        remediationEnabled: true,
        deleteAllPolicyResources: true,
        tags: { environment: "dev", "edge-governance:stack": "dev" },
      });
      assert.equal(securityServicePolicyData.type, "WAFV2");
      const msd = data(dev, "edge-governance-dev-waf");
      assert.deepEqual([msd.webACLSource, msd.overrideCustomerWebACLAssociation, msd.defaultAction], ["RETROFIT_EXISTING", false, { type: "ALLOW" }]);
      assert.deepEqual(msd.preProcessRuleGroups.map((g: { managedRuleGroupIdentifier: { managedRuleGroupName: string }; overrideAction: object }) => [g.managedRuleGroupIdentifier.managedRuleGroupName, g.overrideAction]), [
        ["AWSManagedRulesAmazonIpReputationList", { type: "COUNT" }],
        ["AWSManagedRulesCommonRuleSet", { type: "COUNT" }],
        ["AWSManagedRulesKnownBadInputsRuleSet", { type: "COUNT" }],
      ]);
      assert.deepEqual(msd.preProcessRuleGroups[1].ruleActionOverrides, [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]);
      assert.deepEqual(msd.postProcessRuleGroups.map((g: { ruleGroupArn: string; ruleGroupType: string }) => [g.ruleGroupType, g.ruleGroupArn]), [
        ["RuleGroup", "arn:aws:mock:us-east-1:123456789012:RuleGroup/edge-governance-dev-backstop"],
      ]);
      assert.deepEqual(msd.loggingConfiguration, {
        logDestinationConfigs: ["arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-central-dev"],
        redactedFields: ["authorization", "x-forwarded-authorization", "cookie"].map((h) => ({ redactedFieldType: "SingleHeader", redactedFieldValue: h })),
        loggingFilterConfigs: null,
      });
    });

    it("creates the central rule group in CLOUDFRONT scope with the capacity of its rules, answering 429 with Retry-After", () => {
      const group = dev.recorder.one(RULE_GROUP, "edge-governance-dev-backstop").inputs;
      assert.deepEqual([group.scope, group.region, group.capacity, group.namePrefix, group.name], ["CLOUDFRONT", "us-east-1", 2, "edge-governance-dev-backstop-", undefined]);
      assert.deepEqual(group.rules, [{
        name: "rate-blanket",
        priority: 199,
        statement: { rateBasedStatement: { limit: 5000, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
        action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: "rate-limited", responseHeaders: [{ name: "Retry-After", value: "300" }] } } },
        visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "backstop-rate-blanket" },
      }]);
      assert.deepEqual(group.customResponseBodies.map((b: { key: string }) => b.key), ["forbidden", "rate-limited"]);
    });

    it("creates the Shield Advanced policy with the automatic response counting", () => {
      assert.deepEqual(data(dev, "edge-governance-dev-shield"), { type: "SHIELD_ADVANCED", automaticResponseConfiguration: { automaticResponseStatus: "ENABLED", automaticResponseAction: "COUNT" }, overrideCustomerWebaclClassic: false, optimizeUnassociatedWebACL: true });
      assert.equal(dev.recorder.one(FMS_POLICY, "edge-governance-dev-shield").inputs.securityServicePolicyData.type, "SHIELD_ADVANCED");
    });

    it("creates the organization Config rules in us-east-1, where CloudFront and its web ACLs are recorded", () => {
      assert.deepEqual(dev.recorder.ofType(CONFIG_RULE).map((r) => [r.inputs.name, r.inputs.ruleIdentifier, r.inputs.region, r.inputs.resourceTypesScopes, r.inputs.maximumExecutionFrequency]).sort(), [
        ["edge-governance-dev-cloudfront-associated-with-waf", "CLOUDFRONT_ASSOCIATED_WITH_WAF", "us-east-1", ["AWS::CloudFront::Distribution"], undefined],
        ["edge-governance-dev-shield-advanced-enabled-autorenew", "SHIELD_ADVANCED_ENABLED_AUTORENEW", "us-east-1", undefined, "TwentyFour_Hours"],
        ["edge-governance-dev-wafv2-logging-enabled", "WAFV2_LOGGING_ENABLED", "us-east-1", ["AWS::WAFv2::WebACL"], undefined],
        ["edge-governance-dev-wafv2-webacl-not-empty", "WAFV2_WEBACL_NOT_EMPTY", "us-east-1", ["AWS::WAFv2::WebACL"], undefined],
      ]);
    });
  });

  describe("prod stack (hybrid, enforcing)", () => {
    let prod: ProgramRun;
    before(async () => {
      prod = await run("prod");
    });

    it("exports what the mock runtime answers for a stack reference to it (test/fixtures/governance-stacks.json)", () => {
      assert.deepEqual(prod.outputs, GOVERNANCE_STACKS["edge-governance/prod"]);
    });

    it("runs the deny list first, then the managed groups with the edge's overrides, and the backstop last, enforcing, with the extra redaction", () => {
      const msd = data(prod, "edge-governance-prod-waf");
      assert.deepEqual(msd.preProcessRuleGroups.map((g: { ruleGroupType: string; overrideAction: { type: string }; managedRuleGroupIdentifier: { managedRuleGroupName: string } | null }) => [g.ruleGroupType, g.managedRuleGroupIdentifier?.managedRuleGroupName, g.overrideAction.type]), [
        ["RuleGroup", undefined, "NONE"],
        ["ManagedRuleGroup", "AWSManagedRulesAmazonIpReputationList", "NONE"],
        ["ManagedRuleGroup", "AWSManagedRulesCommonRuleSet", "NONE"],
        ["ManagedRuleGroup", "AWSManagedRulesKnownBadInputsRuleSet", "NONE"],
      ]);
      assert.deepEqual(msd.preProcessRuleGroups[2].ruleActionOverrides, [{ name: "NoUserAgent_HEADER", actionToUse: { count: {} } }, { name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]);
      assert.equal(msd.loggingConfiguration.redactedFields.at(-1).redactedFieldValue, "x-api-key");
      assert.deepEqual([prod.outputs.centralWcu, (prod.outputs.firstRuleGroups as { wcu: number }[])[0].wcu], [999, 4]);
    });

    it("blocks the deny list's IPv4 and IPv6 sets and the blocked country with the JSON 403, and bodies the groups cannot read", () => {
      const group = prod.recorder.one(RULE_GROUP, "edge-governance-prod-denylist").inputs;
      const forbidden = { block: { customResponse: { responseCode: 403, customResponseBodyKey: "forbidden", responseHeaders: [] } } };
      assert.deepEqual(group.rules.map((r: { name: string; statement: object; action: object }) => [r.name, r.statement, r.action]), [
        ["deny-ip-set", { orStatement: { statements: [
          { ipSetReferenceStatement: { arn: "arn:aws:wafv2:us-east-1:123456789012:global/ipset/edge-governance-prod-denylist-deny-ipv4/edge-governance-prod-denylist-deny-ipv4-id" } },
          { ipSetReferenceStatement: { arn: "arn:aws:wafv2:us-east-1:123456789012:global/ipset/edge-governance-prod-denylist-deny-ipv6/edge-governance-prod-denylist-deny-ipv6-id" } },
        ] } }, forbidden],
        ["geo-block", { geoMatchStatement: { countryCodes: ["KP"] } }, forbidden],
        ["body-too-large", { sizeConstraintStatement: { fieldToMatch: { body: { oversizeHandling: "MATCH" } }, comparisonOperator: "GT", size: 16384, textTransformations: [{ priority: 0, type: "NONE" }] } }, forbidden],
      ]);
      assert.equal(group.capacity, 4);
    });

    it("rate-limits the login path as the edge does: decoded, normalized, lowercased, at a segment boundary", () => {
      const group = prod.recorder.one(RULE_GROUP, "edge-governance-prod-backstop").inputs;
      const login = group.rules.find((r: { name: string }) => r.name === "rate-uri-login");
      const transforms = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"].map((type, priority) => ({ priority, type }));
      assert.deepEqual(login.statement.rateBasedStatement.scopeDownStatement.andStatement.statements[0], { orStatement: { statements: [
        { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: "EXACTLY", searchString: "/login", textTransformations: transforms } },
        { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: "STARTS_WITH", searchString: "/login/", textTransformations: transforms } },
      ] } });
      assert.deepEqual([group.capacity, login.visibilityConfig.metricName], [70, "backstop-rate-uri-login"]);
    });

    it("adds the API Gateway guardrail per region, except the accounts of edge-fronted IAM-only stages", () => {
      const rules = prod.recorder.ofType(CONFIG_RULE).filter((r) => r.inputs.ruleIdentifier === "API_GW_ASSOCIATED_WITH_WAF");
      assert.deepEqual(rules.map((r) => [r.inputs.region, r.inputs.excludedAccounts, r.inputs.resourceTypesScopes]), [
        ["eu-west-1", ["444455556666"], ["AWS::ApiGateway::Stage"]],
        ["us-east-2", ["444455556666"], ["AWS::ApiGateway::Stage"]],
      ]);
    });
  });
});
