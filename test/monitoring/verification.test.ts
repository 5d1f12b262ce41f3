import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { monitoredApis } from "../../components/monitoring/monitoredApis";
import { parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { probeToken, rateLimitProbe } from "../../components/monitoring/rateLimitProbe";
import { apiProbe, verificationOutput } from "../../components/monitoring/verification";
import { governanceSchema, governedWafSchema } from "../../components/governance";
import { SHIELD_OFF, shieldSchema } from "../../components/shield";
import type { ApiOrigin } from "../../components/shared/types";
import { installMocks, valueOf } from "../support/mocks";
import { DEV_WAF, PROD_WAF, managed } from "../waf/fixtures";

const APIS = [
  { name: "petstore", kind: "REST" as const, petStore: true },
  { name: "ws", kind: "WEBSOCKET" as const, petStore: true },
  { name: "orders", kind: "REST" as const, petStore: false },
  { name: "legacy", kind: "HTTP" as const, petStore: false },
];
const monitoring = parseMonitoringConfig({ apis: { orders: { path: "/health", expectStatus: 204 } } });
const noShield = SHIELD_OFF;

describe("verification output", () => {
  it("dev: the count-rollout rules, a known-bad input that passes, and the probes: pet stores at pets/200, others as configured", () => {
    const out = verificationOutput({ waf: managed(DEV_WAF), shield: noShield, monitoring, apis: APIS });
    assert.deepEqual(out, {
      waf: {
        mode: "count",
        ruleNames: ["body-too-large", "rate-blanket", "AWS-AWSManagedRulesAmazonIpReputationList", "AWS-AWSManagedRulesCommonRuleSet", "AWS-AWSManagedRulesKnownBadInputsRuleSet", "rate-ip-reputation"],
        knownBad: "passes",
      },
      probes: { petstore: { path: "pets", expectStatus: 200 }, ws: { path: "" }, orders: { path: "health", expectStatus: 204 }, legacy: { path: "" } },
    });
  });

  it("prod: enforcing, Known Bad Inputs answer AWS WAF's default 403 unless Log4JRCE_HEADER is overridden to block, the probe rule listed, Shield's settings", () => {
    const probe = rateLimitProbe("x-edge-rate-probe", probeToken("edge-security", "prod"));
    const shield = shieldSchema().parse({ enabled: true, layer7Mitigation: "automatic-response", automaticResponse: { action: "COUNT" } });
    const out = verificationOutput({ waf: managed(PROD_WAF, { shieldMitigation: "automatic-response", rateLimitProbe: probe }), shield, monitoring, apis: APIS });
    assert.equal(out.waf?.mode, "enforce");
    assert.equal(out.waf?.knownBad, "waf-403");
    assert.deepEqual(out.waf?.ruleNames.slice(0, 2), ["deny-ip-set", "body-too-large"]);
    // In priority order, as the web ACL holds them: the probe between the URI rules and the blanket rule.
    assert.deepEqual(out.waf?.ruleNames.slice(2, 5), ["rate-uri-pets-post", "rate-limit-probe", "rate-blanket"]);
    assert.deepEqual(out.rateLimitProbe, probe);
    assert.equal(verificationOutput({ waf: managed(PROD_WAF), shield, monitoring, apis: APIS }).rateLimitProbe, undefined, "no probe unless the web ACL has it");
    assert.deepEqual(out.shield, { automaticResponse: "COUNT", healthCheck: true });
    const health = (healthChecks: unknown) => verificationOutput({ waf: managed(PROD_WAF), shield: shieldSchema().parse({ enabled: true, healthChecks }), monitoring, apis: APIS }).shield?.healthCheck;
    assert.deepEqual([health({ cloudfront5xx: false, https: { path: "/pets" } }), health({ cloudfront5xx: false })], [true, false], "the HTTPS check alone is a health check");
    const overridden = managed({ ...PROD_WAF, managedRuleGroups: { ...PROD_WAF.managedRuleGroups, AWSManagedRulesKnownBadInputsRuleSet: { ruleActionOverrides: { Log4JRCE_HEADER: "block" } } } });
    assert.equal(verificationOutput({ waf: overridden, shield, monitoring, apis: APIS }).waf?.knownBad, "json-403");
    const counted = managed({ ...PROD_WAF, managedRuleGroups: { ...PROD_WAF.managedRuleGroups, AWSManagedRulesKnownBadInputsRuleSet: { ruleActionOverrides: { Log4JRCE_HEADER: "count" } } } });
    assert.equal(verificationOutput({ waf: counted, shield, monitoring, apis: APIS }).waf?.knownBad, "passes");
  });

  it("hybrid: Known Bad Inputs run by Firewall Manager's policy is the security team's to judge; one the stack runs is judged as its own", () => {
    const hybrid = (groups: string[]) => governanceSchema.parse({ model: "hybrid", central: { wcu: 150, managedRuleGroups: groups, scopeTag: { key: "edge-security:firewall-manager", value: "in-scope" } } });
    const central = hybrid(["AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAnonymousIpList"]);
    const appWaf = governedWafSchema({ shieldMitigation: "none" }, central).parse(PROD_WAF);
    const out = verificationOutput({ waf: appWaf, shield: noShield, monitoring, governance: central, apis: [] });
    assert.equal(out.waf?.knownBad, "firewall-manager");
    assert.equal(out.waf?.mode, "enforce");
    assert.ok(!out.waf?.ruleNames.includes("AWS-AWSManagedRulesKnownBadInputsRuleSet"), "the central group is not in the stack's web ACL");
    assert.equal(out.webAclOwner, undefined);
    const reputationOnly = hybrid(["AWSManagedRulesAnonymousIpList"]);
    const ownGroup = governedWafSchema({ shieldMitigation: "none" }, reputationOnly).parse(PROD_WAF);
    assert.equal(verificationOutput({ waf: ownGroup, shield: noShield, monitoring, governance: reputationOnly, apis: [] }).waf?.knownBad, "waf-403");
  });

  it("centralized: no WAF expectations of its own, the web ACL and what it blocks are Firewall Manager's", () => {
    const governance = governanceSchema.parse({ model: "centralized", central: { wcu: 927, managedRuleGroups: ["AWSManagedRulesKnownBadInputsRuleSet"], scopeTag: { key: "edge-security:firewall-manager", value: "in-scope" } } });
    assert.deepEqual(verificationOutput({ waf: { kind: "disabled" }, shield: noShield, monitoring, governance, apis: [] }), { webAclOwner: "firewall-manager", probes: {} });
    assert.equal(verificationOutput({ waf: { kind: "disabled" }, shield: noShield, monitoring, apis: [] }).webAclOwner, undefined, "distributed by default");
  });

  it("a disabled or reused web ACL has no WAF expectations", () => {
    assert.equal(verificationOutput({ waf: { kind: "disabled" }, shield: noShield, monitoring, apis: [] }).waf, undefined);
    assert.deepEqual(verificationOutput({ waf: { kind: "existing", existingWebAclArn: "arn" }, shield: noShield, monitoring, apis: [] }), { probes: {} });
  });

  it("probe paths drop the leading / and a lone / probes the stage root", () => {
    assert.deepEqual(apiProbe({ kind: "HTTP", petStore: false }, { path: "/" }), { path: "" });
    assert.deepEqual(apiProbe({ kind: "HTTP", petStore: true }, { expectStatus: 200 }), { path: "", expectStatus: 200 });
    assert.deepEqual(apiProbe({ kind: "WEBSOCKET", petStore: false }, { path: "/x" }), { path: "" });
  });
});

describe("monitoredApis", () => {
  before(() => installMocks());

  it("derives each API's edge and direct URLs as the apis output does, with REST names and log groups from the program or the config", async () => {
    const origins: ApiOrigin[] = [
      { name: "petstore", kind: "REST", apiId: pulumi.output("r1"), stage: "prod", region: "us-east-2", pathPattern: "*" },
      { name: "orders", kind: "REST", apiId: "o1", stage: "live", region: "eu-west-1", pathPattern: "/orders/*" },
      { name: "ws", kind: "WEBSOCKET", apiId: "w1", stage: "dev", region: "eu-west-1", pathPattern: "/ws/*" },
      { name: "private", kind: "HTTP", apiId: "p1", stage: "$default", region: "eu-west-1", pathPattern: "/services/*" },
    ];
    const settings = parseMonitoringConfig({ apis: { orders: { path: "/health", restApiName: "orders-api", accessLogGroupName: "/aws/apigateway/orders" } } });
    const apis = monitoredApis(origins, pulumi.output("d111.cloudfront.net"), { petstore: { petStore: true, restApiName: "apis-petstore-1", accessLogGroupName: "petstore-access" }, ws: { petStore: true }, private: { petStore: false, accessLogGroupName: "private-access" } }, settings);
    const resolved = await Promise.all(apis.map(async (a) => ({ ...a, apiId: await valueOf(pulumi.output(a.apiId)), edgeUrl: await valueOf(pulumi.output(a.edgeUrl)), directUrl: await valueOf(pulumi.output(a.directUrl)) })));
    assert.deepEqual(resolved, [
      { name: "petstore", kind: "REST", region: "us-east-2", apiId: "r1", stage: "prod", edgeUrl: "https://d111.cloudfront.net/", directUrl: "https://r1.execute-api.us-east-2.amazonaws.com/prod/", probe: { path: "pets", expectStatus: 200 }, restApiName: "apis-petstore-1", accessLogGroupName: "petstore-access" },
      { name: "orders", kind: "REST", region: "eu-west-1", apiId: "o1", stage: "live", edgeUrl: "https://d111.cloudfront.net/orders/", directUrl: "https://o1.execute-api.eu-west-1.amazonaws.com/live/", probe: { path: "health" }, restApiName: "orders-api", accessLogGroupName: "/aws/apigateway/orders" },
      { name: "ws", kind: "WEBSOCKET", region: "eu-west-1", apiId: "w1", stage: "dev", edgeUrl: "wss://d111.cloudfront.net/ws", directUrl: "wss://w1.execute-api.eu-west-1.amazonaws.com/dev", probe: { path: "" } },
      { name: "private", kind: "HTTP", region: "eu-west-1", apiId: "p1", stage: "$default", edgeUrl: "https://d111.cloudfront.net/services/", directUrl: "https://p1.execute-api.eu-west-1.amazonaws.com/", probe: { path: "" }, accessLogGroupName: "private-access" },
    ]);
  });
});
