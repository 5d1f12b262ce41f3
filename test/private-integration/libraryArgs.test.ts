import * as assert from "node:assert/strict";
import { PrivateMicroservices } from "../../components/private-integration/privateMicroservices";
import type { PrivateIntegrationInput } from "../../components/private-integration/settings";
import { installMocks, MockRecorder, settle, valueOf } from "../support/mocks";
import { SIGNER_ROLE_ARN } from "./fixtures";
import { configProblems } from "../support/configProblems";

const T = { subnet: "aws:ec2/subnet:Subnet", tg: "aws:lb/targetGroup:TargetGroup", endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint", stage: "aws:apigatewayv2/stage:Stage" };
const MINIMAL: PrivateIntegrationInput = {
  topology: "http-api",
  region: "eu-central-1",
  vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }],
  services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 8080 }],
};

describe("PrivateMicroservices used from another program gets the stack file's checks and defaults", () => {
  let mocks: MockRecorder;
  const sourceMaps = process.sourceMapsEnabled;
  before(() => {
    process.setSourceMapsEnabled(false);
    mocks = installMocks();
  });
  after(() => process.setSourceMapsEnabled(sourceMaps));
  beforeEach(() => mocks.reset());

  it("fills in every default of a minimal section", async () => {
    const component = new PrivateMicroservices("lib", { settings: MINIMAL, signerRoleArn: SIGNER_ROLE_ARN });
    await valueOf(component.services);
    await settle();
    assert.equal(component.pathPrefix, "/services");
    assert.deepEqual(component.origins.map((o) => [o.kind, o.region, o.pathPattern]), [["HTTP", "eu-central-1", "/services/*"]]);
    assert.deepEqual(mocks.ofType(T.subnet).map((s) => s.inputs.availabilityZone), ["eu-central-1a", "eu-central-1b"]);
    assert.deepEqual(mocks.ofType(T.tg).map((t) => [t.inputs.targetType, t.inputs.healthCheck.path]), [["ip", "/"]]);
    assert.equal(mocks.ofType(T.endpoint).length, 5);
    assert.deepEqual(component.plan.usage.find((u) => u.quota === "vpcLinksV2"), { quota: "vpcLinksV2", scope: "region", used: 1, limit: 10 });
  });

  it("requires the region, there being no stack region, before registering anything", () => {
    const { region: _region, ...withoutRegion } = MINIMAL;
    assert.deepEqual(configProblems(() => new PrivateMicroservices("lib", { settings: withoutRegion, signerRoleArn: SIGNER_ROLE_ARN })), [
      ["settings.region", undefined, 'required: the integration\'s region, such as "eu-west-1" (no default region was given)'],
    ]);
    assert.deepEqual(mocks.resources, []);
  });

  it("refuses bad settings with every problem, named as the caller wrote them, before registering anything", () => {
    const settings = {
      ...MINIMAL,
      topology: "http-apis",
      vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16", vpcEndpoint: false }],
      services: [{ name: "orders", pathPrefix: "/orders", vpc: "main", port: 0 }],
    } as unknown as PrivateIntegrationInput;
    assert.deepEqual(configProblems(() => new PrivateMicroservices("lib", { settings, signerRoleArn: SIGNER_ROLE_ARN })).map(([field, value]) => [field, value]), [
      ["settings.topology", "http-apis"],
      ["settings.vpcs[main].vpcEndpoint", false],
      ["settings.services[orders].port", 0],
    ]);
    assert.deepEqual(mocks.resources, []);
  });
});
