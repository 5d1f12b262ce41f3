import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ProtectedApis } from "../../components/api/protectedApis";
import { edgeSettings } from "../../components/edge/edgeSettings";
import { ApiOrigin } from "../../components/shared/types";
import { installMocks, settle, valueOf } from "../support/mocks";
import { configProblems } from "../support/configProblems";

const origin = (over: Partial<ApiOrigin> = {}): ApiOrigin => ({ name: "shop", kind: "REST", apiId: "a1b2c3d4e5", stage: "prod", region: "eu-west-1", pathPattern: "*", ...over });

describe("components used from another program get the stack file's checks and defaults", () => {
  it("EdgeProtection's settings default every signer and distribution field", () => {
    const settings = edgeSettings("edge", { origins: [origin()], signer: { memoryMb: 256 } });
    assert.equal(settings.signer.memoryMb, 256);
    assert.equal(settings.signer.runtime, "nodejs22.x");
    assert.equal(settings.distribution.viewerProtocolPolicy, "https-only");
    assert.deepEqual(settings.distribution.geoRestriction, { type: "none", locations: [] });
  });

  it("refuses origins CloudFront would route wrongly, all at once", () => {
    const found = configProblems(() => edgeSettings("edge", {
      origins: [origin(), origin({ name: "orders", pathPattern: "/orders" }), origin({ name: "eu", region: "eu-wset-1" })],
      distribution: { priceClass: "PriceClass_ALL" as never },
    }));
    assert.deepEqual(found.map(([field]) => field), ["origins[orders].pathPattern", "origins[eu].region", "distribution.priceClass"]);
    assert.match(found[1][2], /did you mean "eu-west-1"\?$/);
    assert.match(found[2][2], /did you mean "PriceClass_All"\?$/);
  });

  it("refuses two default origins and a repeated name, after each origin is valid", () => {
    assert.deepEqual(configProblems(() => edgeSettings("edge", { origins: [origin(), origin({ name: "other" })] })).map(([f]) => f), ["origins[other].pathPattern"]);
    assert.deepEqual(configProblems(() => edgeSettings("edge", { origins: [origin(), origin({ pathPattern: "/b/*" })] })).map(([f]) => f), ["origins[1].name"]);
    assert.deepEqual(configProblems(() => edgeSettings("edge", { origins: [origin({ pathPattern: "/b/*" })] })).map(([f, , a]) => [f, a]), [
      ["origins", 'required: exactly one API with pathPattern "*" (CloudFront\'s default behaviour)'],
    ]);
  });

  it("refuses a stage the API's kind cannot have, as the stack file does", () => {
    const found = configProblems(() => edgeSettings("edge", { origins: [origin({ stage: "$default" })] }));
    assert.deepEqual(found, [["origins[shop].stage", "$default", 'allowed: 1-128 letters, digits, "-" or "_" ("$default" is for HTTP APIs only)']]);
  });

  it("accepts Outputs for IDs and stages known only at deploy time", () => {
    const settings = edgeSettings("edge", { origins: [origin({ apiId: pulumi.output("a1b2c3d4e5"), stage: pulumi.output("prod") })] });
    assert.equal(settings.origins.length, 1);
    assert.deepEqual(configProblems(() => edgeSettings("edge", { origins: [origin({ apiId: "not-an-id" })] })).map(([f]) => f), ["origins[shop].apiId"]);
  });

  it("ProtectedApis applies the API defaults and refuses what the stack file would, before creating anything", async () => {
    const rec = installMocks();
    const found = configProblems(() => new ProtectedApis("apis", { region: "eu-west-1", apis: [{ name: "shop", kind: "REST", pathPattern: "*" }], signerRoleArn: "arn:aws:iam::123456789012:role/edge-signer-role" }));
    assert.deepEqual(found, [["apis[shop].stage", undefined, 'required for REST APIs: a stage name such as "prod"']]);
    await settle();
    assert.deepEqual(rec.resources, []);
    const apis = new ProtectedApis("apis", { region: "eu-west-1", apis: [{ name: "shop", kind: "HTTP" }], signerRoleArn: "arn:aws:iam::123456789012:role/edge-signer-role" });
    await settle();
    assert.equal(await valueOf(pulumi.output(apis.origins[0].stage)), "$default");
    assert.equal(apis.origins[0].pathPattern, "*");
    assert.equal(rec.one("aws:apigatewayv2/stage:Stage", "apis-shop-stage").inputs.defaultRouteSettings.throttlingRateLimit, 100);
  });
});
