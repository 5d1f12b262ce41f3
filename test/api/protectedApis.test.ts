import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { CreatedApiConfig, ExistingApiConfig } from "../../components/config/apis";
import { ProtectedApis } from "../../components/api/protectedApis";
import { apiEndpoints } from "../../components/contract/apiEndpoints";
import { PETSTORE_ROUTES } from "../../components/api/routes";
import { ACCOUNT_ID, MockRecorder, installMocks, settle, valueOf } from "../support/mocks";
import { Registration, captureRegistrations } from "../policy/support/registrations";

const SIGNER_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/edge-signer-role`;
const created = (kind: CreatedApiConfig["kind"], name: string, stage: string, pathPattern: string): CreatedApiConfig => ({
  name, kind, stage, region: "eu-west-1", pathPattern, existing: false, throttle: { rateLimit: 10, burstLimit: 20 }, logRetentionDays: 14,
});
const existing: ExistingApiConfig = {
  name: "orders", kind: "REST", stage: "live", region: "ap-southeast-2", pathPattern: "/orders/*", existing: true, apiId: "a1b2c3d4e5", restrictToSigner: true,
};

describe("ProtectedApis", () => {
  let rec: MockRecorder;
  let apis: ProtectedApis;
  let registrations: Registration[];

  before(async () => {
    rec = installMocks();
    registrations = captureRegistrations();
    apis = new ProtectedApis("apis", {
      apis: [created("REST", "rest", "prod", "*"), created("HTTP", "http", "$default", "/http/*"), created("WEBSOCKET", "ws", "prod", "/ws/*"), existing],
      manageApiGatewayAccount: true,
      signerRoleArn: SIGNER_ROLE_ARN,
    });
    await valueOf(apiEndpoints(apis.origins, "d1.cloudfront.net"));
    await settle();
  });

  it("creates a REGIONAL REST API with AWS_IAM on every method, the catch-all ANY included", () => {
    assert.deepEqual(rec.one("aws:apigateway/restApi:RestApi", "apis-rest").inputs.endpointConfiguration, { types: "REGIONAL" });
    const methods = rec.ofType("aws:apigateway/method:Method").map((m) => [m.inputs.httpMethod, m.inputs.authorization, m.inputs.region]);
    assert.deepEqual(methods.sort(), [["ANY", "AWS_IAM", "eu-west-1"], ["GET", "AWS_IAM", "eu-west-1"], ["GET", "AWS_IAM", "eu-west-1"], ["GET", "AWS_IAM", "eu-west-1"], ["POST", "AWS_IAM", "eu-west-1"]]);
    const resources = rec.ofType("aws:apigateway/resource:Resource").map((r) => r.inputs.pathPart).sort();
    assert.deepEqual(resources, ["pets", "{petId}", "{proxy+}"]);
    assert.equal(rec.ofType("aws:apigateway/integration:Integration").length, PETSTORE_ROUTES.length);
    for (const integration of rec.ofType("aws:apigateway/integration:Integration")) {
      assert.equal(integration.inputs.type, "AWS_PROXY");
      assert.equal(integration.inputs.integrationHttpMethod, "POST");
      assert.match(integration.inputs.uri, /functions\/arn:aws:lambda:eu-west-1:123456789012:function:apis-rest-petstore-fn\/invocations$/);
    }
  });

  it("re-triggers the REST deployment by a hash of the definition, and configures the stage", () => {
    const deployment = rec.one("aws:apigateway/deployment:Deployment", "apis-rest-deployment");
    assert.match(deployment.inputs.triggers.definition, /^[0-9a-f]{64}$/);
    assert.match(deployment.inputs.triggers.integrationUri, /function:apis-rest-petstore-fn\/invocations$/);
    const stage = rec.one("aws:apigateway/stage:Stage", "apis-rest-stage");
    assert.equal(stage.inputs.stageName, "prod");
    assert.equal(stage.inputs.deployment, "apis-rest-deployment-id");
    assert.equal(stage.inputs.accessLogSettings.destinationArn, `arn:aws:logs:eu-west-1:${ACCOUNT_ID}:log-group:apis-rest-access`);
    assert.equal(JSON.parse(stage.inputs.accessLogSettings.format).resourcePath, "$context.resourcePath");
    const settings = rec.one("aws:apigateway/methodSettings:MethodSettings", "apis-rest-throttle").inputs;
    assert.deepEqual(settings, { region: "eu-west-1", restApi: "apis-rest-id", stageName: "prod", methodPath: "*/*", settings: { throttlingRateLimit: 10, throttlingBurstLimit: 20, metricsEnabled: true } });
  });

  it("admits only the signer's role to the REST API, on its stage, and denies every other principal the whole API", () => {
    const policies = rec.ofType("aws:apigateway/restApiPolicy:RestApiPolicy");
    assert.deepEqual(policies.map((p) => [p.name, p.inputs.region, p.inputs.restApiId]), [["apis-rest-signer-only", "eu-west-1", "apis-rest-id"]]);
    const api = `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:apis-rest-id`;
    assert.deepEqual(JSON.parse(policies[0].inputs.policy), {
      Version: "2012-10-17",
      Statement: [
        { Sid: "AllowEdgeSignerOnStage", Effect: "Allow", Principal: { AWS: SIGNER_ROLE_ARN }, Action: "execute-api:Invoke", Resource: `${api}/prod/*/*` },
        { Sid: "DenyEveryoneElse", Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: `${api}/*`, Condition: { ArnNotEquals: { "aws:PrincipalArn": SIGNER_ROLE_ARN } } },
      ],
    });
  });

  it("deploys the REST API only after its resource policy, and redeploys when the policy changes", () => {
    const policy = rec.one("aws:apigateway/restApiPolicy:RestApiPolicy", "apis-rest-signer-only").inputs.policy;
    assert.equal(rec.one("aws:apigateway/deployment:Deployment", "apis-rest-deployment").inputs.triggers.resourcePolicy, policy);
    const urnOf = (name: string) => registrations.find((r) => r.name === name)!.urn;
    assert.ok(registrations.find((r) => r.name === "apis-rest-deployment")!.dependencies.includes(urnOf("apis-rest-signer-only")));
  });

  it("puts AWS_IAM on every HTTP API route and auto-deploys the $default stage with throttling", () => {
    const routes = rec.ofType("aws:apigatewayv2/route:Route").filter((r) => r.name.startsWith("apis-http-"));
    assert.deepEqual(routes.map((r) => r.inputs.routeKey).sort(), PETSTORE_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routes) {
      assert.equal(route.inputs.authorizationType, "AWS_IAM");
      assert.equal(route.inputs.target, "integrations/apis-http-petstore-id");
    }
    const stage = rec.one("aws:apigatewayv2/stage:Stage", "apis-http-stage").inputs;
    assert.equal(stage.name, "$default");
    assert.equal(stage.autoDeploy, true);
    assert.deepEqual(stage.defaultRouteSettings, { throttlingRateLimit: 10, throttlingBurstLimit: 20 });
    assert.equal(rec.one("aws:apigatewayv2/integration:Integration", "apis-http-petstore").inputs.payloadFormatVersion, "2.0");
    assert.equal(JSON.parse(stage.accessLogSettings.format).authorizerError, "$context.authorizer.error");
  });

  it("requires AWS_IAM on the WebSocket $connect route", () => {
    const routes = Object.fromEntries(rec.ofType("aws:apigatewayv2/route:Route").filter((r) => r.name.startsWith("apis-ws-")).map((r) => [r.inputs.routeKey, r.inputs.authorizationType]));
    assert.deepEqual(routes, { $connect: "AWS_IAM", $disconnect: undefined, $default: undefined });
    assert.equal(rec.one("aws:apigatewayv2/api:Api", "apis-ws").inputs.protocolType, "WEBSOCKET");
    assert.equal(rec.one("aws:apigatewayv2/integration:Integration", "apis-ws-petstore").inputs.integrationMethod, "POST");
    assert.equal(JSON.parse(rec.one("aws:apigatewayv2/stage:Stage", "apis-ws-stage").inputs.accessLogSettings.format).connectionId, "$context.connectionId");
  });

  it("lets API Gateway invoke each pet store from its own API only", () => {
    const permissions = rec.ofType("aws:lambda/permission:Permission").map((p) => [p.name, p.inputs.principal, p.inputs.sourceArn]);
    assert.deepEqual(permissions.sort(), [
      ["apis-http-petstore-invoke", "apigateway.amazonaws.com", `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:apis-http-id/*/*`],
      ["apis-rest-petstore-invoke", "apigateway.amazonaws.com", `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:apis-rest-id/*/*`],
      ["apis-ws-petstore-invoke", "apigateway.amazonaws.com", `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:apis-ws-id/*`],
    ]);
  });

  it("manages the API Gateway logging role once per region that has REST or WebSocket stages", () => {
    const accounts = rec.ofType("aws:apigateway/account:Account");
    assert.deepEqual(accounts.map((a) => [a.name, a.inputs.region, a.inputs.cloudwatchRoleArn]), [["apis-account-eu-west-1", "eu-west-1", `arn:aws:iam::${ACCOUNT_ID}:role/apis-account-eu-west-1-role`]]);
  });

  it("creates nothing for an existing API and reduces it to its origin", () => {
    assert.equal(rec.resources.filter((r) => r.name.includes("orders")).length, 0);
    assert.deepEqual(apis.origins[3], { name: "orders", kind: "REST", apiId: "a1b2c3d4e5", stage: "live", region: "ap-southeast-2", pathPattern: "/orders/*", restrictToSigner: true });
  });

  it("tells the monitoring what it made: pet stores all, each access-log group, the REST API's name; nothing of an existing API", async () => {
    const resolved = Object.fromEntries(await Promise.all(Object.entries(apis.created).map(async ([name, d]) => [name, {
      petStore: d.petStore,
      accessLogGroupName: await valueOf(pulumi.output(d.accessLogGroupName)),
      ...(d.restApiName !== undefined ? { restApiName: await valueOf(pulumi.output(d.restApiName)) } : {}),
    }])));
    assert.deepEqual(resolved, {
      rest: { petStore: true, accessLogGroupName: "apis-rest-access", restApiName: "apis-rest" },
      http: { petStore: true, accessLogGroupName: "apis-http-access" },
      ws: { petStore: true, accessLogGroupName: "apis-ws-access" },
    });
    // The names are the resources' own: the stage logs to that group, the REST metrics carry that name.
    assert.equal(rec.one("aws:apigatewayv2/stage:Stage", "apis-http-stage").inputs.accessLogSettings.destinationArn, `arn:aws:logs:eu-west-1:${ACCOUNT_ID}:log-group:apis-http-access`);
  });

  it("exports where each API is reached through the edge and its direct execute-api URL", async () => {
    const endpoints = await valueOf(apiEndpoints(apis.origins, "d1.cloudfront.net"));
    const urls = Object.fromEntries(Object.entries(endpoints).map(([name, e]) => [name, [e.edgeUrl, e.directUrl]]));
    assert.deepEqual(urls, {
      rest: ["https://d1.cloudfront.net/", "https://apis-rest-id.execute-api.eu-west-1.amazonaws.com/prod/"],
      http: ["https://d1.cloudfront.net/http/", "https://apis-http-id.execute-api.eu-west-1.amazonaws.com/"],
      ws: ["wss://d1.cloudfront.net/ws", "wss://apis-ws-id.execute-api.eu-west-1.amazonaws.com/prod"],
      orders: ["https://d1.cloudfront.net/orders/", "https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/live/"],
    });
  });
});
