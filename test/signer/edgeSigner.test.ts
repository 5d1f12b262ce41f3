import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { buildSignerBundle } from "../../edge-functions/sigv4-signer/build";
import type { SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { SIGNER_DEFAULTS } from "../../components/config/signer";
import { EdgeSigner } from "../../components/signer/edgeSigner";
import { invokeArn } from "../../components/signer/invokePolicy";
import { ApiOrigin } from "../../components/shared/types";
import { ACCOUNT_ID, MockRecorder, installMocks, settle, valueOf } from "../support/mocks";

const origins: ApiOrigin[] = [
  { name: "rest", kind: "REST", apiId: "restid0001", stage: "prod", region: "eu-west-1", pathPattern: "*" },
  { name: "http", kind: "HTTP", apiId: "httpid0001", stage: "$default", region: "us-west-2", pathPattern: "/http/*" },
  { name: "ws", kind: "WEBSOCKET", apiId: "wsid000001", stage: "live", region: "ap-northeast-1", pathPattern: "/ws/*" },
  { name: "orders", kind: "REST", apiId: "ordersid01", stage: "v1", region: "eu-central-1", pathPattern: "/orders/*", restrictToSigner: true },
];
const settings: SignerSettings = {
  origins: [
    { domain: "restid0001.execute-api.eu-west-1.amazonaws.com", path: "/prod", prefix: "", region: "eu-west-1" },
    { domain: "httpid0001.execute-api.us-west-2.amazonaws.com", path: "", prefix: "/http", region: "us-west-2" },
  ],
  authorizationHeader: "x-forwarded-authorization",
};

describe("EdgeSigner", () => {
  let rec: MockRecorder;
  let signer: EdgeSigner;

  before(async () => {
    rec = installMocks();
    // As EdgeProtection passes them: an Output, since created APIs' IDs are outputs.
    signer = new EdgeSigner("signer", { origins, config: { ...SIGNER_DEFAULTS, memoryMb: 256, timeoutSeconds: 10 }, settings: pulumi.output(settings) });
    await valueOf(signer.versionArn);
    await settle();
  });

  it("trusts both lambda.amazonaws.com and edgelambda.amazonaws.com", () => {
    const trust = JSON.parse(rec.one("aws:iam/role:Role", "signer-role").inputs.assumeRolePolicy);
    assert.deepEqual(trust.Statement, [{ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }, Action: "sts:AssumeRole" }]);
  });

  it("may invoke exactly each protected stage, in each API's own region, and write only its own logs", () => {
    const policy = JSON.parse(rec.one("aws:iam/rolePolicy:RolePolicy", "signer-policy").inputs.policy);
    assert.deepEqual(policy.Statement[0], {
      Sid: "InvokeProtectedApis",
      Effect: "Allow",
      Action: "execute-api:Invoke",
      Resource: [
        `arn:aws:execute-api:eu-west-1:${ACCOUNT_ID}:restid0001/prod/*/*`,
        `arn:aws:execute-api:us-west-2:${ACCOUNT_ID}:httpid0001/$default/*/*`,
        `arn:aws:execute-api:ap-northeast-1:${ACCOUNT_ID}:wsid000001/live/$connect`,
        `arn:aws:execute-api:eu-central-1:${ACCOUNT_ID}:ordersid01/v1/*/*`,
      ],
    });
    assert.deepEqual(policy.Statement[1].Resource, [
      `arn:aws:logs:*:${ACCOUNT_ID}:log-group:/aws/lambda/us-east-1.signer-fn:*`,
      `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:/aws/lambda/signer-fn:*`,
    ]);
    assert.equal(policy.Statement.length, 2);
  });

  it("publishes an x86_64 version in us-east-1 whose code is the bundle with the settings baked in", async () => {
    const fn = rec.one("aws:lambda/function:Function", "signer-fn").inputs;
    assert.equal(fn.region, "us-east-1");
    assert.equal(fn.runtime, "nodejs22.x");
    assert.deepEqual(fn.architectures, ["x86_64"]);
    assert.equal(fn.publish, true);
    assert.equal(fn.handler, "index.handler");
    assert.equal(fn.memorySize, 256);
    assert.equal(fn.timeout, 10);
    assert.equal(fn.skipDestroy, true);
    assert.equal(fn.environment, undefined, "Lambda@Edge rejects environment variables");
    const assets = await fn.code.assets;
    assert.deepEqual(Object.keys(assets), ["index.js"]);
    assert.equal(await assets["index.js"].text, buildSignerBundle(settings));
    assert.equal(await valueOf(signer.versionArn), `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:signer-fn:1`);
  });

  it("builds byte-identical code for equal origin lists in any order, and new code when the list changes", async () => {
    const codeOf = async (name: string, value: SignerSettings) => {
      new EdgeSigner(name, { origins: origins.filter((o) => !o.restrictToSigner), config: SIGNER_DEFAULTS, settings: pulumi.output(value) });
      await settle();
      const assets = await rec.one("aws:lambda/function:Function", `${name}-fn`).inputs.code.assets;
      return assets["index.js"].text as Promise<string>;
    };
    const original = await codeOf("same", settings);
    assert.equal(await codeOf("reordered", { ...settings, origins: [...settings.origins].reverse() }), original);
    assert.notEqual(await codeOf("added", { ...settings, origins: [...settings.origins, { domain: "wsid000001.execute-api.ap-northeast-1.amazonaws.com", path: "/live", prefix: "/ws", region: "ap-northeast-1" }] }), original);
    assert.notEqual(await codeOf("restaged", { ...settings, origins: [{ ...settings.origins[0], path: "/beta" }, settings.origins[1]] }), original);
  });

  it("restricts an opted-in REST API to the signer's role on exactly the fronted stage, and denies everyone else the whole API", () => {
    const policies = rec.ofType("aws:apigateway/restApiPolicy:RestApiPolicy");
    assert.equal(policies.length, 1);
    const { region, restApiId, policy } = policies[0].inputs;
    assert.deepEqual([region, restApiId], ["eu-central-1", "ordersid01"]);
    const roleArn = `arn:aws:iam::${ACCOUNT_ID}:role/signer-role`;
    const api = `arn:aws:execute-api:eu-central-1:${ACCOUNT_ID}:ordersid01`;
    assert.deepEqual(JSON.parse(policy), {
      Version: "2012-10-17",
      Statement: [
        { Sid: "AllowEdgeSignerOnStage", Effect: "Allow", Principal: { AWS: roleArn }, Action: "execute-api:Invoke", Resource: `${api}/v1/*/*` },
        { Sid: "DenyEveryoneElse", Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: `${api}/*`, Condition: { ArnNotEquals: { "aws:PrincipalArn": roleArn } } },
      ],
    });
    // The resource policy allows no more than the role's own identity policy does.
    const identity = JSON.parse(rec.one("aws:iam/rolePolicy:RolePolicy", "signer-policy").inputs.policy).Statement[0].Resource;
    assert.ok(identity.includes(`${api}/v1/*/*`));
  });
});

describe("invokeArn", () => {
  it("grants only $connect on WebSocket stages", () => {
    assert.equal(invokeArn("WEBSOCKET", "eu-west-1", "111122223333", "abcdefghij", "prod"), "arn:aws:execute-api:eu-west-1:111122223333:abcdefghij/prod/$connect");
    assert.equal(invokeArn("HTTP", "eu-west-1", "111122223333", "abcdefghij", "$default"), "arn:aws:execute-api:eu-west-1:111122223333:abcdefghij/$default/*/*");
  });
});
