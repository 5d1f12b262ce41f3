import * as assert from "node:assert/strict";
import { CheckCapacityCommand, CountryCode, WAFV2Client } from "@aws-sdk/client-wafv2";
import { mockClient } from "aws-sdk-client-mock";
import { checkCapacity, runCapacityCheck } from "../../components/waf/checkCapacity";
import { buildWafRules, cidrVersion, toWafApiRules } from "../../components/waf";
import { WAF_COUNTRY_CODES } from "../../components/waf/countryCodes";
import { managed, PROD_WAF } from "./fixtures";

const ARNS = { denyIpv4: "arn:aws:wafv2:us-east-1:123456789012:global/ipset/d4/1", denyIpv6: "arn:aws:wafv2:us-east-1:123456789012:global/ipset/d6/2" };
const bytes = (s: string) => new TextEncoder().encode(s);
const PATH_TT = [{ Priority: 0, Type: "URL_DECODE" }, { Priority: 1, Type: "NORMALIZE_PATH" }, { Priority: 2, Type: "LOWERCASE" }];

describe("toWafApiRules", () => {
  const rules = toWafApiRules(buildWafRules(managed(PROD_WAF), ARNS));

  it("renders the same rules, names and priorities as the deployed web ACL", () => {
    assert.deepEqual(rules.map((r) => [r.Priority, r.Name]), buildWafRules(managed(PROD_WAF), ARNS).map((r) => [r.priority, r.name]));
  });

  it("renders a managed group with version, overrides and override action", () => {
    assert.deepEqual(rules.find((r) => r.Name === "AWS-AWSManagedRulesCommonRuleSet"), {
      Name: "AWS-AWSManagedRulesCommonRuleSet",
      Priority: 210,
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: "AWS-AWSManagedRulesCommonRuleSet" },
      Statement: {
        ManagedRuleGroupStatement: {
          VendorName: "AWS",
          Name: "AWSManagedRulesCommonRuleSet",
          Version: "Version_1.12",
          RuleActionOverrides: [
            { Name: "NoUserAgent_HEADER", ActionToUse: { Count: {} } },
            { Name: "SizeRestrictions_BODY", ActionToUse: { Count: {} } },
          ],
        },
      },
      OverrideAction: { None: {} },
    });
  });

  it("renders a rate rule with its scope-down, byte strings as bytes, and the 429 response", () => {
    assert.deepEqual(rules.find((r) => r.Name === "rate-uri-pets-post"), {
      Name: "rate-uri-pets-post",
      Priority: 100,
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: "rate-uri-pets-post" },
      Statement: {
        RateBasedStatement: {
          Limit: 100,
          EvaluationWindowSec: 60,
          AggregateKeyType: "IP",
          ScopeDownStatement: {
            AndStatement: {
              Statements: [
                {
                  OrStatement: {
                    Statements: [
                      { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: "EXACTLY", SearchString: bytes("/pets"), TextTransformations: PATH_TT } },
                      { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: "STARTS_WITH", SearchString: bytes("/pets/"), TextTransformations: PATH_TT } },
                    ],
                  },
                },
                { ByteMatchStatement: { FieldToMatch: { Method: {} }, PositionalConstraint: "EXACTLY", SearchString: bytes("POST"), TextTransformations: [{ Priority: 0, Type: "NONE" }] } },
              ],
            },
          },
        },
      },
      Action: { Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: "rate-limited", ResponseHeaders: [{ Name: "Retry-After", Value: "60" }] } } },
    });
  });

  it("renders custom keys, body size, geo and Anti-DDoS config in API shape", () => {
    const api = toWafApiRules(buildWafRules(managed({
      geo: { mode: "block", countries: ["KP"] },
      customRules: [{ name: "big", action: "count", match: { bodyLargerThan: 4096, header: { name: "Content-Type", value: "json", operator: "CONTAINS" } } }],
      rateLimits: { uri: [{ name: "k", pathPrefix: "/k", limit: 10, aggregation: { customKeys: [{ cookie: "sid" }, { queryArgument: "t" }, { ip: true }] } }] },
    }, { shieldMitigation: "anti-ddos-rule-group" }), {}));
    const get = (n: string) => api.find((r) => r.Name === n);
    assert.deepEqual(get("geo-block")?.Statement, { GeoMatchStatement: { CountryCodes: ["KP"] } });
    assert.deepEqual(get("big")?.Statement, {
      AndStatement: {
        Statements: [
          { ByteMatchStatement: { FieldToMatch: { SingleHeader: { Name: "content-type" } }, PositionalConstraint: "CONTAINS", SearchString: bytes("json"), TextTransformations: [{ Priority: 0, Type: "NONE" }] } },
          { SizeConstraintStatement: { FieldToMatch: { Body: { OversizeHandling: "MATCH" } }, ComparisonOperator: "GT", Size: 4096, TextTransformations: [{ Priority: 0, Type: "NONE" }] } },
        ],
      },
    });
    assert.deepEqual(get("rate-uri-k")?.Statement?.RateBasedStatement?.CustomKeys, [
      { Cookie: { Name: "sid", TextTransformations: [{ Priority: 0, Type: "URL_DECODE" }] } },
      { QueryArgument: { Name: "t", TextTransformations: [{ Priority: 0, Type: "URL_DECODE" }] } },
      { IP: {} },
    ]);
    assert.deepEqual(get("AWS-AWSManagedRulesAntiDDoSRuleSet")?.Statement?.ManagedRuleGroupStatement?.ManagedRuleGroupConfigs, [
      { AWSManagedRulesAntiDDoSRuleSet: { ClientSideActionConfig: { Challenge: { UsageOfAction: "DISABLED" } }, SensitivityToBlock: "LOW" } },
    ]);
    assert.equal(get("AWS-AWSManagedRulesAntiDDoSRuleSet")?.Priority, 200);
  });
});

describe("checkCapacity (mocked WAFV2 client)", () => {
  const wafv2 = mockClient(WAFV2Client);
  beforeEach(() => wafv2.reset());
  const stackConfig = { config: { "edge-security:waf": PROD_WAF } };

  it("sends the exact rules with Scope CLOUDFRONT and reports AWS's figure", async () => {
    wafv2.on(CheckCapacityCommand).resolves({ Capacity: 1309 });
    const rules = toWafApiRules(buildWafRules(managed(PROD_WAF), ARNS));
    assert.deepEqual(await checkCapacity(new WAFV2Client({ region: "us-east-1" }), rules), { kind: "ok", capacity: 1309 });
    assert.deepEqual(wafv2.commandCalls(CheckCapacityCommand)[0].args[0].input, { Scope: "CLOUDFRONT", Rules: rules });
  });

  it("prints the estimate beside AWS's figure and exits 0 when it fits", async () => {
    wafv2.on(CheckCapacityCommand).resolves({ Capacity: 1315 });
    const run = await runCapacityCheck({ stack: "prod", stackConfig, client: new WAFV2Client({}), shieldMitigation: "automatic-response", ipSetArns: ARNS });
    assert.equal(run.exitCode, 0);
    assert.equal(run.lines[0], "prod: 10 rules, scope CLOUDFRONT, region us-east-1");
    assert.equal(run.lines[1], "       10  deny-ip-set                                   2 WCU (estimate)");
    assert.deepEqual(run.lines.slice(-2), ["estimate 1309 WCU; AWS CheckCapacity 1315 WCU (differs by 6)", "AWS figure + reserve 150 = 1465 of limit 1500: fits"]);
    const sent = wafv2.commandCalls(CheckCapacityCommand)[0].args[0].input.Rules ?? [];
    assert.equal(sent.find((r) => r.Name === "deny-ip-set")?.Statement?.OrStatement?.Statements?.[0].IPSetReferenceStatement?.ARN, ARNS.denyIpv4);
  });

  it("sends the monitoring's probe rule with the others when the stack has it", async () => {
    wafv2.on(CheckCapacityCommand).resolves({ Capacity: 1313 });
    const probe = { headerName: "x-edge-rate-probe", token: "0123456789abcdef0123456789abcdef", limit: 10, windowSec: 60, ruleName: "rate-limit-probe" };
    const run = await runCapacityCheck({ stack: "prod", stackConfig, client: new WAFV2Client({}), shieldMitigation: "automatic-response", rateLimitProbe: probe, ipSetArns: ARNS });
    assert.equal(run.lines[0], "prod: 11 rules, scope CLOUDFRONT, region us-east-1");
    assert.deepEqual(run.lines.slice(-2), ["estimate 1313 WCU; AWS CheckCapacity 1313 WCU (matches)", "AWS figure + reserve 150 = 1463 of limit 1500: fits"]);
    const sent = wafv2.commandCalls(CheckCapacityCommand).at(-1)!.args[0].input.Rules ?? [];
    assert.equal(sent.find((r) => r.Name === "rate-limit-probe")?.Statement?.RateBasedStatement?.ScopeDownStatement?.ByteMatchStatement?.FieldToMatch?.SingleHeader?.Name, "x-edge-rate-probe");
  });

  it("exits 1 when AWS's figure with the reserve is over the limit", async () => {
    wafv2.on(CheckCapacityCommand).resolves({ Capacity: 1400 });
    const run = await runCapacityCheck({ stack: "prod", stackConfig, client: new WAFV2Client({}), shieldMitigation: "automatic-response" });
    assert.equal(run.exitCode, 1);
    assert.equal(run.lines[run.lines.length - 1], "AWS figure + reserve 150 = 1550 of limit 1500: OVER BUDGET");
  });

  it("without credentials explains what it needs and exits non-zero", async () => {
    wafv2.on(CheckCapacityCommand).rejects(Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }));
    const run = await runCapacityCheck({ stack: "prod", stackConfig, client: new WAFV2Client({}), shieldMitigation: "none" });
    assert.equal(run.exitCode, 1);
    assert.match(run.lines[run.lines.length - 2], /^estimate 1309 WCU; AWS not asked: no AWS credentials\. Set AWS_PROFILE .* wafv2:CheckCapacity/);
  });

  it("classifies refused credentials and missing IP sets", async () => {
    const client = new WAFV2Client({});
    wafv2.on(CheckCapacityCommand).rejectsOnce(Object.assign(new Error("not authorized"), { name: "AccessDeniedException" }))
      .rejectsOnce(Object.assign(new Error("no such IP set"), { name: "WAFNonexistentItemException" }));
    assert.equal((await checkCapacity(client, [])).kind, "access-denied");
    assert.equal((await checkCapacity(client, [])).kind, "missing-ip-set");
  });

  it("reports config problems without calling AWS, and skips disabled or reused web ACLs", async () => {
    const bad = await runCapacityCheck({ stack: "dev", stackConfig: { config: { "edge-security:waf": { mode: "x" } } }, client: new WAFV2Client({}), shieldMitigation: "none" });
    assert.deepEqual(bad, { exitCode: 2, lines: ["Pulumi.dev.yaml: edge-security:waf has 1 problem(s):", '  - waf.mode: allowed: "enforce" or "count"'] });
    const off = await runCapacityCheck({ stack: "dev", stackConfig: { config: { "edge-security:waf": { enabled: false } } }, client: new WAFV2Client({}), shieldMitigation: "none" });
    assert.deepEqual(off, { exitCode: 0, lines: ["dev: WAF is disabled; nothing to check."] });
    assert.equal(wafv2.commandCalls(CheckCapacityCommand).length, 0);
  });

  it("checks the default web ACL when the stack file has no waf key", async () => {
    wafv2.on(CheckCapacityCommand).resolves({ Capacity: 931 });
    const run = await runCapacityCheck({ stack: "dev", stackConfig: { config: {} }, client: new WAFV2Client({}), shieldMitigation: "none" });
    assert.equal(run.exitCode, 0);
    assert.equal(run.lines[0], "dev: 6 rules, scope CLOUDFRONT, region us-east-1");
    assert.equal(run.lines[run.lines.length - 2], "estimate 931 WCU; AWS CheckCapacity 931 WCU (matches)");
  });
});

describe("waf inputs: CIDRs and country codes", () => {
  const cidrs: [string, "IPV4" | "IPV6" | undefined][] = [
    ["192.0.2.0/24", "IPV4"], ["10.0.0.1/32", "IPV4"], ["0.0.0.0/0", undefined], ["256.0.0.0/8", undefined], ["10.0.0.0", undefined],
    ["01.2.3.4/32", undefined], ["10.0.0.0/33", undefined], ["2001:db8::/32", "IPV6"], ["::1/128", "IPV6"], ["2001:db8:0:0:0:0:0:1/128", "IPV6"],
    ["2001:db8::1::/64", undefined], ["2001:db8::/129", undefined], ["2001:zz8::/32", undefined], ["1:2:3:4:5:6:7:8:9/64", undefined],
  ];
  for (const [cidr, version] of cidrs) it(`${cidr} -> ${version ?? "invalid"}`, () => assert.equal(cidrVersion(cidr), version));

  it("the country list equals the WAFV2 API's CountryCode enumeration", () => {
    assert.deepEqual([...WAF_COUNTRY_CODES].sort(), Object.values(CountryCode).sort());
  });
});
