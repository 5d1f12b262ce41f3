import { strict as assert } from "node:assert";
import { apiRoutesIam } from "../../policy/apiRoutesIam";
import { distributionWebAcl } from "../../policy/distributionWebAcl";
import { edgeFunctions } from "../../policy/edgeFunctions";
import { logGroupRetention } from "../../policy/logGroupRetention";
import { prodShield } from "../../policy/prodShield";
import { restMethodsIam } from "../../policy/restMethodsIam";
import { signerInvokeOnly } from "../../policy/signerInvokeOnly";
import { viewerAndOriginTls } from "../../policy/viewerAndOriginTls";
import { webAclRateAndLogging } from "../../policy/webAclRateAndLogging";
import { registration as reg, urnOf } from "./support/fixtures";
import { runPolicies } from "./support/policyHarness";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0f2b4c6d-8e0a-4b2c-9d4e-6f8a0b2c4d6e";

/** A distribution as the edge builds it: HTTPS-only viewers, an https-only TLS 1.2 origin, a web ACL. */
function distribution(overrides: Record<string, unknown> = {}, extra: Parameters<typeof reg>[3] = {}) {
  return reg(DISTRIBUTION, "edge-cdn", {
    webAclId: WEB_ACL_ARN,
    defaultCacheBehavior: { viewerProtocolPolicy: "https-only", lambdaFunctionAssociations: [] },
    orderedCacheBehaviors: [{ pathPattern: "/http/*", viewerProtocolPolicy: "https-only" }],
    origins: [{ originId: "api", domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], httpPort: 80, httpsPort: 443 } }],
    ...overrides,
  }, extra);
}

describe("policies: one negative fixture each", () => {
  it("rest-methods-aws-iam refuses a REST method without AWS_IAM", async () => {
    const violations = await runPolicies([restMethodsIam], [reg("aws:apigateway/method:Method", "get-pets", { httpMethod: "GET", authorization: "NONE" })]);
    assert.deepEqual(violations.map((v) => v.message), [
      'REST method GET uses authorization "NONE"; every method must require AWS_IAM, which the edge\'s SigV4 signature satisfies and a direct call does not',
    ]);
  });

  it("api-routes-aws-iam refuses an HTTP route and a WebSocket $connect without AWS_IAM (or missing), and leaves other WebSocket routes alone", async () => {
    const http = reg("aws:apigatewayv2/api:Api", "http", { protocolType: "HTTP" });
    const ws = reg("aws:apigatewayv2/api:Api", "ws", { protocolType: "WEBSOCKET" });
    const route = (name: string, api: typeof http, routeKey: string, authorizationType?: string) =>
      reg("aws:apigatewayv2/route:Route", name, { routeKey, ...(authorizationType ? { authorizationType } : {}) }, { propertyDependencies: { apiId: [api.urn] } });
    const violations = await runPolicies([apiRoutesIam], [
      http, ws,
      route("http-default", http, "$default", "NONE"),
      route("http-get", http, "GET /pets", "AWS_IAM"),
      route("ws-connect", ws, "$connect"),
      route("ws-default", ws, "$default"),
      route("ws-disconnect", ws, "$disconnect"),
    ]);
    assert.deepEqual(violations.map((v) => [v.urn, v.message]), [
      [urnOf("aws:apigatewayv2/route:Route", "http-default"), 'HTTP route "$default" uses authorizationType "NONE"; it must require AWS_IAM so that only the edge\'s signed requests get through'],
      [urnOf("aws:apigatewayv2/route:Route", "ws-connect"), 'WebSocket $connect route uses authorizationType "NONE"; it must require AWS_IAM so that only the edge\'s signed requests get through'],
    ]);
    const open = await runPolicies([apiRoutesIam], [ws, route("ws-default", ws, "$default")]);
    assert.deepEqual(open.map((v) => [v.urn, v.message]), [[ws.urn, "WebSocket API ws has no $connect route, so connections open without authorization; add $connect with AWS_IAM"]]);
  });

  it("distribution-web-acl refuses a distribution without a CLOUDFRONT web ACL, and under centralized one that would strip Firewall Manager's", async () => {
    const none = await runPolicies([distributionWebAcl], [distribution({ webAclId: undefined })]);
    assert.deepEqual(none.map((v) => v.message), ["the distribution has no web ACL; attach the stack's CLOUDFRONT-scope web ACL (waf.enabled) or govern it with Firewall Manager"]);
    const regional = await runPolicies([distributionWebAcl], [distribution({ webAclId: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/0f2b4c6d" })]);
    assert.match(regional[0].message, /is not a CLOUDFRONT-scope web ACL ARN/);
    const centralized = { "distribution-web-acl": { governanceModel: "centralized" } };
    assert.deepEqual((await runPolicies([distributionWebAcl], [distribution({ webAclId: undefined })], centralized)).map((v) => v.message), [
      "no web ACL in the program: under the centralized model Firewall Manager attaches it; check the organization's cloudfront-associated-with-waf Config rule",
      "under the centralized model the distribution must ignore changes to webAclId, or an update removes the web ACL Firewall Manager attached",
    ]);
    assert.equal((await runPolicies([distributionWebAcl], [distribution({ webAclId: undefined }, { ignoreChanges: ["webAclId"] })], centralized)).length, 1, "only the advisory note");
  });

  it("viewer-https-origin-tls12 refuses a redirecting viewer and an origin below https-only TLS 1.2", async () => {
    const violations = await runPolicies([viewerAndOriginTls], [distribution({
      orderedCacheBehaviors: [{ pathPattern: "/ws/*", viewerProtocolPolicy: "redirect-to-https" }],
      origins: [{ originId: "api", customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.1", "TLSv1.2"], httpPort: 80, httpsPort: 443 } }],
    })]);
    assert.deepEqual(violations.map((v) => v.message), [
      'behaviour /ws/* has viewerProtocolPolicy "redirect-to-https"; allowed: https-only',
      'origin api has originProtocolPolicy "match-viewer"; allowed: https-only',
      'origin api allows ["TLSv1.1","TLSv1.2"]; allowed: ["TLSv1.2"] only',
    ]);
    const allowed = await runPolicies([viewerAndOriginTls], [distribution({ orderedCacheBehaviors: [{ pathPattern: "/ws/*", viewerProtocolPolicy: "redirect-to-https" }] })], { "viewer-https-origin-tls12": { allowRedirectToHttps: true } });
    assert.deepEqual(allowed, []);
  });

  it("edge-functions refuses an associated function outside us-east-1, unpublished, arm64, with environment and a 60 s timeout", async () => {
    const fn = reg("aws:lambda/function:Function", "signer", { region: "eu-west-1", publish: false, architectures: ["arm64"], environment: { variables: { KEY: "v" } }, timeout: 60 });
    const unrelated = reg("aws:lambda/function:Function", "petstore", { region: "eu-west-1", timeout: 900 });
    const violations = await runPolicies([edgeFunctions], [fn, unrelated, distribution({}, { propertyDependencies: { defaultCacheBehavior: [fn.urn], orderedCacheBehaviors: [fn.urn] } })]);
    assert.deepEqual(violations.map((v) => [v.urn, v.message]), [[fn.urn,
      'edge function signer: region "eu-west-1" (allowed: us-east-1); publish is not true (CloudFront needs a numbered version); architectures ["arm64"] (allowed: x86_64); environment variables (Lambda@Edge has none); timeout 60 s (allowed: at most 30)']]);
  });

  it("edge-functions takes the region of the function's provider when the function sets none, and says when neither is known", async () => {
    const provider = (name: string, region?: string) => reg("pulumi:providers:aws", name, region ? { region } : {});
    const fn = (name: string, extra: Parameters<typeof reg>[3] = {}) => reg("aws:lambda/function:Function", name, { publish: true }, extra);
    const check = async (...resources: ReturnType<typeof reg>[]) => {
      const functions = resources.filter((r) => r.type === "aws:lambda/function:Function");
      const cdn = distribution({}, { propertyDependencies: { defaultCacheBehavior: functions.map((f) => f.urn) } });
      return (await runPolicies([edgeFunctions], [...resources, cdn])).map((v) => v.message);
    };
    const use1 = provider("use1", "us-east-1");
    assert.deepEqual(await check(use1, fn("signer", { provider: use1.urn })), [], "a library user's function in us-east-1 through its provider");
    const euw1 = provider("euw1", "eu-west-1");
    assert.deepEqual(await check(euw1, fn("signer", { provider: euw1.urn })), ['edge function signer: region "eu-west-1" from its provider euw1 (allowed: us-east-1)']);
    const bare = provider("bare");
    assert.deepEqual(await check(bare, fn("signer", { provider: bare.urn }), fn("other")), [
      'edge function signer: region not set on the function, and its provider bare has no region the engine reports (allowed: us-east-1: set region: "us-east-1" on the function or use a provider in us-east-1)',
      'edge function other: region not set on the function, and the engine reports no provider for it (allowed: us-east-1: set region: "us-east-1" on the function or use a provider in us-east-1)',
    ]);
    const own = reg("aws:lambda/function:Function", "own", { publish: true, region: "us-east-1" }, { provider: euw1.urn });
    assert.deepEqual(await check(euw1, own), [], "the function's own region wins over its provider's");
  });

  it("web-acl-rate-limit-and-redacted-logging refuses a web ACL without a rate rule and with logs that keep credentials", async () => {
    const acl = reg("aws:wafv2/webAcl:WebAcl", "edge-waf", { rules: [{ name: "AWS-core", statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet" } } }] });
    const logging = reg("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "edge-waf-logging", { redactedFields: [{ singleHeader: { name: "Authorization" } }] }, { propertyDependencies: { resourceArn: [acl.urn] } });
    assert.deepEqual((await runPolicies([webAclRateAndLogging], [acl, logging])).map((v) => [v.urn, v.message]), [
      [acl.urn, "web ACL edge-waf has no rate-based rule; add at least a blanket per-IP limit"],
      [logging.urn, "web ACL edge-waf logs without redacting x-forwarded-authorization, cookie"],
    ]);
    assert.deepEqual((await runPolicies([webAclRateAndLogging], [acl])).map((v) => v.message).slice(1), ["web ACL edge-waf has no logging configuration"]);
    const relocated = await runPolicies([webAclRateAndLogging], [acl, logging], { "web-acl-rate-limit-and-redacted-logging": { relocatedAuthorizationHeader: "x-app-authorization" } });
    assert.match(relocated[1].message, /without redacting x-app-authorization, cookie$/);
  });

  it("prod-distributions-shield-advanced refuses an unprotected production distribution, and accepts Firewall Manager's scope tag", async () => {
    const tag = { key: "edge-security:firewall-manager", value: "in-scope" };
    const prod = distribution({ tags: { [tag.key]: tag.value } }, { stack: "prod" });
    assert.deepEqual((await runPolicies([prodShield], [prod])).map((v) => v.message), [
      "production distribution edge-cdn has no Shield Advanced protection (shield.enabled, or the Firewall Manager Shield policy's scope tag)",
    ]);
    assert.deepEqual(await runPolicies([prodShield], [prod], { "prod-distributions-shield-advanced": { firewallManagerScopeTag: tag } }), []);
    assert.deepEqual(await runPolicies([prodShield], [distribution()]), [], "dev is not a production stack");
  });

  it("signer-invoke-only refuses more than execute-api:Invoke on concrete stage ARNs, and managed policies", async () => {
    const role = reg("aws:iam/role:Role", "edge-signer-role", { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }, Action: "sts:AssumeRole" }] }) });
    const policy = reg("aws:iam/rolePolicy:RolePolicy", "edge-signer-policy", {
      policy: JSON.stringify({ Statement: [
        { Effect: "Allow", Action: "execute-api:Invoke", Resource: ["arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*", "arn:aws:execute-api:*:123456789012:*/*"] },
        { Effect: "Allow", Action: "execute-api:*", Resource: "*" },
      ] }),
    }, { propertyDependencies: { role: [role.urn] } });
    const attachment = reg("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "edge-signer-admin", { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }, { propertyDependencies: { role: [role.urn] } });
    const inline = reg("aws:iam/role:Role", "edge-signer-role-2", { ...role.inputs, inlinePolicies: [{ name: "extra", policy: JSON.stringify({ Statement: { Effect: "Allow", NotAction: "iam:*", Resource: "*" } }) }] });
    const shared = reg("aws:iam/policyAttachment:PolicyAttachment", "shared-readonly", { policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, { propertyDependencies: { roles: [inline.urn] } });
    assert.deepEqual((await runPolicies([signerInvokeOnly], [inline, shared])).map((v) => v.message), [
      'edge role edge-signer-role-2 has the managed policy "arn:aws:iam::aws:policy/ReadOnlyAccess" attached; grant only the inline invoke policy',
      "policy edge-signer-role-2 (inline extra) of edge role edge-signer-role-2: NotAction/NotResource grants everything not listed",
    ]);
    assert.deepEqual((await runPolicies([signerInvokeOnly], [role, policy, attachment])).map((v) => v.message), [
      'edge role edge-signer-role has the managed policy "arn:aws:iam::aws:policy/AdministratorAccess" attached; grant only the inline invoke policy',
      'policy edge-signer-policy of edge role edge-signer-role: execute-api:Invoke on "arn:aws:execute-api:*:123456789012:*/*", which is not a concrete stage ARN',
      'policy edge-signer-policy of edge role edge-signer-role: grants ["execute-api:*"]; allowed: execute-api:Invoke (and logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents on its own log groups) in separate statements',
    ]);
  });

  it("log-group-retention refuses a log group that keeps events forever, unless exempted with a reason", async () => {
    const group = reg("aws:cloudwatch/logGroup:LogGroup", "audit", {});
    assert.deepEqual((await runPolicies([logGroupRetention], [group])).map((v) => v.message), ["log group audit has no retentionInDays; its events would be kept forever"]);
    const exempt = { "log-group-retention": { exemptions: [{ resource: "audit", reason: "kept forever by the audit policy, archived monthly" }] } };
    assert.deepEqual(await runPolicies([logGroupRetention], [group], exempt), []);
    await assert.rejects(runPolicies([logGroupRetention], [group], { "log-group-retention": { exemptions: [{ resource: "audit", reason: "no" }] } }), /exemptions\[0\]\.reason: got "no"; allowed: why the resource is exempt, 10-500 characters/);
  });
});
