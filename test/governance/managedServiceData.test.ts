/**
 * Golden tests against AWS's documented `ManagedServiceData` examples (FMS API Reference,
 * SecurityServicePolicyData, https://docs.aws.amazon.com/fms/2018-01-01/APIReference/API_SecurityServicePolicyData.html;
 * the same examples in the AWS CLI reference of `fms put-policy`/`get-policy`, read 2026-12-01). Each builder's
 * output holds every key and value of the example; what it adds are keys that AWS's examples show as null or [],
 * and the documented keys the examples leave out when unset, written null (unconfirmed that AWS returns them so).
 */
import { strict as assert } from "node:assert";
import { wafPolicyData } from "../../governance/components/centralPolicy";
import { parseGovernanceConfig } from "../../governance/components/config";
import { shieldManagedServiceData, wafv2ManagedServiceData } from "../../governance/components/managedServiceData";

const LOGGING = { destinationArn: "arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-central" };
const BACKSTOP_ARN = "arn:aws:wafv2:us-east-1:111122223333:global/rulegroup/backstop/1";

/** "Example: WAFV2 - Firewall Manager support for WAF managed rule group versioning" (retrofit, no logging). */
const AWS_VERSIONING_EXAMPLE =
  '{"preProcessRuleGroups":[{"ruleGroupType":"ManagedRuleGroup","overrideAction":{"type":"NONE"},"sampledRequestsEnabled":true,"managedRuleGroupIdentifier":{"managedRuleGroupName":"AWSManagedRulesAdminProtectionRuleSet","vendorName":"AWS","managedRuleGroupConfigs":null}}],"postProcessRuleGroups":[],"defaultAction":{"type":"ALLOW"},"customRequestHandling":null,"tokenDomains":null,"customResponse":null,"type":"WAFV2","overrideCustomerWebACLAssociation":false,"sampledRequestsEnabledForDefaultActions":true,"optimizeUnassociatedWebACL":true,"webACLSource":"RETROFIT_EXISTING"}';

/** "Example: WAFV2 - Logging configurations" without its loggingFilterConfigs, which the builder does not offer. */
const AWS_LOGGING_EXAMPLE =
  '{"type":"WAFV2","preProcessRuleGroups":[{"ruleGroupArn":null, "overrideAction":{"type":"NONE"},"managedRuleGroupIdentifier": {"versionEnabled":null,"version":null,"vendorName":"AWS", "managedRuleGroupName":"AWSManagedRulesAdminProtectionRuleSet"} ,"ruleGroupType":"ManagedRuleGroup","excludeRules":[], "sampledRequestsEnabled":true}],"postProcessRuleGroups":[], "defaultAction":{"type":"ALLOW"},"customRequestHandling" :null,"customResponse":null,"overrideCustomerWebACLAssociation" :false,"loggingConfiguration":{"logDestinationConfigs": ["arn:aws:s3:::aws-waf-logs-example-bucket"] ,"redactedFields":[]},"sampledRequestsEnabledForDefaultActions":true}';

/** The older WAFV2 example's redacted header and customer rule group entry (SDK docstrings of the same page). */
const AWS_REDACTED_HEADER = '{"redactedFieldType":"SingleHeader","redactedFieldValue":"Cookies"}';
const AWS_CUSTOMER_GROUP = '{"managedRuleGroupIdentifier":null,"ruleGroupArn":"rulegrouparn","overrideAction":{"type":"COUNT"},"excludeRules":[],"ruleGroupType":"RuleGroup"}';

/** "Specification for SHIELD_ADVANCED for Amazon CloudFront distributions", the example given. */
const AWS_SHIELD_EXAMPLE = '{"type":"SHIELD_ADVANCED","automaticResponseConfiguration": {"automaticResponseStatus":"ENABLED", "automaticResponseAction":"COUNT"}}';

/** Keys AWS's examples show with null or [] (what AWS adds when it returns the policy). */
const DOCUMENTED_EMPTY: Readonly<Record<string, null | readonly never[]>> = {
  ruleGroupArn: null, versionEnabled: null, version: null, managedRuleGroupConfigs: null, excludeRules: [],
  customRequestHandling: null, customResponse: null, tokenDomains: null, loggingConfiguration: null,
};

/**
 * Keys of the documented format that AWS's examples show only when set (`ruleActionOverrides` in the Bot Control
 * example, `captchaConfig`, `challengeConfig`, `associationConfig` in the CAPTCHA example, `webACLSource` in the
 * versioning example, `loggingFilterConfigs` in the logging example): written null when unset.
 */
const UNCONFIRMED_EMPTY: Readonly<Record<string, null>> = {
  ruleActionOverrides: null, captchaConfig: null, challengeConfig: null, associationConfig: null, webACLSource: null, loggingFilterConfigs: null,
};

/** `actual` holds every key and value of `expected`; its other keys are documented empties (or `allowedExtra`). */
function assertGolden(actual: unknown, expected: unknown, allowedExtra: Readonly<Record<string, unknown>> = {}, at = "$"): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${at}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
    expected.forEach((e, i) => assertGolden(actual[i], e, allowedExtra, `${at}[${i}]`));
    return;
  }
  if (typeof expected !== "object" || expected === null) {
    assert.deepEqual(actual, expected, at);
    return;
  }
  assert.ok(typeof actual === "object" && actual !== null && !Array.isArray(actual), `${at} is not an object`);
  const object = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) assertGolden(object[key], value, allowedExtra, `${at}.${key}`);
  for (const key of Object.keys(object).filter((k) => !(k in expected))) {
    const allowed = key in DOCUMENTED_EMPTY ? DOCUMENTED_EMPTY[key] : key in UNCONFIRMED_EMPTY ? UNCONFIRMED_EMPTY[key] : allowedExtra[key];
    assert.deepEqual(object[key], allowed, `${at}.${key} is not in AWS's example and not a documented empty`);
  }
}

const adminProtection = { kind: "managed" as const, vendor: "AWS", name: "AWSManagedRulesAdminProtectionRuleSet", ruleActionOverrides: [] };

describe("managedServiceData builders (golden, AWS's documented examples)", () => {
  it("WAFV2 retrofit with a managed group equals AWS's versioning example plus documented empties", () => {
    const built = wafv2ManagedServiceData({ first: [adminProtection], last: [], overrideAction: "NONE", defaultAction: "ALLOW", overrideCustomerWebACLAssociation: false, webACLSource: "RETROFIT_EXISTING" });
    assertGolden(JSON.parse(built), JSON.parse(AWS_VERSIONING_EXAMPLE));
  });

  it("WAFV2 logging to S3 equals AWS's logging example (without its filter) plus documented empties", () => {
    const built = wafv2ManagedServiceData({ first: [adminProtection], last: [], overrideAction: "NONE", defaultAction: "ALLOW", overrideCustomerWebACLAssociation: false, logging: { destinationArn: "arn:aws:s3:::aws-waf-logs-example-bucket", redactedHeaders: [] } });
    assertGolden(JSON.parse(built), JSON.parse(AWS_LOGGING_EXAMPLE), { optimizeUnassociatedWebACL: true });
  });

  it("writes a redacted header and a customer rule group as AWS's older example does", () => {
    const built = JSON.parse(wafv2ManagedServiceData({
      first: [{ kind: "custom", arn: "rulegrouparn" }], last: [], overrideAction: "COUNT", defaultAction: "ALLOW", overrideCustomerWebACLAssociation: false,
      logging: { destinationArn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-central", redactedHeaders: ["Cookies"] },
    }));
    assert.deepEqual(built.loggingConfiguration.redactedFields, [JSON.parse(AWS_REDACTED_HEADER)]);
    assertGolden(built.preProcessRuleGroups[0], JSON.parse(AWS_CUSTOMER_GROUP), { sampledRequestsEnabled: true });
  });

  it("writes every key in one fixed order, so AWS's copy and the program's never differ by order or absence", () => {
    const withVersion = { ...adminProtection, version: "Version_1.0", ruleActionOverrides: [{ name: "AdminProtection_URIPATH", action: "count" as const }] };
    assert.equal(
      wafv2ManagedServiceData({ first: [withVersion], last: [{ kind: "custom", arn: "arn:aws:wafv2:us-east-1:123456789012:global/rulegroup/backstop/1" }], overrideAction: "NONE", defaultAction: "ALLOW", overrideCustomerWebACLAssociation: true }),
      '{"type":"WAFV2","preProcessRuleGroups":[{"ruleGroupArn":null,"overrideAction":{"type":"NONE"},"managedRuleGroupIdentifier":{"versionEnabled":true,"version":"Version_1.0","vendorName":"AWS","managedRuleGroupName":"AWSManagedRulesAdminProtectionRuleSet","managedRuleGroupConfigs":null},"ruleGroupType":"ManagedRuleGroup","excludeRules":[],"sampledRequestsEnabled":true,"ruleActionOverrides":[{"name":"AdminProtection_URIPATH","actionToUse":{"count":{}}}]}],' +
        '"postProcessRuleGroups":[{"ruleGroupArn":"arn:aws:wafv2:us-east-1:123456789012:global/rulegroup/backstop/1","overrideAction":{"type":"NONE"},"managedRuleGroupIdentifier":null,"ruleGroupType":"RuleGroup","excludeRules":[],"sampledRequestsEnabled":true,"ruleActionOverrides":null}],' +
        '"defaultAction":{"type":"ALLOW"},"customRequestHandling":null,"customResponse":null,"overrideCustomerWebACLAssociation":true,"loggingConfiguration":null,"sampledRequestsEnabledForDefaultActions":true,' +
        '"captchaConfig":null,"challengeConfig":null,"tokenDomains":null,"associationConfig":null,"optimizeUnassociatedWebACL":true,"webACLSource":null}',
    );
  });

  describe("the program's policies, as the exact string (parsed config, wafPolicyData)", () => {
    const policy = (model: "hybrid" | "centralized") => {
      const waf = { mode: "enforce", logging: LOGGING, managedRuleGroups: { AWSManagedRulesCommonRuleSet: false, AWSManagedRulesKnownBadInputsRuleSet: false }, lastRuleGroups: ["backstop"], customRuleGroups: { backstop: { rateLimits: { blanket: { limit: 5000 } } } } };
      const config = parseGovernanceConfig({ "edge-governance:model": model, "edge-governance:waf": JSON.stringify(waf) });
      return wafv2ManagedServiceData(wafPolicyData(config, config.waf!, { backstop: BACKSTOP_ARN }));
    };
    /** The same policy under either model: only the association override and the web ACL source differ. */
    const expected = (overrideAssociation: boolean, webACLSource: string) =>
      '{"type":"WAFV2","preProcessRuleGroups":[{"ruleGroupArn":null,"overrideAction":{"type":"NONE"},"managedRuleGroupIdentifier":{"versionEnabled":null,"version":null,"vendorName":"AWS","managedRuleGroupName":"AWSManagedRulesAmazonIpReputationList","managedRuleGroupConfigs":null},"ruleGroupType":"ManagedRuleGroup","excludeRules":[],"sampledRequestsEnabled":true,"ruleActionOverrides":null}],' +
      `"postProcessRuleGroups":[{"ruleGroupArn":"${BACKSTOP_ARN}","overrideAction":{"type":"NONE"},"managedRuleGroupIdentifier":null,"ruleGroupType":"RuleGroup","excludeRules":[],"sampledRequestsEnabled":true,"ruleActionOverrides":null}],` +
      `"defaultAction":{"type":"ALLOW"},"customRequestHandling":null,"customResponse":null,"overrideCustomerWebACLAssociation":${overrideAssociation},` +
      `"loggingConfiguration":{"logDestinationConfigs":["${LOGGING.destinationArn}"],"redactedFields":[` +
      '{"redactedFieldType":"SingleHeader","redactedFieldValue":"authorization"},{"redactedFieldType":"SingleHeader","redactedFieldValue":"x-forwarded-authorization"},{"redactedFieldType":"SingleHeader","redactedFieldValue":"cookie"}],"loggingFilterConfigs":null},' +
      `"sampledRequestsEnabledForDefaultActions":true,"captchaConfig":null,"challengeConfig":null,"tokenDomains":null,"associationConfig":null,"optimizeUnassociatedWebACL":true,"webACLSource":${webACLSource}}`;

    it("hybrid: retrofits the accounts' web ACLs, every unset key null", () => {
      assert.equal(policy("hybrid"), expected(false, '"RETROFIT_EXISTING"'));
    });

    it("centralized: replaces the accounts' associations, webACLSource null rather than absent", () => {
      assert.equal(policy("centralized"), expected(true, "null"));
    });
  });

  it("counts one managed group on its own, and names a third-party group's vendor", () => {
    const sellers = { ...adminProtection, vendor: "F5", name: "OWASP_Managed", count: true };
    const built = JSON.parse(wafv2ManagedServiceData({ first: [adminProtection, sellers], last: [], overrideAction: "NONE", defaultAction: "ALLOW", overrideCustomerWebACLAssociation: false }));
    assert.deepEqual(built.preProcessRuleGroups.map((g: { overrideAction: { type: string }; managedRuleGroupIdentifier: { vendorName: string } }) => [g.managedRuleGroupIdentifier.vendorName, g.overrideAction.type]), [["AWS", "NONE"], ["F5", "COUNT"]]);
  });

  it("SHIELD_ADVANCED for CloudFront equals AWS's example plus the documented defaults", () => {
    for (const action of ["COUNT", "BLOCK"] as const) {
      const expected = JSON.parse(AWS_SHIELD_EXAMPLE);
      expected.automaticResponseConfiguration.automaticResponseAction = action;
      assertGolden(JSON.parse(shieldManagedServiceData(action)), expected, { overrideCustomerWebaclClassic: false, optimizeUnassociatedWebACL: true });
    }
    assert.equal(shieldManagedServiceData("BLOCK"), '{"type":"SHIELD_ADVANCED","automaticResponseConfiguration":{"automaticResponseStatus":"ENABLED","automaticResponseAction":"BLOCK"},"overrideCustomerWebaclClassic":false,"optimizeUnassociatedWebACL":true}');
  });
});
