import * as assert from "node:assert/strict";
import { buildWafRules, statementWcu, toPulumiRules, toWafApiRules } from "../../components/waf";
import { signerHeaderProblem } from "../../components/waf/signerHeaders";
import { managed, parse } from "./fixtures";

const DROPPED = /^allowed: a header the backend gets as WAF reads it: the signer drops (\S+) \(edge-functions\/sigv4-signer\/src\/droppedHeaders\.ts\)/;
const RELOCATED = /^allowed: a header the backend gets as WAF reads it: the signer replaces the viewer's (\S+) with the viewer's Authorization \(authorizationHeader\), so read authorization instead$/;
const keyed = (name: string, header: string) => ({ name, pathPrefix: "/pets", limit: 100, aggregation: { customKeys: [{ header }] } });

describe("waf rules on headers the signer drops or relocates (WAF reads the viewer's, the backend never gets it)", () => {
  it("refuses matches and rate keys on them, each at its field, all at once", () => {
    const { problems } = parse({
      customRules: [
        { name: "url", action: "block", match: { header: { name: "x-original-url", value: "/admin" } } },
        { name: "host", action: "count", match: { header: { name: "X_Forwarded_Host", value: "evil", operator: "CONTAINS" } } },
      ],
      managedRuleGroups: { AWSManagedRulesCommonRuleSet: { scopeDown: { header: { name: "x-amz-security-token", value: "t" }, negate: true } } },
      rateLimits: {
        uri: [keyed("auth", "x-forwarded-authorization"), keyed("prefix", "x-forwarded-prefix"), keyed("method", "x_http_method_override")],
        ipReputation: { aggregation: { customKeys: [{ ip: true }, { header: "x-apigw-api-id" }] } },
      },
    });
    assert.deepEqual(
      problems.map((p) => [p.field, p.value, (DROPPED.exec(p.allowed) ?? RELOCATED.exec(p.allowed))?.[1]]),
      [
        ["waf.customRules[url].match.header.name", "x-original-url", "x-original-url"],
        ["waf.customRules[host].match.header.name", "X_Forwarded_Host", "x_forwarded_host"],
        ["waf.managedRuleGroups.AWSManagedRulesCommonRuleSet.scopeDown.header.name", "x-amz-security-token", "x-amz-security-token"],
        ["waf.rateLimits.uri[auth].aggregation.customKeys[0].header", "x-forwarded-authorization", "x-forwarded-authorization"],
        ["waf.rateLimits.uri[prefix].aggregation.customKeys[0].header", "x-forwarded-prefix", "x-forwarded-prefix"],
        ["waf.rateLimits.uri[method].aggregation.customKeys[0].header", "x_http_method_override", "x_http_method_override"],
        ["waf.rateLimits.ipReputation.aggregation.customKeys[1].header", "x-apigw-api-id", "x-apigw-api-id"],
      ],
    );
  });

  it("follows the signer's authorizationHeader: its own header is refused, the default one then passes as sent", () => {
    const context = { shieldMitigation: "none" as const, authorizationHeader: "x-viewer-authorization" };
    const raw = { rateLimits: { uri: [keyed("mine", "x-viewer-authorization"), keyed("underscore", "x_viewer_authorization"), keyed("default", "x-forwarded-authorization")] } };
    assert.deepEqual(
      parse(raw, context).problems.map((p) => [p.field, RELOCATED.exec(p.allowed)?.[1]]),
      [
        ["waf.rateLimits.uri[mine].aggregation.customKeys[0].header", "x-viewer-authorization"],
        ["waf.rateLimits.uri[underscore].aggregation.customKeys[0].header", "x_viewer_authorization"],
      ],
    );
  });

  it("leaves headers the backend gets as sent: authorization (the signer moves it, value intact), an API key, CloudFront's viewer headers", () => {
    for (const name of ["authorization", "x-api-key", "user-agent", "cloudfront-viewer-country", "x-amz-cf-id", "x-forwarded-for"]) {
      assert.equal(signerHeaderProblem(name), undefined, name);
    }
    // The underscore spellings of headers CloudFront sets are dropped (Rack, PHP and Django read them as the same variable).
    for (const name of ["x_forwarded_for", "cloudfront_viewer_country", "x-http-method", "forwarded"]) assert.match(signerHeaderProblem(name) ?? "", DROPPED, name);
    assert.deepEqual(parse({ rateLimits: { uri: [keyed("key", "x-api-key"), keyed("auth", "authorization")] } }).problems, []);
  });
});

describe("waf rate keys: the text transformations of each kind", () => {
  const rule = {
    name: "k",
    pathPrefix: "/pets",
    limit: 100,
    aggregation: { customKeys: [{ queryArgument: "apikey" }, { cookie: "session" }, { header: "x-api-key" }, { ip: true }] },
  };
  const rules = buildWafRules<string>(managed({ rateLimits: { uri: [rule] } }), {});
  const built = rules.find((r) => r.name === "rate-uri-k");

  it("URL-decodes query-argument and cookie keys (apikey=%61bc and apikey=abc are one bucket, as the signer forwards them); headers as sent", () => {
    const pulumi = toPulumiRules(rules).find((r) => r.name === "rate-uri-k")?.statement as { rateBasedStatement: { customKeys: unknown } };
    assert.deepEqual(pulumi.rateBasedStatement.customKeys, [
      { queryArgument: { name: "apikey", textTransformations: [{ priority: 0, type: "URL_DECODE" }] } },
      { cookie: { name: "session", textTransformations: [{ priority: 0, type: "URL_DECODE" }] } },
      { header: { name: "x-api-key", textTransformations: [{ priority: 0, type: "NONE" }] } },
      { ip: {} },
    ]);
    assert.deepEqual(toWafApiRules(rules).find((r) => r.Name === "rate-uri-k")?.Statement?.RateBasedStatement?.CustomKeys, [
      { QueryArgument: { Name: "apikey", TextTransformations: [{ Priority: 0, Type: "URL_DECODE" }] } },
      { Cookie: { Name: "session", TextTransformations: [{ Priority: 0, Type: "URL_DECODE" }] } },
      { Header: { Name: "x-api-key", TextTransformations: [{ Priority: 0, Type: "NONE" }] } },
      { IP: {} },
    ]);
  });

  it("prices each key at 30 and each transformation on it at 10: 2 + (40 + 40 + 30 + 30) + the path 64", () => {
    assert.ok(built);
    assert.equal(statementWcu(built.statement), 2 + 140 + 64);
  });

  it("the blanket rule stays per IP: custom keys would leave every request without them uncounted", () => {
    const { problems } = parse({ rateLimits: { blanket: { aggregation: { customKeys: [{ header: "x-api-key" }] } } } });
    assert.deepEqual(problems.map((p) => [p.field, p.allowed]), [
      ["waf.rateLimits.blanket.aggregation", 'allowed: "IP": the blanket rule is the per-IP backstop, and a request that lacks a custom key is not counted by that rule at all (key a rateLimits.uri rule instead)'],
    ]);
  });
});
