import { strict as assert } from "node:assert";
import { GovernanceConfig, parseGovernanceConfig } from "../../governance/components/config";
import { planCentralPolicy } from "../../governance/components/centralPolicy";
import { customGroupWcu } from "../../governance/components/centralGroupRules";
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
  it("applies the defaults: hybrid, the whole organization by tag, AWS's baseline first, Shield counting, the Config rules", () => {
    const config = parse({ waf: { logging: LOGGING } });
    assert.deepEqual(config, {
      model: "hybrid",
      scope: { orgUnits: [], accounts: [], excludeAccounts: [], resourceTag: { key: "edge-security:firewall-manager", value: "in-scope" } },
      waf: {
        mode: "count",
        remediation: true,
        firstRuleGroups: [
          { managed: "AWSManagedRulesAmazonIpReputationList", ruleActionOverrides: {} },
          { managed: "AWSManagedRulesCommonRuleSet", ruleActionOverrides: { SizeRestrictions_BODY: "count" } },
          { managed: "AWSManagedRulesKnownBadInputsRuleSet", ruleActionOverrides: {} },
        ],
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

  it("requires the WAF policy's logging decision under hybrid and centralized, and refuses a WAF policy under distributed", () => {
    assert.deepEqual(problems({}), [["waf", "required with model hybrid: the Firewall Manager WAF policy (at least logging: { destinationArn } or false)"]]);
    assert.deepEqual(problems({ waf: {} }), [["waf.logging", "required: { destinationArn } (an aws-waf-logs-* Firehose stream in us-east-1 or S3 bucket), or false"]]);
    assert.deepEqual(problems({ model: "distributed", waf: { logging: false } }), [["waf", "nothing under model distributed: app teams own their web ACLs; the security team watches through the Config rules"]]);
    assert.equal(parse({ model: "distributed" }).waf, undefined);
  });

  it("names every problem at once: references, the WCU table, log destinations, scope, unknown keys", () => {
    assert.deepEqual(problems({
      model: "centralised",
      scope: { orgUnits: ["ou-1"], excludeAccounts: ["123456789012"] },
      waf: {
        firstRuleGroups: [{ custom: "baseline" }, { managed: "AWSManagedRulesATPRuleSet" }, { managed: "AWSManagedRulesCommonRuleSet", overrides: {} }],
        lastRuleGroups: [{ managed: "AWSManagedRulesCommonRuleSet" }],
        customRuleGroups: { backstop: { rateLimits: [{ name: "blanket", limit: 5, windowSec: 30 }] }, empty: {} },
        logging: { destinationArn: "arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-central" },
      },
      shield: { automaticResponse: "block" },
      configRule: {},
    }), [
      ["model", 'allowed: "distributed", "hybrid" or "centralized"; did you mean "centralized"?'],
      ["scope.orgUnits[0]", "allowed: an organizational unit ID such as ou-ab12-cdef3456"],
      ["waf.firstRuleGroups[2].overrides", 'unknown key; allowed: "managed", "version", "ruleActionOverrides" or "wcu"'],
      ["waf.customRuleGroups.backstop.rateLimits[blanket].limit", "allowed: a whole number of requests per window from 10 to 2000000000"],
      ["waf.customRuleGroups.backstop.rateLimits[blanket].windowSec", "allowed: 60, 120, 300 or 600 seconds"],
      ["waf.customRuleGroups.empty", "required: at least one rule (denyCidrs, geo or rateLimits); AWS WAF needs rules in a rule group"],
      ["waf.logging.destinationArn", "allowed: arn:aws:firehose:us-east-1:<account>:deliverystream/aws-waf-logs-<name> or arn:aws:s3:::aws-waf-logs-<bucket> (Firewall Manager does not log to CloudWatch Logs)"],
      ["shield.automaticResponse", 'allowed: "COUNT" or "BLOCK" (AWS advises COUNT until a traffic baseline exists); did you mean "BLOCK"?'],
      ["configRule", 'unknown key; allowed: "model", "scope", "waf", "shield", "configRules" or "tags"; did you mean "configRules"?'],
    ]);
  });

  it("checks the sets against each other once the sections parse", () => {
    assert.deepEqual(problems({
      scope: { orgUnits: ["ou-ab12-cdef3456"], excludeAccounts: ["123456789012"] },
      waf: {
        firstRuleGroups: [{ custom: "baseline" }, { managed: "AWSManagedRulesATPRuleSet" }, { managed: "AWSManagedRulesCommonRuleSet" }],
        lastRuleGroups: [{ managed: "AWSManagedRulesCommonRuleSet" }],
        customRuleGroups: { unused: { denyCidrs: ["192.0.2.0/24"] } },
        logging: false,
      },
    }), [
      ["scope.excludeAccounts", "allowed only without orgUnits and accounts: Firewall Manager takes inclusions or exclusions, not both"],
      ["waf.firstRuleGroups[0].custom", "allowed: a group defined in waf.customRuleGroups (unused)"],
      ["waf.firstRuleGroups[1].wcu", "required for AWSManagedRulesATPRuleSet, which is not in the WCU table (components/waf/managedRuleGroups.ts)"],
      ["waf.lastRuleGroups[0]", "allowed: a group not already in firstRuleGroups[2]"],
      ["waf.customRuleGroups.unused", "used in firstRuleGroups or lastRuleGroups (an unused group would still be created and paid for)"],
    ]);
  });

  it("estimates a custom group's capacity from its rules, as the web ACL's estimate does", () => {
    const group = { denyCidrs: ["192.0.2.0/24", "2001:db8::/32"], geo: { mode: "allow" as const, countries: ["DE", "FR"] }, rateLimits: [
      { name: "blanket", limit: 2000, windowSec: 300 as const, methods: [], action: "block" as const },
      { name: "login", limit: 100, windowSec: 60 as const, pathPrefix: "/login", methods: ["POST" as const], action: "block" as const },
    ] };
    // IP sets 1 + 1 (OR), NOT geo 1, blanket 2, login 2 + path starts-with with URL decode 12 + method 2.
    assert.equal(customGroupWcu("baseline", group), 2 + 1 + 2 + 16);
  });
});
