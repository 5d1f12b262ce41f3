import * as assert from "node:assert/strict";
import { parseWith } from "../../components/shared/schema/parse";
import { wafSchema } from "../../components/waf";
import { DEV_WAF, managed, parse, PROD_WAF } from "./fixtures";

describe("waf config: defaults", () => {
  it("an absent section is a safe managed web ACL: enforce, the three baseline groups, layered rate rules, logging", () => {
    const s = managed(undefined);
    assert.equal(s.mode, "enforce");
    assert.deepEqual(
      s.managedRuleGroups.map((g) => [g.name, g.wcu, g.overrideAction]),
      [
        ["AWSManagedRulesAmazonIpReputationList", 25, "none"],
        ["AWSManagedRulesCommonRuleSet", 700, "none"],
        ["AWSManagedRulesKnownBadInputsRuleSet", 200, "none"],
      ],
    );
    assert.deepEqual(s.bodySize, { action: "block", maxBytes: 16384, allowedPaths: [] });
    assert.equal(s.bodyInspectionLimit, "KB_16");
    assert.deepEqual(s.rateLimits, {
      blanket: { limit: 2000, windowSec: 300, aggregation: { kind: "IP" }, action: "block" },
      uri: [],
      ipReputation: { limit: 100, windowSec: 300, aggregation: { kind: "IP" }, action: "block" },
    });
    assert.deepEqual(s.logging, {
      destination: { kind: "cloudwatch", retentionDays: 30 },
      redactedHeaders: ["authorization", "x-forwarded-authorization", "cookie"],
      filter: "all",
    });
    assert.deepEqual(s.capacity, { limit: 1500, reserve: 0 });
    assert.deepEqual(s.ipSets, { allow: [], deny: [] });
    assert.equal(s.geo, undefined);
  });

  it("dev example: count rollout, defaults otherwise", () => {
    assert.equal(managed(DEV_WAF).mode, "count");
  });

  it("prod example parses to the documented settings", () => {
    const s = managed(PROD_WAF);
    assert.deepEqual(s.managedRuleGroups.map((g) => g.name), [
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesSQLiRuleSet",
    ]);
    assert.deepEqual(s.managedRuleGroups[1], {
      vendor: "AWS",
      name: "AWSManagedRulesCommonRuleSet",
      version: "Version_1.12",
      overrideAction: "none",
      ruleActionOverrides: [{ name: "NoUserAgent_HEADER", action: "count" }],
      wcu: 700,
    });
    assert.deepEqual(s.rateLimits.uri, [
      { name: "pets-post", pathPrefix: "/pets", methods: ["POST"], limit: 100, windowSec: 60, aggregation: { kind: "IP" }, action: "block" },
    ]);
    assert.deepEqual(s.customRules, [{ name: "block-admin", priority: 1000, action: "block", match: { pathPrefix: "/admin", negate: false } }]);
    assert.deepEqual(s.logging?.redactedHeaders, ["authorization", "x-forwarded-authorization", "cookie", "x-api-key"]);
  });

  it("enabled: false opts out; existingWebAclArn reuses a CLOUDFRONT web ACL", () => {
    assert.deepEqual(parse({ enabled: false }).settings, { kind: "disabled" });
    const arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/a1b2c3d4-5678-90ab-cdef-111122223333";
    assert.deepEqual(parse({ existingWebAclArn: arn }), { settings: { kind: "existing", existingWebAclArn: arn }, problems: [], fields: [] });
  });

  it("Shield automatic response reserves 150 WCU; the anti-DDoS mitigation adds its group first", () => {
    assert.deepEqual(managed({}, { shieldMitigation: "automatic-response" }).capacity, { limit: 1500, reserve: 150 });
    const groups = managed({}, { shieldMitigation: "anti-ddos-rule-group" }).managedRuleGroups;
    assert.deepEqual(groups[0], {
      vendor: "AWS",
      name: "AWSManagedRulesAntiDDoSRuleSet",
      overrideAction: "none",
      ruleActionOverrides: [],
      wcu: 50,
      config: { kind: "antiDdos", challenge: "DISABLED", sensitivityToBlock: "LOW" },
    });
  });

  it("capacity above 1,500 with the explicit opt-in; another AWS group and a third-party group with its WCU; custom aggregation keys", () => {
    const s = managed({
      capacity: { limit: 2500, acceptExtraFees: true },
      managedRuleGroups: { AWSManagedRulesLinuxRuleSet: {}, "all-rules": { vendor: "Example Seller Inc.", wcu: 50 } },
      rateLimits: { uri: [{ name: "login", pathPrefix: "/login", limit: 10, aggregation: { customKeys: [{ ip: true }, { header: "X-Api-Key" }] } }] },
    });
    assert.equal(s.capacity.limit, 2500);
    assert.deepEqual(s.managedRuleGroups.slice(-2).map((g) => [g.vendor, g.name, g.wcu]), [["AWS", "AWSManagedRulesLinuxRuleSet", 200], ["Example Seller Inc.", "all-rules", 50]]);
    assert.deepEqual(s.rateLimits.uri[0].aggregation, { kind: "CUSTOM_KEYS", keys: [{ kind: "ip" }, { kind: "header", name: "x-api-key" }] });
  });
});

describe("waf config: bad input (each reports field, value and what is allowed)", () => {
  const elevenUri = Array.from({ length: 9 }, (_, i) => ({ name: `u${i}`, pathPrefix: `/u${i}`, limit: 100 }));
  const cases: { title: string; raw: unknown; field: string; allowed: RegExp; context?: "automatic-response" | "anti-ddos-rule-group" }[] = [
    { title: "a rate limit under 10", raw: { rateLimits: { blanket: { limit: 9 } } }, field: "waf.rateLimits.blanket.limit", allowed: /from 10 to/ },
    { title: "a URI rate limit under 10", raw: { rateLimits: { uri: [{ name: "p", pathPrefix: "/p", limit: 5 }] } }, field: "waf.rateLimits.uri[p].limit", allowed: /from 10 to/ },
    { title: "an evaluation window not in {60,120,300,600}", raw: { rateLimits: { blanket: { windowSec: 30 } } }, field: "waf.rateLimits.blanket.windowSec", allowed: /60, 120, 300 or 600/ },
    { title: "CONSTANT aggregation without a scope-down", raw: { rateLimits: { blanket: { aggregation: "CONSTANT" } } }, field: "waf.rateLimits.blanket.aggregation", allowed: /needs a scope-down/ },
    { title: "FORWARDED_IP aggregation behind CloudFront", raw: { rateLimits: { blanket: { aggregation: "FORWARDED_IP" } } }, field: "waf.rateLimits.blanket.aggregation", allowed: /spoofed/ },
    { title: "more than 10 rate-based rules", raw: { rateLimits: { uri: elevenUri } }, field: "waf.rateLimits", allowed: /at most 10 rate-based rules/ },
    { title: "a duplicate rule name", raw: { customRules: [{ name: "x", action: "count", match: { pathPrefix: "/a" } }, { name: "x", action: "count", match: { pathPrefix: "/b" } }] }, field: "waf.customRules[1].name", allowed: /unique rule name; waf.customRules\[0\]/ },
    { title: "a custom rule named like a built-in rule, at the rule the author named", raw: { customRules: [{ name: "rate-blanket", action: "count", match: { pathPrefix: "/a" } }] }, field: "waf.customRules[rate-blanket].name", allowed: /unique rule name; waf.rateLimits.blanket already uses rate-blanket/ },
    { title: "a duplicate priority", raw: { customRules: [{ name: "a", priority: 2000, action: "count", match: { pathPrefix: "/a" } }, { name: "b", priority: 2000, action: "count", match: { pathPrefix: "/b" } }] }, field: "waf.customRules[b].priority", allowed: /unique priority; waf.customRules\[0\] already uses 2000/ },
    { title: "a custom rule at Shield's reserved priority", raw: { customRules: [{ name: "a", priority: 10_000_000, action: "block", match: { pathPrefix: "/a" } }] }, field: "waf.customRules[a].priority", allowed: /reserved .*10000000 Shield/ },
    { title: "a custom rule in the managed-group range", raw: { customRules: [{ name: "a", priority: 100, action: "block", match: { pathPrefix: "/a" } }] }, field: "waf.customRules[a].priority", allowed: /from 1000 to 8999/ },
    { title: "a misspelt AWS managed group, with the closest name", raw: { managedRuleGroups: { AWSManagedRulesSQLRuleSet: true } }, field: "waf.managedRuleGroups.AWSManagedRulesSQLRuleSet", allowed: /usable at CLOUDFRONT scope; did you mean "AWSManagedRulesSQLiRuleSet"\? \(a third-party group sets vendor and wcu\)/ },
    { title: "a third-party group without its WCU", raw: { managedRuleGroups: { "all-rules": { vendor: "Example Seller" } } }, field: "waf.managedRuleGroups.all-rules.wcu", allowed: /required for a Example Seller group/ },
    { title: "the ACFP group, which needs registration endpoints", raw: { managedRuleGroups: { AWSManagedRulesACFPRuleSet: true } }, field: "waf.managedRuleGroups.AWSManagedRulesACFPRuleSet", allowed: /needs your login or registration endpoints/ },
    { title: "a malformed CIDR", raw: { ipSets: { allow: ["10.0.0.0/8", "10.0.0.256/32"] } }, field: "waf.ipSets.allow[1]", allowed: /CIDR/ },
    { title: "an IPv6 CIDR without prefix", raw: { ipSets: { deny: ["2001:db8::"] } }, field: "waf.ipSets.deny[0]", allowed: /CIDR/ },
    { title: "an unknown country code", raw: { geo: { mode: "block", countries: ["XX"] } }, field: "waf.geo.countries[0]", allowed: /country code/ },
    { title: "capacity over budget", raw: { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesLinuxRuleSet: true, AWSManagedRulesWindowsRuleSet: true } }, field: "waf.capacity", allowed: /at most 1500 WCU \(rules: body-too-large 1, rate-blanket 2, AWS-AWSManagedRulesAmazonIpReputationList 25, AWS-AWSManagedRulesCommonRuleSet 700, AWS-AWSManagedRulesKnownBadInputsRuleSet 200, AWS-AWSManagedRulesSQLiRuleSet 200, AWS-AWSManagedRulesLinuxRuleSet 200, AWS-AWSManagedRulesWindowsRuleSet 200, rate-ip-reputation 3; total 1531\)/ },
    { title: "capacity with the Shield reserve over budget", raw: { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: true, AWSManagedRulesAdminProtectionRuleSet: true, AWSManagedRulesPHPRuleSet: true, AWSManagedRulesUnixRuleSet: true } }, field: "waf.capacity", allowed: /total 1431 \+ 150 reserved/, context: "automatic-response" },
    { title: "a capacity limit above 1,500 without the opt-in", raw: { capacity: { limit: 2000 } }, field: "waf.capacity.limit", allowed: /acceptExtraFees/ },
    { title: "a capacity limit above the 5,000 maximum", raw: { capacity: { limit: 6000, acceptExtraFees: true } }, field: "waf.capacity.limit", allowed: /from 1 to 5000/ },
    { title: "existingWebAclArn with managed settings", raw: { existingWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b", mode: "count" }, field: "waf.mode", allowed: /use one or the other/ },
    { title: "a REGIONAL web ACL as existingWebAclArn", raw: { existingWebAclArn: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/b" }, field: "waf.existingWebAclArn", allowed: /global\/webacl/ },
    { title: "a log destination not named aws-waf-logs-*", raw: { logging: { destinationArn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/waf" } }, field: "waf.logging.destinationArn", allowed: /aws-waf-logs-/ },
    { title: "a log destination outside us-east-1", raw: { logging: { destinationArn: "arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-x" } }, field: "waf.logging.destinationArn", allowed: /us-east-1/ },
    { title: "an invalid log retention", raw: { logging: { retentionDays: 31 } }, field: "waf.logging.retentionDays", allowed: /30, 60/ },
    { title: "the anti-DDoS group disabled while Shield relies on it", raw: { managedRuleGroups: { AWSManagedRulesAntiDDoSRuleSet: false } }, field: "waf.managedRuleGroups.AWSManagedRulesAntiDDoSRuleSet", allowed: /anti-ddos-rule-group relies/, context: "anti-ddos-rule-group" },
    { title: "the reputation rate rule without reputation groups", raw: { managedRuleGroups: { AWSManagedRulesAmazonIpReputationList: false } }, field: "waf.rateLimits.ipReputation", allowed: /whose labels/ },
    { title: "SizeRestrictions_BODY overridden outside bodySize", raw: { managedRuleGroups: { AWSManagedRulesCommonRuleSet: { ruleActionOverrides: { SizeRestrictions_BODY: "block" } } } }, field: "waf.managedRuleGroups.AWSManagedRulesCommonRuleSet.ruleActionOverrides.SizeRestrictions_BODY", allowed: /waf.bodySize/ },
    { title: "the replaced bodySize action paths", raw: { bodySize: { action: "paths", allowedPaths: ["/u"] } }, field: "waf.bodySize.action", allowed: /paths was replaced, allowedPaths now exempts/ },
    { title: "bodySize.maxBytes beyond the inspection limit", raw: { bodyInspectionLimit: "KB_32", bodySize: { maxBytes: 40000 } }, field: "waf.bodySize.maxBytes", allowed: /at most 32768, the bodyInspectionLimit KB_32: WAF sees no more/ },
    { title: "an unknown bodyInspectionLimit", raw: { bodyInspectionLimit: "KB_128" }, field: "waf.bodyInspectionLimit", allowed: /"KB_16", "KB_32", "KB_48" or "KB_64"/ },
    { title: "a rule override action other than allow/block/count", raw: { managedRuleGroups: { AWSManagedRulesKnownBadInputsRuleSet: { ruleActionOverrides: { Log4JRCE_BODY: "captcha" } } } }, field: "waf.managedRuleGroups.AWSManagedRulesKnownBadInputsRuleSet.ruleActionOverrides.Log4JRCE_BODY", allowed: /"allow", "block" or "count"/ },
    { title: "a custom rule with an empty match", raw: { customRules: [{ name: "a", action: "block", match: {} }] }, field: "waf.customRules[a].match", allowed: /at least one condition/ },
    { title: "a mistyped key", raw: { rateLimit: {} }, field: "waf.rateLimit", allowed: /unknown key/ },
    { title: "a scope-down nested deeper than a managed group allows", raw: { managedRuleGroups: { AWSManagedRulesCommonRuleSet: { scopeDown: { pathPrefix: "/api", methods: ["GET", "POST"], negate: true } } } }, field: "waf.managedRuleGroups.AWSManagedRulesCommonRuleSet.scopeDown", allowed: /at most 2 levels of AND\/OR\/NOT in a scope-down/ },
    { title: "a custom rule named like a metric AWS reserves", raw: { customRules: [{ name: "All", action: "count", match: { pathPrefix: "/a" } }] }, field: "waf.customRules[All].name", allowed: /other than All and Default_Action/ },
    { title: "a custom rule named like Shield's rule group", raw: { customRules: [{ name: "ShieldMitigationRuleGroup_x", action: "count", match: { pathPrefix: "/a" } }] }, field: "waf.customRules[ShieldMitigationRuleGroup_x].name", allowed: /not starting with ShieldMitigationRuleGroup/ },
    { title: "a header name the provider refuses", raw: { customRules: [{ name: "h", action: "block", match: { header: { name: "x.api.key", value: "v" } } }] }, field: "waf.customRules[h].match.header.name", allowed: /lowercase letters, digits, _ or -, at most 40/ },
    { title: "a header value over 200 bytes", raw: { customRules: [{ name: "h", action: "block", match: { header: { name: "x-key", value: "é".repeat(101) } } }] }, field: "waf.customRules[h].match.header.value", allowed: /1 to 200 bytes/ },
    { title: "an unknown rollout mode", raw: { mode: "block" }, field: "waf.mode", allowed: /"enforce" or "count"/ },
  ];
  for (const c of cases) {
    it(`rejects ${c.title}`, () => {
      const { problems } = parse(c.raw, { shieldMitigation: c.context ?? "none" });
      const hit = problems.find((p) => p.field === c.field);
      assert.ok(hit, `expected a problem at ${c.field}; got ${JSON.stringify(problems)}`);
      assert.match(hit.allowed, c.allowed);
    });
  }

  it("collects every problem at once instead of stopping at the first", () => {
    const raw = { mode: "x", rateLimits: { blanket: { limit: 1, windowSec: 7 } }, geo: { mode: "block", countries: ["ZZ"] } };
    assert.deepEqual(parse(raw).fields, ["waf.mode", "waf.rateLimits.blanket.limit", "waf.rateLimits.blanket.windowSec", "waf.geo.countries[0]"]);
    assert.throws(() => parseWith(wafSchema({ shieldMitigation: "none" }), raw, "stack", ["waf"]), /stack: 4 problems/);
  });

  it("valid configs report nothing (dev and prod examples)", () => {
    assert.deepEqual(parse(DEV_WAF).problems, []);
    assert.deepEqual(parse(PROD_WAF).problems, []);
  });
});

describe("waf config: one problem per mistake, with the way forward", () => {
  const only = (raw: unknown) => {
    const { problems } = parse(raw);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    return problems[0];
  };

  it("a misspelt group is one problem, not also a budget or label problem", () => {
    const p = only({ managedRuleGroups: { AWSManagedRulesCommonRuleSet: false, AWSManagedRulesCommonRuleSett: { ruleActionOverrides: { NoUserAgent_HEADER: "count" } } }, capacity: { limit: 100 } });
    assert.deepEqual([p.field, p.path], ["waf.managedRuleGroups.AWSManagedRulesCommonRuleSett", ["waf", "managedRuleGroups", "AWSManagedRulesCommonRuleSett"]]);
    assert.match(p.allowed, /did you mean "AWSManagedRulesCommonRuleSet"\?/);
  });

  it("a value out of range is one problem, not also the checks that read it", () => {
    assert.equal(only({ capacity: { limit: 6000 } }).allowed, "allowed: a whole number of WCU from 1 to 5000");
    assert.equal(only({ managedRuleGroups: { "all-rules": { vendor: "  " } } }).field, "waf.managedRuleGroups.all-rules.vendor");
    assert.equal(only({ customRules: [{ name: "x", action: "block", match: { pathPrefix: "x" } }] }).field, "waf.customRules[x].match.pathPrefix");
  });

  it("explains quoted numbers and booleans", () => {
    const { problems } = parse({ rateLimits: { blanket: { limit: "100" } }, managedRuleGroups: { AWSManagedRulesSQLiRuleSet: "true" } });
    assert.deepEqual(problems.map((p) => [p.field, p.allowed]), [
      ["waf.managedRuleGroups.AWSManagedRulesSQLiRuleSet", 'allowed: true, false or { enabled, vendor, version, overrideAction, ruleActionOverrides, scopeDown, wcu } ("true" is quoted, so YAML reads it as text: write true without quotes)'],
      ["waf.rateLimits.blanket.limit", 'allowed: a whole number of requests from 10 to 2000000000 ("100" is quoted, so YAML reads it as text: write 100 without quotes)'],
    ]);
  });

  it("reports inside a settings object given where true or false would also do", () => {
    const { problems } = parse({ rateLimits: { blanket: { limit: 5, windowSec: 30 } }, logging: { filter: "blocked", retentionDays: 31 } });
    assert.deepEqual(problems.map((p) => p.field), ["waf.rateLimits.blanket.limit", "waf.rateLimits.blanket.windowSec", "waf.logging.retentionDays", "waf.logging.filter"]);
    const keys = parse({ rateLimits: { uri: [{ name: "k", pathPrefix: "/k", limit: 10, aggregation: { customKeys: [{ header: "a b" }, { cookie: "c d" }] } }] } });
    assert.deepEqual(keys.fields, ["waf.rateLimits.uri[k].aggregation.customKeys[0].header", "waf.rateLimits.uri[k].aggregation.customKeys[1].cookie"]);
  });

  it("suggests the nearest key, value and method", () => {
    assert.match(only({ rateLimits: { blanket: { windowsec: 60 } } }).allowed, /did you mean "windowSec"\?$/);
    assert.match(only({ mode: "enforced" }).allowed, /^allowed: "enforce" or "count"; did you mean "enforce"\?$/);
    assert.match(only({ customRules: [{ name: "x", action: "block", match: { methods: ["get"] } }] }).allowed, /did you mean "GET"\?$/);
    assert.match(only({ rateLimits: { uri: [{ name: "a", pathPrefix: "/a", limit: 10, aggregation: "ip" }] } }).allowed, /did you mean "IP"\?$/);
  });

  it("an existingWebAclArn names each key it makes meaningless", () => {
    assert.deepEqual(parse({ existingWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b", logging: false, geo: { mode: "block", countries: ["KP"] } }).fields, ["waf.geo", "waf.logging"]);
  });
});
