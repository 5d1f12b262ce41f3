import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { ConfigError } from "../../components/shared/validation";
import { main } from "../../scripts/plan";
import { PROJECT_DIR, ProgramRun, runProgram } from "../../scripts/plan/runProgram";
import { ACCOUNT_ID, installMocks, settle } from "../support/mocks";
import { programRun } from "./programRuns";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

/** Resource types whose provider arguments have no `tags` (checked against the installed typings). */
const UNTAGGABLE = new Set([
  "apigateway/account:Account", "apigateway/deployment:Deployment", "apigateway/integration:Integration",
  "apigateway/method:Method", "apigateway/methodSettings:MethodSettings", "apigateway/resource:Resource",
  "apigateway/restApiPolicy:RestApiPolicy", "apigatewayv2/integration:Integration", "apigatewayv2/route:Route",
  "cloudwatch/dashboard:Dashboard", "cloudwatch/logMetricFilter:LogMetricFilter", "s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "s3/bucketOwnershipControls:BucketOwnershipControls", "s3/bucketPolicy:BucketPolicy", "s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "apigatewayv2/routeResponse:RouteResponse", "cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
  "iam/rolePolicy:RolePolicy", "iam/rolePolicyAttachment:RolePolicyAttachment", "lambda/permission:Permission",
  "shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse",
  "shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation", "shield/proactiveEngagement:ProactiveEngagement",
  "shield/protectionHealthCheckAssociation:ProtectionHealthCheckAssociation", "sns/topicSubscription:TopicSubscription",
  "wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
].map((t) => `aws:${t}`));

function assertTagged(run: ProgramRun, stack = "dev"): void {
  const resources = run.recorder.resources.filter((r) => r.type.startsWith("aws:") && !UNTAGGABLE.has(r.type));
  assert.ok(resources.length > 20, `only ${resources.length} taggable resources`);
  for (const r of resources) assert.equal(r.inputs.tags?.["edge-security:stack"], stack, `${r.type} ${r.name}`);
}

describe("program (index.ts) under mocks", function () {
  this.timeout(60_000);

  describe("dev stack", () => {
    let run: ProgramRun;
    before(async () => {
      run = await programRun("dev");
    });

    it("exports the documented contract, resolved", () => {
      const { outputs } = run;
      assert.deepEqual(Object.keys(outputs).sort(), ["apis", "distributionArn", "distributionDomainName", "distributionId", "edgeUrl", "monitoring", "signerRoleArn", "signerVersionArn", "verification", "webAclArn"]);
      assert.equal(outputs.distributionId, "edge-cdn-id");
      assert.equal(outputs.edgeUrl, "https://edge-cdn.cloudfront.net");
      assert.equal(outputs.signerVersionArn, `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:edge-signer-fn:1`);
      assert.deepEqual(outputs.apis, {
        "petstore-rest": { kind: "REST", apiId: "apis-petstore-rest-id", stage: "dev", region: "eu-west-1", edgeUrl: "https://edge-cdn.cloudfront.net/", directUrl: "https://apis-petstore-rest-id.execute-api.eu-west-1.amazonaws.com/dev/" },
        "petstore-http": { kind: "HTTP", apiId: "apis-petstore-http-id", stage: "$default", region: "eu-west-1", edgeUrl: "https://edge-cdn.cloudfront.net/http/", directUrl: "https://apis-petstore-http-id.execute-api.eu-west-1.amazonaws.com/" },
        "petstore-ws": { kind: "WEBSOCKET", apiId: "apis-petstore-ws-id", stage: "dev", region: "eu-west-1", edgeUrl: "wss://edge-cdn.cloudfront.net/ws", directUrl: "wss://apis-petstore-ws-id.execute-api.eu-west-1.amazonaws.com/dev" },
      });
    });

    it("fronts each API kind with its own behaviour and one signer", () => {
      const cdn = run.recorder.one(DISTRIBUTION, "edge-cdn").inputs;
      assert.deepEqual(cdn.origins.map((o: any) => [o.originId, o.domainName, o.originPath]), [
        ["petstore-rest", "apis-petstore-rest-id.execute-api.eu-west-1.amazonaws.com", "/dev"],
        ["petstore-http", "apis-petstore-http-id.execute-api.eu-west-1.amazonaws.com", ""],
        ["petstore-ws", "apis-petstore-ws-id.execute-api.eu-west-1.amazonaws.com", "/dev"],
      ]);
      assert.deepEqual(cdn.orderedCacheBehaviors.map((b: any) => b.pathPattern), ["/http/*", "/http", "/ws/*", "/ws"]);
      assert.equal(run.recorder.ofType("aws:lambda/function:Function").filter((f) => f.inputs.region === "us-east-1").length, 1);
    });

    it("attaches a counting web ACL and creates no Shield Advanced resource", () => {
      const webAclArn = `arn:aws:wafv2:us-east-1:${ACCOUNT_ID}:global/webacl/edge-waf-edge-security-dev/edge-waf-edge-security-dev-id`;
      assert.equal(run.outputs.webAclArn, webAclArn);
      assert.equal(run.recorder.one(DISTRIBUTION, "edge-cdn").inputs.webAclId, webAclArn);
      const acl = run.recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf-edge-security-dev").inputs;
      assert.deepEqual([acl.scope, acl.region], ["CLOUDFRONT", "us-east-1"]);
      assert.equal(acl.rules.length, 6, "the body-size rule, three baseline groups, the reputation and the blanket rate rules");
      for (const rule of acl.rules) assert.ok(rule.overrideAction?.count || rule.action?.count, `${rule.name} counts in dev`);
      assert.deepEqual(run.recorder.resources.filter((r) => r.type.startsWith("aws:shield/")), []);
      assert.equal(run.outputs.shield, undefined);
    });

    it("tags every taggable resource with the stack", () => assertTagged(run));

  });

  describe("prod stack", () => {
    let run: ProgramRun;
    before(async () => {
      run = await programRun("prod");
    });

    it("fronts the existing API in its own region and restricts it to the signer", () => {
      const apis = run.outputs.apis as Record<string, any>;
      assert.deepEqual(apis.orders, { kind: "REST", apiId: "a1b2c3d4e5", stage: "live", region: "eu-west-1", edgeUrl: "https://edge-cdn.cloudfront.net/orders/", directUrl: "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/live/" });
      const policy = run.recorder.one("aws:apigateway/restApiPolicy:RestApiPolicy", "edge-signer-orders-signer-only").inputs;
      assert.equal(policy.restApiId, "a1b2c3d4e5");
      const invoke = JSON.parse(run.recorder.one("aws:iam/rolePolicy:RolePolicy", "edge-signer-policy").inputs.policy).Statement[0].Resource;
      assert.deepEqual(invoke.slice(0, 2), [`arn:aws:execute-api:us-east-2:${ACCOUNT_ID}:apis-petstore-id/prod/*/*`, `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:a1b2c3d4e5/live/*/*`]);
    });

    it("protects the distribution with Shield Advanced behind the enforcing web ACL", () => {
      const distributionArn = `arn:aws:cloudfront::${ACCOUNT_ID}:distribution/edge-cdn-id`;
      assert.equal(run.recorder.one("aws:shield/protection:Protection", "edge-shield-protection").inputs.resourceArn, distributionArn);
      assert.deepEqual(run.recorder.one("aws:shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse", "edge-shield-l7-response").inputs, { resourceArn: distributionArn, action: "COUNT" });
      assert.deepEqual(run.recorder.ofType("aws:shield/subscription:Subscription"), [], "the one-year subscription is never created implicitly");
      const acl = run.recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf-edge-security-prod").inputs;
      assert.equal(acl.ruleJson, undefined);
      assert.ok(acl.rules.some((r: any) => r.action?.block), "rate rules block in prod");
      assert.deepEqual(Object.keys(run.outputs.shield as object).sort(), ["alarmTopicArn", "healthCheckId", "protectionId"]);
      assert.deepEqual(Object.keys(run.outputs).sort(), [
        "apis", "distributionArn", "distributionDomainName", "distributionId", "edgeUrl", "monitoring", "privateServices", "shield", "signerRoleArn", "signerVersionArn", "verification", "vpcLinks", "webAclArn",
      ]);
    });

    it("fronts the private microservices' API at /services/* and exports what app teams register", () => {
      const cdn = run.recorder.one(DISTRIBUTION, "edge-cdn").inputs;
      assert.deepEqual(cdn.orderedCacheBehaviors.map((b: any) => [b.pathPattern, b.targetOriginId]), [
        ["/services/*", "private"],
        ["/orders/*", "orders"],
        ["/services", "private"],
        ["/orders", "orders"],
      ]);
      const invoke = JSON.parse(run.recorder.one("aws:iam/rolePolicy:RolePolicy", "edge-signer-policy").inputs.policy).Statement[0].Resource;
      assert.equal(invoke[2], `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:private-api-id/live/*/*`);
      const services = run.outputs.privateServices as Record<string, any>;
      assert.deepEqual(Object.keys(services).sort(), ["catalog", "orders", "payments", "refunds", "search"]);
      assert.equal(services["orders"].url, "https://edge-cdn.cloudfront.net/services/v1/orders");
      assert.equal(services["orders"].targetGroupArn, `arn:aws:mock:eu-west-1:${ACCOUNT_ID}:TargetGroup/private-tg-orders`);
      assert.deepEqual(run.outputs.vpcLinks, { core: "private-link-core-id", "core-b": "private-link-core-b-id", payments: "private-link-payments-id" });
    });

    it("logs and throttles the private API's stage as the created REST API's, with its own account setting in eu-west-1, which no created API covers", () => {
      const stage = run.recorder.one("aws:apigateway/stage:Stage", "private-stage").inputs;
      const created = run.recorder.one("aws:apigateway/stage:Stage", "apis-petstore-stage").inputs;
      assert.deepEqual(stage.accessLogSettings, { destinationArn: `arn:aws:logs:eu-west-1:${ACCOUNT_ID}:log-group:private-access`, format: created.accessLogSettings.format });
      assert.deepEqual(run.recorder.one("aws:cloudwatch/logGroup:LogGroup", "private-access").inputs, { region: "eu-west-1", retentionInDays: 30, tags: { environment: "prod", "cost-center": "platform", "edge-security:stack": "prod" } });
      assert.deepEqual(run.recorder.one("aws:apigateway/methodSettings:MethodSettings", "private-throttle").inputs, {
        region: "eu-west-1", restApi: "private-api-id", stageName: "live", methodPath: "*/*", settings: { throttlingRateLimit: 100, throttlingBurstLimit: 200, metricsEnabled: true },
      });
      assert.deepEqual(run.recorder.ofType("aws:apigateway/account:Account").map((a) => [a.name, a.inputs.region]).sort(), [["apis-account-us-east-2", "us-east-2"], ["private-account-eu-west-1", "eu-west-1"]]);
    });

    it("tags every taggable resource with the stack", () => assertTagged(run, "prod"));

    it("serves the custom domain with the us-east-1 certificate and delivers access logs to a year-long log group", () => {
      const cdn = run.recorder.one(DISTRIBUTION, "edge-cdn").inputs;
      assert.deepEqual(cdn.aliases, ["api.example.com"]);
      assert.equal(cdn.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
      assert.equal(cdn.loggingConfig, undefined);
      const group = run.recorder.one("aws:cloudwatch/logGroup:LogGroup", "edge-cdn-logs-group").inputs;
      assert.deepEqual([group.region, group.namePrefix, group.retentionInDays], ["us-east-1", "/aws/vendedlogs/cloudfront/edge-cdn-logs-", 365]);
      const source = run.recorder.one("aws:cloudwatch/logDeliverySource:LogDeliverySource", "edge-cdn-logs-source").inputs;
      assert.deepEqual([source.region, source.logType, source.resourceArn], ["us-east-1", "ACCESS_LOGS", `arn:aws:cloudfront::${ACCOUNT_ID}:distribution/edge-cdn-id`]);
    });
  });

  it("gives a REST private API in a created REST API's region that API's account setting, not a second one", async () => {
    const run = await runProgram("dev", (config) => {
      config["edge-security:privateIntegration"] = JSON.stringify({
        topology: "rest-shared-nlb", vpcs: [{ name: "main", vpcEndpoints: false }], services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 8080 }],
        api: { logRetentionDays: 7, throttle: { rateLimit: 50, burstLimit: 100 } },
      });
    });
    assert.deepEqual(run.recorder.ofType("aws:apigateway/account:Account").map((a) => a.name), ["apis-account-eu-west-1"]);
    assert.equal(run.recorder.one("aws:cloudwatch/logGroup:LogGroup", "private-access").inputs.retentionInDays, 7);
    assert.deepEqual(run.recorder.one("aws:apigateway/methodSettings:MethodSettings", "private-throttle").inputs.settings, { throttlingRateLimit: 50, throttlingBurstLimit: 100, metricsEnabled: true });
    assert.equal(run.recorder.one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "monitoring-private-signerDenied").inputs.logGroupName, "private-access");
  });

  it("creates nothing when the config is invalid, and names every problem", async () => {
    const recorder = installMocks("edge-security", "dev");
    await assert.rejects(
      runProgram("dev", (config) => {
        config["edge-security:signerArchitecture"] = "arm64";
        config["edge-security:apis"] = JSON.stringify([{ name: "x", kind: "REST", pathPattern: "*" }]);
      }, recorder),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => p.field), ["apis[x].stage", "signerArchitecture"]);
        return true;
      },
    );
    await settle();
    assert.deepEqual(recorder.resources, []);
  });

  describe("npm run plan", () => {
    const tsx = path.join(PROJECT_DIR, "node_modules", ".bin", "tsx");
    const plan = (...args: string[]) => promisify(execFile)(tsx, ["scripts/plan.ts", ...args], { cwd: PROJECT_DIR });
    const invalidStack = `invalid-${process.pid}`;
    const invalidFile = path.join(PROJECT_DIR, `Pulumi.${invalidStack}.yaml`);

    before(() => fs.writeFileSync(invalidFile, "config:\n  aws:region: eu-west-1\n  edge-security:apis:\n    - { name: shop, kind: SOAP }\n  edge-security:signerMemoryMb: 64\n"));
    after(() => fs.rmSync(invalidFile, { force: true }));

    it("prints every problem of an invalid stack and exits 1", async () => {
      await assert.rejects(plan("--stack", invalidStack), (error: any) => {
        assert.equal(error.code, 1);
        // One problem per mistake: the unknown kind does not also make the stage "required for SOAP APIs".
        assert.match(error.stderr, /Pulumi\.invalid-\d+\.yaml: Invalid edge-security configuration: 2 problems/);
        assert.match(error.stderr, /\n {2}Pulumi\.invalid-\d+\.yaml:4:27 apis\[shop\]\.kind: got "SOAP"; allowed: "REST", "HTTP" or "WEBSOCKET"/);
        assert.match(error.stderr, /\n {2}Pulumi\.invalid-\d+\.yaml:5:33 signerMemoryMb: got 64; allowed: a whole number of MB from 128 to 10240/);
        return true;
      });
    });

    /** The command in this process: its exit code and what it wrote. */
    async function planHere(argv: string[], env: Record<string, string | undefined> = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, tty: false });
      return { code, stdout: out.join("\n"), stderr: err.join("\n") };
    }

    it("names the stacks it has when the stack file is missing, and refuses unknown arguments", async () => {
      const missing = await planHere(["--stack", "nosuchstack"]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /no stack file Pulumi\.nosuchstack\.yaml; stacks here: .*dev/);
      const bogus = await planHere(["--bogus"]);
      assert.equal(bogus.code, 2);
      assert.match(bogus.stderr, /Unknown option '--bogus'[\s\S]*usage: npm run plan/);
    });

    it("explains itself with --help, and hints at -- when npm took the options", async () => {
      const help = await planHere(["--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^usage: npm run plan -- \[--stack <name>\] \[--json \| --diagram\] \[--compare <other stack>\]/);
      assert.match(help.stdout, /exit codes: 0 the plan was printed; 1 the stack's config is invalid/);
      const hinted = await planHere([], { npm_config_stack: "prod" });
      assert.equal(hinted.code, 2);
      assert.match(hinted.stderr, /npm took --stack as its own option; put the plan's options after --: npm run plan -- --stack prod/);
    });

    it("prints colour codes only on a terminal without NO_COLOR", async () => {
      const plain = await planHere([]);
      assert.doesNotMatch(plain.stdout, /\x1b\[/);
      assert.match(plain.stdout, /^Plan for stack "dev"/);
      const out: string[] = [];
      await main([], { out: (t) => out.push(t), err: () => undefined, env: {}, tty: true });
      assert.match(out.join(""), /^\x1b\[1mPlan for stack "dev"/);
      const noColor: string[] = [];
      await main([], { out: (t) => noColor.push(t), err: () => undefined, env: { NO_COLOR: "1" }, tty: true });
      assert.doesNotMatch(noColor.join(""), /\x1b\[/);
    });

    it("prints the plan as JSON", async () => {
      const { code, stdout } = await planHere(["--json"]);
      assert.equal(code, 0);
      const parsed = JSON.parse(stdout);
      assert.equal(parsed.stack, "dev");
      assert.equal(parsed.outputs.distributionId, "edge-cdn-id");
      assert.ok(parsed.waf.summary.some((line: string) => line.startsWith("WAF: web ACL, scope CLOUDFRONT, us-east-1, mode count")));
      assert.ok(parsed.resources.every((r: { inputs: unknown }) => typeof r.inputs === "object"));
    });
  });
});
