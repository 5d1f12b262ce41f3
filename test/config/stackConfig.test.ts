import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, Problem } from "../../components/shared/validation";
import { parseStackConfig, readStackConfig } from "../../components/config/stackConfig";
import { decodeConfigValue, projectConfig } from "../../components/config/namespace";

type RawStackConfig = Record<string, unknown>;
import { wafLogBucketName } from "../../components/waf";

const REST = { name: "shop", kind: "REST", stage: "prod", pathPattern: "*" };

function problemsOf(raw: RawStackConfig, region: unknown): Problem[] {
  try {
    parseStackConfig(raw, region);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return [...error.problems];
  }
  assert.fail("expected a ConfigError");
}

function fieldsOf(raw: RawStackConfig, region: unknown): string[] {
  return problemsOf(raw, region).map((p) => p.field);
}

describe("parseStackConfig", () => {
  it("applies the documented defaults to a minimal config", () => {
    const config = parseStackConfig({ apis: [REST] }, "eu-west-1");
    assert.deepEqual(config.apis, [
      { name: "shop", kind: "REST", stage: "prod", region: "eu-west-1", pathPattern: "*", existing: false, throttle: { rateLimit: 100, burstLimit: 200 }, logRetentionDays: 30 },
    ]);
    assert.deepEqual(config.signer, { runtime: "nodejs22.x", memoryMb: 128, timeoutSeconds: 5, authorizationHeader: "x-forwarded-authorization", retainOnDelete: true });
    assert.deepEqual(config.distribution, {
      priceClass: "PriceClass_100",
      viewerProtocolPolicy: "https-only",
      aliases: [],
      certificateArn: undefined,
      originReadTimeout: 30,
      originKeepaliveTimeout: 5,
      geoRestriction: { type: "none", locations: [] },
      accessLogs: undefined,
    });
    assert.equal(config.manageApiGatewayAccount, true);
  });

  const prefixed = (n: number) => [REST, ...Array.from({ length: n }, (_, i) => ({ ...REST, name: `api${i}`, pathPattern: `/p${i}/*` }))];

  it("accepts 37 prefixed APIs, the most CloudFront's default 75 cache behaviours allow, and refuses 38", () => {
    assert.equal(parseStackConfig({ apis: prefixed(37) }, "eu-west-1").apis.length, 38);
    const problems = problemsOf({ apis: prefixed(38) }, "eu-west-1");
    assert.deepEqual(problems.map((p) => [p.field, p.value]), [["apis", 76]]);
    assert.equal(
      problems[0].allowed,
      "allowed: at most 75 cache behaviours per distribution, and each API on a prefix takes two (/prefix and /prefix/*); an account with a raised quota sets cacheBehaviorQuota",
    );
  });

  it("takes an account's raised quotas, and refuses origins beyond them", () => {
    assert.equal(parseStackConfig({ apis: prefixed(60), cacheBehaviorQuota: 150, originQuota: 200 }, "eu-west-1").apis.length, 61);
    const problems = problemsOf({ apis: prefixed(10), originQuota: 5 }, "eu-west-1");
    assert.deepEqual(problems.map((p) => [p.field, p.value, p.allowed]), [
      ["apis", 11, "allowed: at most 5 APIs, one origin each (origins per distribution; an account with a raised quota sets originQuota)"],
    ]);
    assert.deepEqual(fieldsOf({ apis: [REST], cacheBehaviorQuota: "75", originQuota: 0 }, "eu-west-1"), ["cacheBehaviorQuota", "originQuota"]);
  });

  it("gives HTTP APIs the $default stage and keeps an existing API's own region", () => {
    const config = parseStackConfig({
      apis: [
        { name: "http", kind: "HTTP", pathPattern: "*" },
        { name: "orders", kind: "REST", existing: true, apiId: "a1b2c3d4e5", stage: "live", region: "ap-southeast-2", pathPattern: "/orders/*", restrictToSigner: true },
      ],
      monitoring: { apis: { orders: { restApiName: "orders-api" } } },
    }, "eu-west-1");
    assert.equal(config.apis[0].stage, "$default");
    assert.deepEqual(config.apis[1], { name: "orders", kind: "REST", stage: "live", region: "ap-southeast-2", pathPattern: "/orders/*", existing: true, apiId: "a1b2c3d4e5", restrictToSigner: true });
  });

  it("reports every problem at once, each naming the field, the value and what is allowed", () => {
    const problems = problemsOf({
      apis: [
        { name: "shop", kind: "GRAPHQL", stage: "prod", pathPattern: "*" },
        { name: "orders", kind: "REST", pathPattern: "/orders/*" },
      ],
      signerMemoryMb: 64,
      signerArchitecture: "arm64",
    }, "eu-west-1");
    assert.deepEqual(problems.map((p) => p.field), ["apis[shop].kind", "apis[orders].stage", "signerMemoryMb", "signerArchitecture"]);
    assert.deepEqual(problems[0], { field: "apis[shop].kind", value: "GRAPHQL", allowed: 'allowed: "REST", "HTTP" or "WEBSOCKET"', path: ["apis", 0, "kind"] });
    assert.throws(
      () => parseStackConfig({ apis: [{ ...REST, kind: "GRAPHQL" }], signerTimeoutSeconds: 31 }, "eu-west-1"),
      /^ConfigError: Invalid edge-security configuration: 2 problems\n  - apis\[shop\]\.kind: got "GRAPHQL"; allowed: "REST", "HTTP" or "WEBSOCKET"\n  - signerTimeoutSeconds: got 31; allowed: a whole number of seconds from 1 to 30/,
    );
  });

  const cases: [string, RawStackConfig, unknown, string[]][] = [
    ["unknown API kind", { apis: [{ ...REST, kind: "SOAP" }] }, "eu-west-1", ["apis[shop].kind"]],
    ["REST API without a stage", { apis: [{ name: "shop", kind: "REST", pathPattern: "*" }] }, "eu-west-1", ["apis[shop].stage"]],
    ["WebSocket API without a stage", { apis: [REST, { name: "ws", kind: "WEBSOCKET", pathPattern: "/ws/*" }] }, "eu-west-1", ["apis[ws].stage"]],
    ["$default stage on a REST API", { apis: [{ ...REST, stage: "$default" }] }, "eu-west-1", ["apis[shop].stage"]],
    ["a region that is not a region", { apis: [{ ...REST, region: "eu-middle-9" }] }, "eu-west-1", ["apis[shop].region"]],
    ["a GovCloud region the edge cannot sign for", { apis: [{ ...REST, region: "us-gov-west-1" }] }, "eu-west-1", ["apis[shop].region"]],
    ["a stack region that is not a region", { apis: [REST] }, "mars-1", ["aws:region"]],
    ["no stack region", { apis: [REST] }, undefined, ["aws:region"]],
    ["an existing API without an ID", { apis: [{ ...REST, existing: true }] }, "eu-west-1", ["apis[shop].apiId"]],
    ["an API ID on a created API", { apis: [{ ...REST, apiId: "a1b2c3d4e5" }] }, "eu-west-1", ["apis[shop].apiId"]],
    ["restrictToSigner on an HTTP API", { apis: [{ name: "h", kind: "HTTP", existing: true, apiId: "a1b2c3d4e5", region: "eu-west-1", pathPattern: "*", restrictToSigner: true }] }, "eu-west-1", ["apis[h].restrictToSigner"]],
    ["the same path pattern twice", { apis: [REST, { ...REST, name: "other" }] }, "eu-west-1", ["apis[other].pathPattern"]],
    ["path patterns that differ only in case", { apis: [REST, { ...REST, name: "a", pathPattern: "/api/*" }, { ...REST, name: "b", pathPattern: "/Api/*" }] }, "eu-west-1", ["apis[b].pathPattern"]],
    ["the same API name twice", { apis: [REST, { ...REST, pathPattern: "/b/*" }] }, "eu-west-1", ["apis[1].name"]],
    ["no default behaviour", { apis: [{ ...REST, pathPattern: "/shop/*" }] }, "eu-west-1", ["apis"]],
    ["no API at all", {}, "eu-west-1", ["apis"]],
    ["a malformed path pattern", { apis: [REST, { ...REST, name: "b", pathPattern: "/b*" }] }, "eu-west-1", ["apis[b].pathPattern"]],
    ["a dot-segment path pattern", { apis: [REST, { ...REST, name: "b", pathPattern: "/a/../*" }] }, "eu-west-1", ["apis[b].pathPattern"]],
    ["relocating Authorization into content-type", { apis: [REST], authorizationHeader: "content-type" }, "eu-west-1", ["authorizationHeader"]],
    ["an unknown key inside an API", { apis: [{ ...REST, stgae: "prod" }] }, "eu-west-1", ["apis[shop].stgae"]],
    ["an unknown top-level key", { apis: [REST], priceclass: "PriceClass_All" }, "eu-west-1", ["priceclass"]],
    ["an alias without a certificate", { apis: [REST], aliases: ["api.example.com"] }, "eu-west-1", ["certificateArn"]],
    ["a certificate outside us-east-1", { apis: [REST], aliases: ["api.example.com"], certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" }, "eu-west-1", ["certificateArn"]],
    ["a certificate without aliases", { apis: [REST], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }, "eu-west-1", ["aliases"]],
    ["signer memory below the limit", { apis: [REST], signerMemoryMb: 127 }, "eu-west-1", ["signerMemoryMb"]],
    ["signer memory above the limit", { apis: [REST], signerMemoryMb: 10241 }, "eu-west-1", ["signerMemoryMb"]],
    ["signer timeout above the origin-request limit", { apis: [REST], signerTimeoutSeconds: 31 }, "eu-west-1", ["signerTimeoutSeconds"]],
    ["signer timeout of zero", { apis: [REST], signerTimeoutSeconds: 0 }, "eu-west-1", ["signerTimeoutSeconds"]],
    ["an unsupported runtime", { apis: [REST], signerRuntime: "python3.13" }, "eu-west-1", ["signerRuntime"]],
    ["arm64", { apis: [REST], signerArchitecture: "arm64" }, "eu-west-1", ["signerArchitecture"]],
    ["relocating Authorization into a header CloudFront forbids", { apis: [REST], authorizationHeader: "x-amz-auth" }, "eu-west-1", ["authorizationHeader"]],
    ["allow-all viewer protocol", { apis: [REST], viewerProtocolPolicy: "allow-all" }, "eu-west-1", ["viewerProtocolPolicy"]],
    ["a geo restriction without countries", { apis: [REST], geoRestrictionType: "blacklist" }, "eu-west-1", ["geoRestrictionLocations"]],
    ["a malformed country code", { apis: [REST], geoRestrictionType: "whitelist", geoRestrictionLocations: ["deu"] }, "eu-west-1", ["geoRestrictionLocations[0]"]],
    ["an origin read timeout over the 60 s a returned origin may have", { apis: [REST], originReadTimeout: 61 }, "eu-west-1", ["originReadTimeout"]],
    ["a log bucket given by name, not domain", { apis: [REST], loggingBucket: "my-logs" }, "eu-west-1", ["loggingBucket"]],
    ["a throttle over the account quota", { apis: [{ ...REST, throttle: { rateLimit: 20000, burstLimit: 1 } }] }, "eu-west-1", ["apis[shop].throttle.rateLimit"]],
    ["a retention CloudWatch does not offer", { apis: [{ ...REST, logRetentionDays: 10 }] }, "eu-west-1", ["apis[shop].logRetentionDays"]],
    ["a private integration on a path an API already uses", { apis: [REST, { ...REST, name: "svc", pathPattern: "/services/*" }], privateIntegration: { topology: "http-api", vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }], services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 8080 }] } }, "eu-west-1", ["privateIntegration.pathPrefix"]],
    ["a private integration problem, reported with the rest", { apis: [REST], signerMemoryMb: 1, privateIntegration: { topology: "http-api", vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }], services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 70000 }] } }, "eu-west-1", ["signerMemoryMb", "privateIntegration.services[orders].port"]],
    ["Shield's layer-7 mitigation without a web ACL", { apis: [REST], waf: { enabled: false }, shield: { enabled: true } }, "eu-west-1", ["waf.enabled"]],
    ["sharing a WAF log bucket that does not exist", { apis: [REST], shield: { enabled: true, srtAccess: { enabled: true, shareWafLogBucket: true } } }, "eu-west-1", ["shield.srtAccess.shareWafLogBucket"]],
    ["an API named like the private integration's API", { apis: [{ ...REST, name: "private" }], privateIntegration: { topology: "http-api", vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }], services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 8080 }] } }, "eu-west-1", ["apis[private].name"]],
    ["a tag key in AWS's reserved namespace", { apis: [REST], tags: { "aws:owner": "me" } }, "eu-west-1", ["tags.aws:owner"]],
    ["a tag value with characters AWS refuses", { apis: [REST], tags: { owner: "a;b" } }, "eu-west-1", ["tags.owner"]],
    ["more tags than leave room for the stack's own", { apis: [REST], tags: Object.fromEntries(Array.from({ length: 46 }, (_, i) => [`t${i}`, "v"])) }, "eu-west-1", ["tags"]],
    ["tags that are not strings", { apis: [REST], tags: { cost: 5 } }, "eu-west-1", ["tags.cost"]],
  ];
  for (const [title, raw, region, fields] of cases) {
    it(`rejects ${title}`, () => assert.deepEqual(fieldsOf(raw, region), fields));
  }
});

describe("the mistakes a new user makes get one problem each, with the way forward", () => {
  const only = (raw: RawStackConfig) => {
    const found = problemsOf(raw, "eu-west-1");
    assert.equal(found.length, 1, JSON.stringify(found));
    return found[0];
  };

  it("suggests the nearest key for a near-miss key", () => {
    assert.match(only({ apis: [REST], priceClas: "PriceClass_All" }).allowed, /did you mean "priceClass"\?$/);
    assert.match(only({ apis: [REST], sheild: { enabled: true } }).allowed, /did you mean "shield"\?$/);
    assert.match(only({ apis: [{ ...REST, stgae: "prod" }] }).allowed, /did you mean "stage"\?$/);
  });

  it("suggests the nearest region and country", () => {
    assert.match(only({ apis: [{ ...REST, region: "eu-wset-1" }] }).allowed, /did you mean "eu-west-1"\?$/);
    const uk = only({ apis: [REST], geoRestrictionType: "whitelist", geoRestrictionLocations: ["UK"] });
    assert.deepEqual([uk.field, uk.allowed], ["geoRestrictionLocations[0]", 'allowed: an ISO 3166-1 alpha-2 country code such as "DE"; did you mean "GB"? (UK is not an ISO 3166-1 code)']);
    assert.match(only({ apis: [REST], geoRestrictionType: "whitelist", geoRestrictionLocations: ["de"] }).allowed, /did you mean "DE"\?$/);
  });

  it("explains a quoted number", () => {
    const p = only({ apis: [{ ...REST, throttle: { rateLimit: "100" } }] });
    assert.deepEqual([p.field, p.value], ["apis[shop].throttle.rateLimit", "100"]);
    assert.match(p.allowed, /\("100" is quoted, so YAML reads it as text: write 100 without quotes\)$/);
  });

  it('gives one problem for existing: "true", not one per field it changes', () => {
    const p = only({ apis: [{ name: "orders", kind: "REST", existing: "true", apiId: "a1b2c3d4e5", stage: "live", pathPattern: "*" }] });
    assert.deepEqual([p.field, p.value], ["apis[orders].existing", "true"]);
    assert.match(p.allowed, /^allowed: false or true \("true" is quoted/);
  });

  it("does not cascade from an unknown kind into the stage", () => {
    assert.equal(only({ apis: [{ name: "shop", kind: "SOAP", pathPattern: "*" }] }).field, "apis[shop].kind");
  });
});

describe("secrets in problems", () => {
  it("names the field of a problem in a secret key, never its value", () => {
    const raw = { apis: [REST], shield: { enabled: true, notifications: { emails: ["not-an-email"] } }, signerMemoryMb: 64 };
    assert.throws(() => parseStackConfig(raw, "eu-west-1", { secretKeys: ["shield"] }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const found = Object.fromEntries(error.problems.map((p) => [p.field, p.value]));
      assert.deepEqual(found, { signerMemoryMb: 64, "shield.notifications.emails[0]": "[secret]" });
      assert.doesNotMatch(error.message, /not-an-email/);
      return true;
    });
  });

  it("reads which keys are secret from the Pulumi runtime, under the project's namespace and a misspelt one", () => {
    const all = {
      "aws:region": "eu-west-1",
      "edge-security:apis": JSON.stringify([REST]),
      "edge-security:shield": JSON.stringify({ enabled: true, notifications: { emails: ["not-an-email"] } }),
      "edge-securty:tags": JSON.stringify({ token: "s3cr3t" }),
    };
    pulumi.runtime.setAllConfig(all, ["edge-security:shield", "edge-securty:tags"]);
    try {
      assert.throws(() => readStackConfig(all), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => [p.field, p.value]), [["edge-securty:tags", "[secret]"], ["shield.notifications.emails[0]", "[secret]"]]);
        assert.doesNotMatch(error.message, /not-an-email|s3cr3t/);
        return true;
      });
    } finally {
      pulumi.runtime.setAllConfig({}, []);
    }
  });
});

describe("the signer and WAF together", () => {
  it("refuses a WAF rule on the stack's own authorizationHeader, where the signer puts the viewer's Authorization", () => {
    const keyed = { name: "per-token", pathPrefix: "/pets", limit: 100, aggregation: { customKeys: [{ header: "x-viewer-authorization" }] } };
    const raw = { apis: [REST], authorizationHeader: "x-viewer-authorization", waf: { rateLimits: { uri: [keyed] } } };
    assert.throws(() => parseStackConfig(raw, "eu-west-1"), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.map((p) => p.field), ["waf.rateLimits.uri[per-token].aggregation.customKeys[0].header"]);
      return true;
    });
    assert.doesNotThrow(() => parseStackConfig({ ...raw, authorizationHeader: "x-forwarded-authorization" }, "eu-west-1"));
  });
});

describe("Shield and WAF together", () => {
  it("keeps 150 WCU of the web ACL free only for Shield's automatic response", () => {
    const reserve = (shield: unknown) => {
      const { waf } = parseStackConfig({ apis: [REST], shield }, "eu-west-1");
      return waf.kind === "managed" ? waf.capacity.reserve : undefined;
    };
    assert.equal(reserve({ enabled: true, layer7Mitigation: "automatic-response" }), 150);
    assert.equal(reserve({ enabled: true, layer7Mitigation: "anti-ddos-rule-group" }), 0);
    assert.equal(reserve({ enabled: false, layer7Mitigation: "automatic-response" }), 0);
    assert.equal(reserve(undefined), 0);
  });

  it("shares the WAF log bucket with the Shield Response Team when the WAF logs to S3", () => {
    const config = parseStackConfig({
      apis: [REST],
      waf: { logging: { destinationArn: "arn:aws:s3:::aws-waf-logs-edge" } },
      shield: { enabled: true, srtAccess: { enabled: true, shareWafLogBucket: true } },
    }, "eu-west-1");
    assert.equal(wafLogBucketName(config.waf), "aws-waf-logs-edge");
    assert.equal(config.shield.layer7Mitigation, "anti-ddos-rule-group");
    assert.ok(config.waf.kind === "managed" && config.waf.managedRuleGroups.some((g) => g.name === "AWSManagedRulesAntiDDoSRuleSet"));
  });
});

describe("config decoding", () => {
  it("decodes JSON values and keeps plain strings", () => {
    assert.deepEqual(decodeConfigValue('[{"a":1}]'), [{ a: 1 }]);
    assert.equal(decodeConfigValue("128"), 128);
    assert.equal(decodeConfigValue("nodejs22.x"), "nodejs22.x");
  });

  it("keeps only the project's namespace, without the prefix", () => {
    assert.deepEqual(projectConfig({ "aws:region": "eu-west-1", "edge-security:signerMemoryMb": "256", "edge-security:apis": "[]" }), { raw: { signerMemoryMb: 256, apis: [] }, problems: [] });
  });

  it("keeps string keys as strings even when they look like JSON", () => {
    assert.deepEqual(projectConfig({ "edge-security:priceClass": "2024", "edge-security:signerRetainOnDelete": "false" }).raw, { priceClass: "2024", signerRetainOnDelete: false });
  });

  it("refuses a key meant for the project under a near-miss namespace or none, and leaves other namespaces alone", () => {
    const { problems } = projectConfig({ "edge-securty:waf": '{"mode":"count"}', "edge_security:tags": "{}", waf: "{}", "aws:region": "eu-west-1", "datadog:apiKey": "x" });
    assert.deepEqual(problems.map((p) => [p.field, p.allowed]), [
      ["edge-securty:waf", 'unknown namespace "edge-securty"; did you mean "edge-security:waf"?'],
      ["edge_security:tags", 'unknown namespace "edge_security"; did you mean "edge-security:tags"?'],
      ["waf", "required: a namespace, such as edge-security:waf (Pulumi stack keys are namespaced)"],
    ]);
  });

  it("reports a namespace typo with the rest, so a stack meant to count never silently enforces", () => {
    assert.throws(
      () => readStackConfig({ "aws:region": "eu-west-1", "edge-security:apis": JSON.stringify([REST]), "edge-securty:waf": '{"mode":"count"}', "edge-security:signerMemoryMb": "64" }),
      /2 problems\n  - edge-securty:waf: got "\{\\"mode\\":\\"count\\"\}"; unknown namespace "edge-securty"; did you mean "edge-security:waf"\?\n  - signerMemoryMb: got 64/,
    );
  });
});
