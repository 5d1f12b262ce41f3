import * as assert from "node:assert/strict";
import { buildWafRules, PRIORITY, toPulumiRules, wcuBudget, statementWcu, describeWafPlan } from "../../components/waf";
import { DEV_WAF, managed, PROD_WAF } from "./fixtures";

const ARNS = { denyIpv4: "arn:deny4", denyIpv6: "arn:deny6", allowIpv4: "arn:allow4", allowIpv6: "arn:allow6" };
const PATH_TT = [{ priority: 0, type: "URL_DECODE" }, { priority: 1, type: "NORMALIZE_PATH" }, { priority: 2, type: "LOWERCASE" }];
/** What every path rule renders to: the path itself or anything below it, after decoding, normalizing and lowercasing. */
const PATH = (p: string) => [
  { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: "EXACTLY", searchString: p, textTransformations: PATH_TT } },
  { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: "STARTS_WITH", searchString: `${p}/`, textTransformations: PATH_TT } },
];
/** A `bodySize.allowedPaths` exemption: the same, case-sensitive (no LOWERCASE). */
const EXEMPT_TT = PATH_TT.slice(0, 2);
const EXEMPT = (p: string) => PATH(p).map((s) => ({ byteMatchStatement: { ...s.byteMatchStatement, textTransformations: EXEMPT_TT } }));
const NONE = [{ priority: 0, type: "NONE" }];
const VIS = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
const FORBIDDEN = { block: { customResponse: { responseCode: 403, customResponseBodyKey: "forbidden", responseHeaders: [] } } };
const TOO_MANY = (s: number) => ({ block: { customResponse: { responseCode: 429, customResponseBodyKey: "rate-limited", responseHeaders: [{ name: "Retry-After", value: String(s) }] } } });

describe("waf rules: prod (enforce)", () => {
  const rules = toPulumiRules(buildWafRules(managed(PROD_WAF), ARNS));
  const byName = (name: string) => rules.find((r) => r.name === name);

  it("follows the priority layout: access, rate rules without labels, baseline groups, the reputation rate rule, app rules; nothing at Shield's 10,000,000", () => {
    assert.deepEqual(rules.map((r) => [r.priority, r.name]), [
      [10, "deny-ip-set"],
      [30, "body-too-large"],
      [100, "rate-uri-pets-post"],
      [199, "rate-blanket"],
      [200, "AWS-AWSManagedRulesAmazonIpReputationList"],
      [210, "AWS-AWSManagedRulesCommonRuleSet"],
      [220, "AWS-AWSManagedRulesKnownBadInputsRuleSet"],
      [230, "AWS-AWSManagedRulesSQLiRuleSet"],
      [995, "rate-ip-reputation"],
      [1000, "block-admin"],
    ]);
    assert.ok(rules.every((r) => (r.priority as number) < PRIORITY.shieldMitigation));
  });

  it("gives every rule metrics and sampled requests under a unique, valid metric name", () => {
    for (const r of rules) assert.deepEqual(r.visibilityConfig, VIS(r.name as string));
    assert.equal(new Set(rules.map((r) => r.name)).size, rules.length);
  });

  it("denies both IP versions with a JSON 403 (the allow set is absent: no allow addresses)", () => {
    assert.deepEqual(byName("deny-ip-set"), {
      name: "deny-ip-set",
      priority: 10,
      visibilityConfig: VIS("deny-ip-set"),
      statement: { orStatement: { statements: [{ ipSetReferenceStatement: { arn: "arn:deny4" } }, { ipSetReferenceStatement: { arn: "arn:deny6" } }] } },
      action: FORBIDDEN,
    });
  });

  it("pins the Core rule set and counts its 8 KB SizeRestrictions_BODY; bodies over the 16 KB inspection limit are blocked outside /uploads", () => {
    assert.deepEqual(byName("AWS-AWSManagedRulesCommonRuleSet"), {
      name: "AWS-AWSManagedRulesCommonRuleSet",
      priority: 210,
      visibilityConfig: VIS("AWS-AWSManagedRulesCommonRuleSet"),
      statement: {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name: "AWSManagedRulesCommonRuleSet",
          version: "Version_1.12",
          ruleActionOverrides: [
            { name: "NoUserAgent_HEADER", actionToUse: { count: {} } },
            { name: "SizeRestrictions_BODY", actionToUse: { count: {} } },
          ],
        },
      },
      overrideAction: { none: {} },
    });
    assert.deepEqual(byName("body-too-large"), {
      name: "body-too-large",
      priority: 30,
      visibilityConfig: VIS("body-too-large"),
      statement: {
        andStatement: {
          statements: [
            { sizeConstraintStatement: { fieldToMatch: { body: { oversizeHandling: "MATCH" } }, comparisonOperator: "GT", size: 16384, textTransformations: NONE } },
            { notStatement: { statement: { orStatement: { statements: EXEMPT("/uploads") } } } },
          ],
        },
      },
      action: FORBIDDEN,
    });
  });

  it("rate-limits POST /pets per IP over 60 s with a 429 and Retry-After: 60", () => {
    assert.deepEqual(byName("rate-uri-pets-post"), {
      name: "rate-uri-pets-post",
      priority: 100,
      visibilityConfig: VIS("rate-uri-pets-post"),
      statement: {
        rateBasedStatement: {
          limit: 100,
          evaluationWindowSec: 60,
          aggregateKeyType: "IP",
          scopeDownStatement: {
            andStatement: {
              statements: [
                { orStatement: { statements: PATH("/pets") } },
                { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: "EXACTLY", searchString: "POST", textTransformations: NONE } },
              ],
            },
          },
        },
      },
      action: TOO_MANY(60),
    });
  });

  it("scopes the IP-reputation rate rule to the reputation list's label namespace", () => {
    assert.deepEqual(byName("rate-ip-reputation")?.statement, {
      rateBasedStatement: {
        limit: 100,
        evaluationWindowSec: 300,
        aggregateKeyType: "IP",
        scopeDownStatement: { labelMatchStatement: { scope: "NAMESPACE", key: "awswaf:managed:aws:amazon-ip-list:" } },
      },
    });
  });

  it("blanket rule: 2,000 per 5 minutes per IP, no scope-down, 429", () => {
    assert.deepEqual(byName("rate-blanket")?.statement, { rateBasedStatement: { limit: 2000, evaluationWindowSec: 300, aggregateKeyType: "IP" } });
    assert.deepEqual(byName("rate-blanket")?.action, TOO_MANY(300));
  });
});

describe("waf rules: dev (count rollout)", () => {
  const rules = toPulumiRules(buildWafRules(managed(DEV_WAF), {}));

  it("turns every action and group override into count, keeping the statements", () => {
    assert.deepEqual(rules.map((r) => [r.name, r.action ?? r.overrideAction]), [
      ["body-too-large", { count: {} }],
      ["rate-blanket", { count: {} }],
      ["AWS-AWSManagedRulesAmazonIpReputationList", { count: {} }],
      ["AWS-AWSManagedRulesCommonRuleSet", { count: {} }],
      ["AWS-AWSManagedRulesKnownBadInputsRuleSet", { count: {} }],
      ["rate-ip-reputation", { count: {} }],
    ]);
  });
});

describe("waf rules: variants", () => {
  it("the IP-reputation rate rule reads the anonymous-IP list's labels too when that group is on", () => {
    const rules = toPulumiRules(buildWafRules(managed({ managedRuleGroups: { AWSManagedRulesAnonymousIpList: true } }), {}));
    assert.deepEqual((rules.find((r) => r.name === "rate-ip-reputation")?.statement as { rateBasedStatement: { scopeDownStatement: unknown } }).rateBasedStatement.scopeDownStatement, {
      orStatement: {
        statements: [
          { labelMatchStatement: { scope: "NAMESPACE", key: "awswaf:managed:aws:amazon-ip-list:" } },
          { labelMatchStatement: { scope: "NAMESPACE", key: "awswaf:managed:aws:anonymous-ip-list:" } },
        ],
      },
    });
  });

  it("bodySize.maxBytes 8192 blocks what the Core rule set's 8 KB rule would, which keeps counting", () => {
    const rules = toPulumiRules(buildWafRules(managed({ bodySize: { maxBytes: 8192 } }), {}));
    assert.deepEqual(rules.find((r) => r.name === "AWS-AWSManagedRulesCommonRuleSet")?.statement, {
      managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet", ruleActionOverrides: [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }] },
    });
    assert.deepEqual(rules.find((r) => r.name === "body-too-large")?.statement, {
      sizeConstraintStatement: { fieldToMatch: { body: { oversizeHandling: "MATCH" } }, comparisonOperator: "GT", size: 8192, textTransformations: NONE },
    });
  });

  it("allow list, geo allow-only, custom keys, CONSTANT on a URI rule, a scoped-down group, Bot Control config", () => {
    const rules = toPulumiRules(
      buildWafRules(
        managed({
          ipSets: { allow: ["198.51.100.7/32"] },
          geo: { mode: "allow", countries: ["DE", "FR"] },
          managedRuleGroups: { AWSManagedRulesBotControlRuleSet: { scopeDown: { pathPrefix: "/api", negate: true } } },
          rateLimits: { uri: [{ name: "search", pathPrefix: "/search", limit: 50, aggregation: "CONSTANT" }, { name: "keyed", pathPrefix: "/k", limit: 10, action: "count", aggregation: { customKeys: [{ header: "x-api-key" }, { labelNamespace: "awswaf:managed:aws:bot-control:" }] } }] },
        }),
        ARNS,
      ),
    );
    const get = (n: string) => rules.find((r) => r.name === n);
    assert.deepEqual(get("allow-ip-set"), { name: "allow-ip-set", priority: 0, visibilityConfig: VIS("allow-ip-set"), statement: { ipSetReferenceStatement: { arn: "arn:allow4" } }, action: { allow: {} } });
    assert.deepEqual(get("geo-allow-only")?.statement, { notStatement: { statement: { geoMatchStatement: { countryCodes: ["DE", "FR"] } } } });
    assert.equal(get("geo-allow-only")?.priority, 20);
    assert.equal((get("rate-uri-search")?.statement as { rateBasedStatement: { aggregateKeyType: string } }).rateBasedStatement.aggregateKeyType, "CONSTANT");
    assert.deepEqual((get("rate-uri-keyed")?.statement as { rateBasedStatement: { customKeys: unknown } }).rateBasedStatement.customKeys, [
      { header: { name: "x-api-key", textTransformations: NONE } },
      { labelNamespace: { namespace: "awswaf:managed:aws:bot-control:" } },
    ]);
    assert.deepEqual(get("rate-uri-keyed")?.action, { count: {} });
    assert.deepEqual(get("AWS-AWSManagedRulesBotControlRuleSet")?.statement, {
      managedRuleGroupStatement: {
        vendorName: "AWS",
        name: "AWSManagedRulesBotControlRuleSet",
        scopeDownStatement: { notStatement: { statement: { orStatement: { statements: PATH("/api") } } } },
        managedRuleGroupConfigs: [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: "COMMON" } }],
      },
    });
  });
});

describe("waf capacity estimate", () => {
  const table: [string, Parameters<typeof statementWcu>[0], number][] = [
    ["exactly, no transformation", { type: "byteMatch", field: { kind: "method" }, positional: "EXACTLY", search: "GET", transforms: [] }, 2],
    ["starts-with + URL_DECODE", { type: "byteMatch", field: { kind: "uriPath" }, positional: "STARTS_WITH", search: "/a", transforms: ["URL_DECODE"] }, 12],
    ["starts-with + three transformations", { type: "byteMatch", field: { kind: "uriPath" }, positional: "STARTS_WITH", search: "/a/", transforms: ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"] }, 32],
    ["contains", { type: "byteMatch", field: { kind: "singleHeader", name: "x" }, positional: "CONTAINS", search: "a", transforms: [] }, 10],
    ["size constraint", { type: "sizeGreaterThan", field: { kind: "body", oversizeHandling: "MATCH" }, size: 1, transforms: [] }, 1],
    ["size constraint + one transformation", { type: "sizeGreaterThan", field: { kind: "body", oversizeHandling: "MATCH" }, size: 1, transforms: ["LOWERCASE"] }, 11],
    ["geo, NOT geo", { type: "not", statement: { type: "geoMatch", countryCodes: ["US"] } }, 1],
    ["OR of two labels", { type: "or", statements: [{ type: "labelMatch", scope: "LABEL", key: "a" }, { type: "ipSet", arn: "x" }] }, 2],
    ["rate: 2 + 30 per custom key (+ 10 for the cookie's URL_DECODE) + scope-down", { type: "rateBased", limit: 10, windowSec: 60, aggregation: "CUSTOM_KEYS", customKeys: [{ kind: "ip" }, { kind: "cookie", name: "s" }], scopeDown: { type: "labelMatch", scope: "NAMESPACE", key: "a:" } }, 73],
    ["managed group + scope-down", { type: "managedGroup", vendor: "AWS", name: "G", ruleActionOverrides: [], groupWcu: 50, scopeDown: { type: "geoMatch", countryCodes: ["US"] } }, 51],
  ];
  for (const [title, statement, wcu] of table) it(`${title}: ${wcu} WCU`, () => assert.equal(statementWcu(statement), wcu));

  it("budgets the prod rules, with and without the Shield reserve", () => {
    const budget = wcuBudget(buildWafRules(managed(PROD_WAF), ARNS), 1500, 150);
    // deny 2, body 1+44, rep 25, CRS 700, KBI 200, SQLi 200, admin 64, rate-rep 2+1, uri 2+64+2, blanket 2
    // (a path is EXACTLY + STARTS_WITH, each 2 + 3 transformations x 10; the /uploads exemption 2 x (2 + 2 x 10))
    assert.equal(budget.total, 1309);
    assert.deepEqual({ reserve: budget.reserve, limit: budget.limit, withinBudget: budget.withinBudget }, { reserve: 150, limit: 1500, withinBudget: true });
    assert.equal(wcuBudget(buildWafRules(managed(PROD_WAF), ARNS), 1450, 150).withinBudget, false);
  });

  it("describeWafPlan prints each rule with its WCU, then total, reserve and limit", () => {
    const lines = describeWafPlan(managed(DEV_WAF, { shieldMitigation: "automatic-response" }));
    assert.equal(lines[0], "WAF: web ACL, scope CLOUDFRONT, us-east-1, mode count, logging CloudWatch, 30 days; redacted: authorization, x-forwarded-authorization, cookie");
    assert.equal(lines[1], "  body: groups inspect the first 16384 bytes (KB_16); bodies over 16384 bytes: count (body-too-large); the Core rule set's 8 KB SizeRestrictions_BODY counts");
    assert.equal(lines[2], "       30  body-too-large                             count             1 WCU");
    assert.equal(lines[5], "      210  AWS-AWSManagedRulesCommonRuleSet           group: count    700 WCU");
    assert.equal(lines[lines.length - 1], "  total 931 WCU + reserve 150 (for rule groups Shield or Firewall Manager insert) = 1081 of limit 1500");
    assert.deepEqual(describeWafPlan({ kind: "disabled" }), ["WAF: disabled (waf.enabled: false); the distribution has no web ACL"]);
    const summary = describeWafPlan(managed(DEV_WAF), { rules: false });
    assert.deepEqual(summary, [lines[0], lines[1], "  total 931 WCU + reserve 0 = 931 of limit 1500"]);
  });
});
