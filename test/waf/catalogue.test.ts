import * as assert from "node:assert/strict";
import { buildWafRules, describeWafPlan, MANAGED_RULE_CATALOGUE, managedGroupFacts, toPulumiRules, toWafApiRules } from "../../components/waf";
import { managed, parse } from "./fixtures";

const problemAt = (raw: unknown, field: string) => parse(raw).problems.find((p) => p.field === field);

describe("waf managed rule catalogue: the data", () => {
  it("lists AWS's groups usable at CLOUDFRONT scope with their published WCU", () => {
    assert.deepEqual(Object.fromEntries(MANAGED_RULE_CATALOGUE.map((g) => [g.name, g.wcu])), {
      AWSManagedRulesCommonRuleSet: 700, AWSManagedRulesAdminProtectionRuleSet: 100, AWSManagedRulesKnownBadInputsRuleSet: 200,
      AWSManagedRulesSQLiRuleSet: 200, AWSManagedRulesLinuxRuleSet: 200, AWSManagedRulesUnixRuleSet: 100, AWSManagedRulesWindowsRuleSet: 200,
      AWSManagedRulesPHPRuleSet: 100, AWSManagedRulesWordPressRuleSet: 100, AWSManagedRulesAmazonIpReputationList: 25,
      AWSManagedRulesAnonymousIpList: 50, AWSManagedRulesBotControlRuleSet: 50, AWSManagedRulesATPRuleSet: 50,
      AWSManagedRulesACFPRuleSet: 50, AWSManagedRulesAntiDDoSRuleSet: 50,
    });
  });

  it("each group: a Developer Guide source, a label namespace, unique well-formed rule names", () => {
    for (const g of MANAGED_RULE_CATALOGUE) {
      assert.match(g.source, /^https:\/\/docs\.aws\.amazon\.com\/waf\/latest\/developerguide\/aws-managed-rule-groups-[a-z-]+\.html$/, g.name);
      assert.match(g.labelNamespace, /^awswaf:managed:aws:[a-z-]+:$/, g.name);
      assert.ok(g.rules.length > 0 && new Set(g.rules).size === g.rules.length, g.name);
      for (const r of g.rules) assert.match(r, /^[A-Za-z0-9_]+$/, `${g.name} ${r}`);
    }
    assert.equal(new Set(MANAGED_RULE_CATALOGUE.map((g) => g.labelNamespace)).size, MANAGED_RULE_CATALOGUE.length);
  });

  it("marks the groups that cost extra and the configuration each needs; only the IP lists have no versions", () => {
    const by = (f: (g: (typeof MANAGED_RULE_CATALOGUE)[number]) => unknown) => MANAGED_RULE_CATALOGUE.filter(f).map((g) => g.name);
    assert.deepEqual(by((g) => g.extraCost), ["AWSManagedRulesBotControlRuleSet", "AWSManagedRulesATPRuleSet", "AWSManagedRulesACFPRuleSet", "AWSManagedRulesAntiDDoSRuleSet"]);
    assert.deepEqual(MANAGED_RULE_CATALOGUE.filter((g) => g.config).map((g) => [g.name, g.config]), [
      ["AWSManagedRulesBotControlRuleSet", "botControl"], ["AWSManagedRulesATPRuleSet", "atp"], ["AWSManagedRulesACFPRuleSet", "acfp"], ["AWSManagedRulesAntiDDoSRuleSet", "antiDdos"],
    ]);
    assert.deepEqual(by((g) => !g.versioned), ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesAnonymousIpList"]);
  });

  it("spells rule names as overrides need them, which differ from the labels (SizeRestrictions_BODY, label ..._Body)", () => {
    assert.ok(managedGroupFacts("AWSManagedRulesCommonRuleSet")?.rules.includes("SizeRestrictions_BODY"));
    assert.ok(managedGroupFacts("AWSManagedRulesCommonRuleSet")?.rules.includes("SizeRestrictions_Cookie_HEADER"));
    assert.ok(!managedGroupFacts("AWSManagedRulesKnownBadInputsRuleSet")?.rules.includes("Log4JRCE"), "replaced by Log4JRCE_* in version 1.9");
  });
});

describe("waf managed rule catalogue: what the parser refuses", () => {
  const groups = "waf.managedRuleGroups";
  const cases: [string, unknown, string, RegExp][] = [
    ["a misspelt group", { managedRuleGroups: { AWSManagedRulesSQLRuleSet: true } }, `${groups}.AWSManagedRulesSQLRuleSet`, /did you mean "AWSManagedRulesSQLiRuleSet"\?/],
    ["a group in the wrong case", { managedRuleGroups: { AWSManagedRulesCommonRuleset: true } }, `${groups}.AWSManagedRulesCommonRuleset`, /did you mean "AWSManagedRulesCommonRuleSet"\?/],
    ["a misspelt rule override", { managedRuleGroups: { AWSManagedRulesCommonRuleSet: { ruleActionOverrides: { NoUserAgent_Header: "count" } } } }, `${groups}.AWSManagedRulesCommonRuleSet.ruleActionOverrides.NoUserAgent_Header`, /a rule of AWSManagedRulesCommonRuleSet; did you mean "NoUserAgent_HEADER"\?/],
    ["a rule of another group", { managedRuleGroups: { AWSManagedRulesSQLiRuleSet: { ruleActionOverrides: { GenericLFI_BODY: "count" } } } }, `${groups}.AWSManagedRulesSQLiRuleSet.ruleActionOverrides.GenericLFI_BODY`, /a rule of AWSManagedRulesSQLiRuleSet; known: SQLi_QUERYARGUMENTS/],
    ["a version pin on an unversioned IP list", { managedRuleGroups: { AWSManagedRulesAmazonIpReputationList: { version: "Version_1.0" } } }, `${groups}.AWSManagedRulesAmazonIpReputationList.version`, /has no versions to pin/],
    ["the ATP group (needs a login endpoint)", { managedRuleGroups: { AWSManagedRulesATPRuleSet: true } }, `${groups}.AWSManagedRulesATPRuleSet`, /needs your login or registration endpoints/],
    ["a blank vendor", { managedRuleGroups: { "all-rules": { vendor: "  ", wcu: 10 } } }, `${groups}.all-rules.vendor`, /vendor name \(1 to 128 characters\)/],
    ["a third-party group without wcu", { managedRuleGroups: { "all-rules": { vendor: "Example" } } }, `${groups}.all-rules.wcu`, /required for a Example group/],
    ["Bot Control settings on a third-party group", { managedRuleGroups: { AWSManagedRulesBotControlRuleSet: { vendor: "Example", wcu: 10, inspectionLevel: "TARGETED" } } }, `${groups}.AWSManagedRulesBotControlRuleSet.inspectionLevel`, /only for AWS's AWSManagedRulesBotControlRuleSet/],
    ["Anti-DDoS settings on the Core rule set", { managedRuleGroups: { AWSManagedRulesCommonRuleSet: { sensitivityToBlock: "HIGH" } } }, `${groups}.AWSManagedRulesCommonRuleSet.sensitivityToBlock`, /only for AWS's AWSManagedRulesAntiDDoSRuleSet/],
    ["an unknown AWS label namespace", { customRules: [{ name: "x", action: "block", match: { label: { key: "awswaf:managed:aws:core-ruleset:NoUserAgent_Header" } } }] }, "waf.customRules[x].match.label.key", /did you mean "awswaf:managed:aws:core-rule-set:"\?/],
    ["an unknown AWS namespace as an aggregation key", { rateLimits: { uri: [{ name: "k", pathPrefix: "/k", limit: 10, aggregation: { customKeys: [{ labelNamespace: "awswaf:managed:aws:botcontrol:" }] } }] } }, "waf.rateLimits.uri[k].aggregation.customKeys[0].labelNamespace", /did you mean "awswaf:managed:aws:bot-control:"\?/],
    ["a label of a group that is off", { customRules: [{ name: "x", action: "block", match: { label: { key: "awswaf:managed:aws:anonymous-ip-list:HostingProviderIPList" } } }] }, "waf.customRules[x].match.label", /AWSManagedRulesAnonymousIpList adds it and is not enabled/],
    ["a scope-down on labels of a group evaluated later", { managedRuleGroups: { AWSManagedRulesBotControlRuleSet: true, AWSManagedRulesCommonRuleSet: { scopeDown: { label: { scope: "NAMESPACE", key: "awswaf:managed:aws:bot-control:" } } } } }, `${groups}.AWSManagedRulesCommonRuleSet.scopeDown.label`, /AWSManagedRulesBotControlRuleSet runs at priority 230, AWS-AWSManagedRulesCommonRuleSet at 210/],
  ];
  for (const [title, raw, field, allowed] of cases) {
    it(`refuses ${title}`, () => {
      const hit = problemAt(raw, field);
      assert.ok(hit, `expected a problem at ${field}; got ${JSON.stringify(parse(raw).problems)}`);
      assert.match(hit.allowed, allowed);
    });
  }

  it("accepts exact rule names, labels of groups evaluated earlier, and its own label use (reputation rate rule)", () => {
    const { problems } = parse({
      managedRuleGroups: {
        AWSManagedRulesAnonymousIpList: { ruleActionOverrides: { HostingProviderIPList: "count" } },
        AWSManagedRulesCommonRuleSet: { scopeDown: { label: { scope: "NAMESPACE", key: "awswaf:managed:aws:anonymous-ip-list:" }, negate: true } },
      },
      customRules: [{ name: "hosting", action: "count", match: { label: { key: "awswaf:managed:aws:anonymous-ip-list:HostingProviderIPList" } } }],
    });
    assert.deepEqual(problems, []);
  });
});

describe("waf managed rule catalogue: third-party groups", () => {
  const settings = managed({ managedRuleGroups: { "all-rules": { vendor: "Example Seller Inc.", wcu: 300, ruleActionOverrides: { AnyRuleTheyShip: "count" } } } });

  it("skip the rule-name check, keep the vendor, and render it to Pulumi and CheckCapacity", () => {
    const group = settings.managedRuleGroups.find((g) => g.name === "all-rules");
    assert.deepEqual(group, { vendor: "Example Seller Inc.", name: "all-rules", overrideAction: "none", ruleActionOverrides: [{ name: "AnyRuleTheyShip", action: "count" }], wcu: 300 });
    const pulumi = toPulumiRules(buildWafRules(settings, {})).find((r) => r.name === "ExampleSellerInc-all-rules");
    assert.deepEqual(pulumi?.statement, {
      managedRuleGroupStatement: { vendorName: "Example Seller Inc.", name: "all-rules", ruleActionOverrides: [{ name: "AnyRuleTheyShip", actionToUse: { count: {} } }] },
    });
    const api = toWafApiRules(buildWafRules<string>(settings, {})).find((r) => r.Name === "ExampleSellerInc-all-rules");
    assert.equal(api?.Statement?.ManagedRuleGroupStatement?.VendorName, "Example Seller Inc.");
  });

  it("the plan names what is billed on top of the web ACL", () => {
    const lines = describeWafPlan(managed({ managedRuleGroups: { AWSManagedRulesBotControlRuleSet: true, "all-rules": { vendor: "Example", wcu: 10 } } }));
    assert.equal(lines[2], "  extra charges: AWSManagedRulesBotControlRuleSet, all-rules (Example subscription)");
    assert.ok(!describeWafPlan(managed({})).some((l) => l.includes("extra charges")));
  });
});
