import { strict as assert } from "node:assert";
import { GovernanceConfig, parseGovernanceConfig } from "../../governance/components/config";
import { planCentralPolicy, wafPolicyData } from "../../governance/components/centralPolicy";
import { ConfigError } from "../../components/shared/validation";

const LOGGING = { destinationArn: "arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-central" };

/** The program's config from `edge-governance:` keys given as values (Pulumi hands them over as JSON strings). */
function parse(values: Record<string, unknown>): GovernanceConfig {
  return parseGovernanceConfig(Object.fromEntries(Object.entries(values).map(([k, v]) => [`edge-governance:${k}`, typeof v === "string" ? v : JSON.stringify(v)])));
}

function problems(values: Record<string, unknown>): [string, string][] {
  try {
    parse(values);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((p) => [p.field, p.allowed]);
  }
  assert.fail("expected a ConfigError");
}

describe("governance program config", () => {
  it("applies the defaults: hybrid, the whole organization by tag, the edge's default managed groups first, Shield counting, the Config rules", () => {
    const config = parse({ waf: { logging: LOGGING } });
    const managed = (name: string, wcu: number) => ({ vendor: "AWS", name, overrideAction: "none", ruleActionOverrides: [], wcu });
    assert.deepEqual(config, {
      model: "hybrid",
      scope: { orgUnits: [], accounts: [], excludeAccounts: [], resourceTag: { key: "edge-security:firewall-manager", value: "in-scope" } },
      waf: {
        mode: "count",
        remediation: true,
        managedRuleGroups: [managed("AWSManagedRulesAmazonIpReputationList", 25), managed("AWSManagedRulesCommonRuleSet", 700), managed("AWSManagedRulesKnownBadInputsRuleSet", 200)],
        firstRuleGroups: [],
        lastRuleGroups: [],
        customRuleGroups: {},
        logging: { ...LOGGING, redactedHeaders: [] },
      },
      shield: { enabled: true, automaticResponse: "COUNT", remediation: true },
      configRules: { enabled: true },
      tags: {},
    });
    assert.deepEqual(planCentralPolicy(config.waf!), {
      first: [
        { name: "AWSManagedRulesAmazonIpReputationList", kind: "managed", wcu: 25 },
        { name: "AWSManagedRulesCommonRuleSet", kind: "managed", wcu: 700 },
        { name: "AWSManagedRulesKnownBadInputsRuleSet", kind: "managed", wcu: 200 },
      ],
      last: [],
      wcu: 925,
    });
  });

  it("references the managed groups with the edge's overrides: the Core rule set's 8 KB body rule counts, as on the edge", () => {
    const config = parse({ waf: { logging: false, managedRuleGroups: { AWSManagedRulesCommonRuleSet: { version: "Version_1.12", ruleActionOverrides: { NoUserAgent_HEADER: "block" } }, AWSManagedRulesSQLiRuleSet: { overrideAction: "count" } } } });
    const data = wafPolicyData(config, config.waf!, {});
    assert.deepEqual(data.first.slice(1, 3), [
      { kind: "managed", vendor: "AWS", name: "AWSManagedRulesCommonRuleSet", version: "Version_1.12", count: false, ruleActionOverrides: [{ name: "NoUserAgent_HEADER", action: "block" }, { name: "SizeRestrictions_BODY", action: "count" }] },
      { kind: "managed", vendor: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet", count: false, ruleActionOverrides: [] },
    ]);
    assert.deepEqual(data.first[3], { kind: "managed", vendor: "AWS", name: "AWSManagedRulesSQLiRuleSet", count: true, ruleActionOverrides: [] });
  });

  it("requires the WAF policy's logging decision under hybrid and centralized, and refuses a WAF policy under distributed", () => {
    assert.deepEqual(problems({}), [["waf", "required with model hybrid: the Firewall Manager WAF policy (at least logging: { destinationArn } or false)"]]);
    assert.deepEqual(problems({ waf: {} }), [["waf.logging", "required: { destinationArn } (an aws-waf-logs-* Firehose stream in us-east-1 or S3 bucket), or false"]]);
    assert.deepEqual(problems({ model: "distributed", waf: { logging: false } }), [["waf", "nothing under model distributed: app teams own their web ACLs; the security team watches through the Config rules"]]);
    assert.equal(parse({ model: "distributed" }).waf, undefined);
  });

  it("names every problem at once with the edge's own texts: model, scope, managed groups, rate limits, allow rules, log destinations, unknown keys", () => {
    assert.deepEqual(problems({
      model: "centralised",
      scope: { orgUnits: ["ou-1"] },
      waf: {
        managedRuleGroups: { AWSManagedRulesCommonRuleSet: { overrides: {} } },
        lastRuleGroups: ["backstop", "empty", "open"],
        customRuleGroups: { backstop: { rateLimits: { blanket: { limit: 5, windowSec: 30 } } }, empty: {}, open: { ipSets: { allow: ["10.0.0.0/8"] } } },
        logging: { destinationArn: "arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-central" },
      },
      shield: { automaticResponse: "block" },
      configRule: {},
    }), [
      ["model", 'allowed: "distributed", "hybrid" or "centralized"; did you mean "centralized"?'],
      ["scope.orgUnits[0]", "allowed: an organizational unit ID such as ou-ab12-cdef3456"],
      ["waf.managedRuleGroups.AWSManagedRulesCommonRuleSet.overrides", 'unknown key; allowed: "enabled", "vendor", "version", "overrideAction", "ruleActionOverrides", "scopeDown", "wcu", "inspectionLevel", "challenge" or "sensitivityToBlock"'],
      ["waf.customRuleGroups.backstop.rateLimits.blanket.limit", "allowed: a whole number of requests from 10 to 2000000000"],
      ["waf.customRuleGroups.backstop.rateLimits.blanket.windowSec", "allowed: 60, 120, 300 or 600 (seconds)"],
      ["waf.customRuleGroups.empty", "required: at least one rule (ipSets.deny, geo, bodySize or rateLimits); AWS WAF needs rules in a rule group"],
      ["waf.customRuleGroups.open.ipSets.allow", "allowed: nothing: an allow in the security team's rule group would end evaluation before the app's rules and the rest of the policy"],
      ["waf.logging.destinationArn", "allowed: arn:aws:firehose:us-east-1:<account>:deliverystream/aws-waf-logs-<name> or arn:aws:s3:::aws-waf-logs-<bucket> (Firewall Manager does not log to CloudWatch Logs)"],
      ["shield.automaticResponse", 'allowed: "COUNT" or "BLOCK" (AWS advises COUNT until a traffic baseline exists); did you mean "BLOCK"?'],
      ["configRule", 'unknown key; allowed: "model", "scope", "waf", "shield", "configRules" or "tags"; did you mean "configRules"?'],
    ]);
  });

  it("refuses what a Firewall Manager reference cannot carry, and references that do not add up, while a group has a problem of its own", () => {
    assert.deepEqual(problems({
      scope: { orgUnits: ["ou-ab12-cdef3456"], excludeAccounts: ["123456789012"] },
      waf: {
        managedRuleGroups: { AWSManagedRulesSQLiRuleSet: { scopeDown: { pathPrefix: "/api" } }, AWSManagedRulesBotControlRuleSet: true, AWSManagedRulesATPRuleSet: true },
        firstRuleGroups: ["baseline", "edge"],
        lastRuleGroups: ["edge"],
        customRuleGroups: { unused: { ipSets: { deny: ["192.0.2.0/24"] } }, edge: { rateLimits: { uri: [{ name: "a", pathPrefix: "/a/", limit: 100 }] } } },
        logging: false,
      },
    }), [
      ["scope.excludeAccounts", "allowed only without orgUnits and accounts: Firewall Manager takes inclusions or exclusions, not both"],
      ["waf.managedRuleGroups.AWSManagedRulesATPRuleSet", "allowed: a group this module can configure: AWSManagedRulesATPRuleSet needs your login or registration endpoints (managedRuleGroupConfigs), which it does not build"],
      ["waf.customRuleGroups.edge.rateLimits.uri[a].pathPrefix", "allowed: a path such as /pets: starts with /, at most 199 printable ASCII characters, no empty, . or .. segments, no trailing / (the path covers itself and everything below it), no %-escapes, ? or # (requests are URL-decoded, normalized and lowercased before they are compared)"],
      ["waf.firstRuleGroups[0]", "allowed: a group defined in waf.customRuleGroups (unused, edge)"],
      ["waf.lastRuleGroups[0]", "allowed: a group not already in firstRuleGroups[1]"],
      ["waf.customRuleGroups.unused", "used in firstRuleGroups or lastRuleGroups (an unused group would still be created and paid for)"],
    ]);
    assert.deepEqual(problems({ waf: { logging: false, managedRuleGroups: { AWSManagedRulesSQLiRuleSet: { scopeDown: { pathPrefix: "/api" } }, AWSManagedRulesBotControlRuleSet: true } } }), [
      ["waf.managedRuleGroups.AWSManagedRulesSQLiRuleSet.scopeDown", "allowed: nothing: the Firewall Manager policy data this program writes has no scope-down for a group (docs/aws-facts.md)"],
      ["waf.managedRuleGroups.AWSManagedRulesBotControlRuleSet", "allowed: a group without managedRuleGroupConfigs: AWSManagedRulesBotControlRuleSet needs them, and this program's policy data carries none"],
    ]);
  });
});
