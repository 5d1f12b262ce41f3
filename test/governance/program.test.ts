import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { centralDrift, centralPolicyFor, GovernanceStackOutputs } from "../../components/governance";
import { ConfigError } from "../../components/shared/validation";
import { planCentralPolicy } from "../../governance/components/centralPolicy";
import { parseGovernanceConfig } from "../../governance/components/config";
import { describeGovernancePlan } from "../../governance/components/describeGovernancePlan";
import { GOVERNANCE_PROJECT } from "../../governance/plan";
import { PROJECT_DIR, ProgramRun, runProgram } from "../../scripts/plan/runProgram";
import { installMocks, settle } from "../support/mocks";
import { DEV_GOVERNANCE_OUTPUTS } from "./fixtures";

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
      });
    });

    it("creates the central rule group in CLOUDFRONT scope with the capacity of its rules, answering 429 with Retry-After", () => {
      const group = dev.recorder.one(RULE_GROUP, "edge-governance-dev-backstop").inputs;
      assert.deepEqual([group.scope, group.region, group.capacity, group.namePrefix, group.name], ["CLOUDFRONT", "us-east-1", 2, "edge-governance-dev-backstop-", undefined]);
      assert.deepEqual(group.rules, [{
        name: "rate-blanket",
        priority: 9900,
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

  describe("models", () => {
    it("centralized: Firewall Manager's own web ACL replaces the accounts' (no retrofit)", async () => {
      const centralized = await run("dev", (c) => (c["edge-governance:model"] = "centralized"));
      const msd = data(centralized, "edge-governance-dev-waf");
      assert.deepEqual([msd.webACLSource, msd.overrideCustomerWebACLAssociation], [undefined, true]);
      assert.equal(centralized.outputs.model, "centralized");
      const notes = describeGovernancePlan(parseGovernanceConfig(centralized.config), planCentralPolicy(parseGovernanceConfig(centralized.config).waf!));
      assert.ok(notes.includes("  Note: no first group has bodySize, and the stacks in scope have no web ACL of their own: bodies over 16 KB reach the managed groups half-read (padding hides a payload)"), notes.join("\n"));
      const prod = parseGovernanceConfig((await run("prod", (c) => (c["edge-governance:model"] = "centralized"))).config);
      const prodNotes = describeGovernancePlan(prod, planCentralPolicy(prod.waf!));
      assert.ok(!prodNotes.some((l) => l.includes("Note:")), "prod's denylist runs bodySize first");
    });

    it("distributed: no WAF policy and no rule groups; the Shield policy and Config rules stay", async () => {
      const distributed = await run("dev", (c) => {
        c["edge-governance:model"] = "distributed";
        delete c["edge-governance:waf"];
      });
      assert.deepEqual(distributed.recorder.ofType(FMS_POLICY).map((r) => r.name), ["edge-governance-dev-shield"]);
      assert.deepEqual(distributed.recorder.ofType(RULE_GROUP), []);
      assert.deepEqual([distributed.outputs.centralWcu, distributed.outputs.firstRuleGroups, distributed.outputs.wafPolicyId], [0, [], undefined]);
      assert.equal(distributed.recorder.ofType(CONFIG_RULE).length, 4);
    });

    it("without Shield: no Shield policy, no auto-renew rule, and the contract says none", async () => {
      const noShield = await run("dev", (c) => (c["edge-governance:shield"] = JSON.stringify({ enabled: false })));
      assert.deepEqual(noShield.recorder.ofType(FMS_POLICY).map((r) => r.name), ["edge-governance-dev-waf"]);
      assert.equal(noShield.outputs.shieldAutomaticResponse, "none");
      assert.ok(!noShield.recorder.ofType(CONFIG_RULE).some((r) => r.inputs.ruleIdentifier === "SHIELD_ADVANCED_ENABLED_AUTORENEW"));
    });
  });

  it("creates nothing when the config is invalid, and names every problem", async () => {
    const recorder = installMocks(GOVERNANCE_PROJECT.name, "dev");
    await assert.rejects(
      runProgram("dev", (c) => {
        c["edge-governance:model"] = "hybird";
        c["edge-governance:scope"] = JSON.stringify({ orgUnits: ["ou-x"] });
      }, recorder, GOVERNANCE_PROJECT),
      (error: unknown) => error instanceof ConfigError && error.problems.map((p) => p.field).join() === "model,scope.orgUnits[0]",
    );
    await settle();
    assert.deepEqual(recorder.resources, []);
  });

  describe("npm run plan:governance", () => {
    const tsx = path.join(PROJECT_DIR, "node_modules", ".bin", "tsx");
    const plan = (...args: string[]) => promisify(execFile)(tsx, ["governance/plan.ts", ...args], { cwd: PROJECT_DIR });
    const invalidStack = `invalid-${process.pid}`;
    const invalidFile = path.join(GOVERNANCE_PROJECT.dir, `Pulumi.${invalidStack}.yaml`);
    before(() => fs.writeFileSync(invalidFile, "config:\n  edge-governance:model: hybrid\n  edge-governance:waf:\n    logging: { destinationArn: arn:aws:logs:us-east-1:111122223333:log-group:x }\n"));
    after(() => fs.rmSync(invalidFile, { force: true }));

    it("prints the central policy with its WCU and what the edge stacks write", async () => {
      const { stdout } = await plan("--stack", "prod");
      assert.match(stdout, /\n {2}last {2}backstop +custom +70 WCU\n {2}total 999 WCU, kept free in every web ACL in scope\n/);
      assert.match(stdout, /Edge stacks in scope set edge-security:governance to \{"model":"hybrid","central":\{"wcu":999,/);
    });

    it("prints every problem of an invalid stack with its position and exits 1", async () => {
      await assert.rejects(plan("--stack", invalidStack), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr, /Pulumi\.invalid-\d+\.yaml: Invalid edge-governance configuration: 1 problem\n {2}Pulumi\.invalid-\d+\.yaml:4:32 waf\.logging\.destinationArn: got "arn:aws:logs:/);
        return true;
      });
    });
  });
});
