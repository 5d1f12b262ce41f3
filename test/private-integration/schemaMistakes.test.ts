import * as assert from "node:assert/strict";
import { privateIntegrationSchema } from "../../components/private-integration/privateIntegrationSchema";
import { problemsFrom } from "../../components/shared/schema/problems";
import { Problem } from "../../components/shared/validation";
import { exampleConfig, REGION } from "./fixtures";

const LISTENER = (region: string) => `arn:aws:elasticloadbalancing:${region}:123456789012:listener/app/legacy/1a/2b`;
const ORDERS = { name: "orders", pathPrefix: "/orders", vpc: "main", port: 8080 };
const section = (extra: Record<string, unknown> = {}) => ({ topology: "http-api", vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }], services: [ORDERS], ...extra });

function problemsOf(value: unknown, schema = privateIntegrationSchema(REGION)): Problem[] {
  const result = schema.safeParse(value);
  assert.ok(!result.success, "expected problems");
  return problemsFrom(result.error.issues, value, ["privateIntegration"]);
}

/** The one problem `value` has: [field, value, allowed]. */
function only(value: unknown, schema = privateIntegrationSchema(REGION)): [string, unknown, string] {
  const found = problemsOf(value, schema);
  assert.equal(found.length, 1, JSON.stringify(found));
  return [found[0].field, found[0].value, found[0].allowed];
}

describe("privateIntegration: the mistakes a new user makes get one problem each, with the way forward", () => {
  it("suggests the nearest key, in the section, a VPC, a service and the quotas", () => {
    assert.match(only(section({ pathPrefx: "/api" }))[2], /did you mean "pathPrefix"\?$/);
    assert.match(only(section({ vpcs: [{ name: "main", cidrBlok: "10.20.0.0/16" }] }))[2], /did you mean "cidrBlock"\?$/);
    assert.deepEqual(only(section({ services: [{ ...ORDERS, helthCheckPath: "/healthz" }] })).slice(0, 2), ["privateIntegration.services[orders].helthCheckPath", "/healthz"]);
    assert.match(only(section({ quotas: { vpcLinkV1: 40 } }))[2], /did you mean "vpcLinksV1"\?$/);
  });

  it("suggests the nearest topology, region and declared VPC", () => {
    assert.match(only(section({ topology: "rest-shared-nbl" }))[2], /did you mean "rest-shared-nlb"\?$/);
    assert.deepEqual(only(section({ region: "eu-wset-1" })), [
      "privateIntegration.region", "eu-wset-1",
      'allowed: a region of the standard AWS partition such as "eu-west-1" (CloudFront and Lambda@Edge cannot sign for GovCloud or China); did you mean "eu-west-1"?',
    ]);
    const payments = section({ vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16" }, { name: "payments", cidrBlock: "10.30.0.0/16" }], services: [{ ...ORDERS, vpc: "paymnets" }] });
    assert.deepEqual(only(payments), [
      "privateIntegration.services[orders].vpc", "paymnets", 'not a declared VPC; allowed: "main" or "payments"; did you mean "payments"?',
    ]);
  });

  it("explains a quoted number", () => {
    assert.deepEqual(only(section({ services: [{ ...ORDERS, port: "8080" }] })), [
      "privateIntegration.services[orders].port", "8080", 'allowed: an integer port from 1 to 65535 ("8080" is quoted, so YAML reads it as text: write 8080 without quotes)',
    ]);
    assert.match(only(section({ quotas: { vpcLinksV2: "20" } }))[2], /\("20" is quoted/);
  });

  it("blames a mistyped region alone, not every AZ and ARN that names the right one", () => {
    const value = section({
      region: "eu-wset-1",
      vpcs: [{ name: "main", cidrBlock: "10.20.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }],
      services: [ORDERS, { name: "legacy", pathPrefix: "/legacy", vpc: "main", port: 80, listenerArn: LISTENER("eu-west-1") }],
    });
    assert.equal(only(value)[0], "privateIntegration.region");
    // Once the region is right, an AZ or ARN of another region is refused.
    const fixed = { ...value, region: "eu-west-2" };
    assert.deepEqual(problemsOf(fixed).map((p) => p.field), ["privateIntegration.vpcs[main].availabilityZones", "privateIntegration.services[legacy].listenerArn"]);
  });

  it("requires the region where there is no stack region, and only then", () => {
    assert.deepEqual(only(section(), privateIntegrationSchema()).slice(0, 2), ["privateIntegration.region", undefined]);
    assert.equal(privateIntegrationSchema().parse(section({ region: "ap-southeast-2" })).vpcs[0].availabilityZones?.join(), "ap-southeast-2a,ap-southeast-2b");
  });

  it("does not blame services or the topology for a VPC's own mistake", () => {
    assert.equal(only(section({ vpcs: [{ name: "Main" }], services: [{ ...ORDERS, vpc: "Main" }] }))[0], "privateIntegration.vpcs[Main].name");
    assert.equal(only(section({ topology: "rest-shared", services: [{ ...ORDERS, nlb: "shared" }] }))[0], "privateIntegration.topology");
  });

  it("names services by name, and by position where two share a name", () => {
    const twice = problemsOf(section({ services: [ORDERS, { ...ORDERS, pathPrefix: "/v2", port: 70000 }] }));
    assert.deepEqual(twice.map((p) => [p.field, p.path]), [["privateIntegration.services[1].port", ["privateIntegration", "services", 1, "port"]]]);
  });
});

describe("privateIntegration: VPCs the stack creates or names have disjoint CIDRs", () => {
  const vpcs = (...list: Record<string, unknown>[]) => section({ vpcs: list, services: [ORDERS] });
  const EXISTING = { vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"] };

  it("refuses a CIDR inside another VPC's, naming both VPCs", () => {
    assert.deepEqual(only(vpcs({ name: "main", cidrBlock: "10.20.0.0/16" }, { name: "payments", cidrBlock: "10.20.128.0/17" })), [
      "privateIntegration.vpcs[payments].cidrBlock", "10.20.128.0/17",
      'overlaps VPC "main" (10.20.0.0/16); VPCs "main" and "payments" need disjoint CIDRs (overlapping VPCs can never be peered)',
    ]);
  });

  it("refuses a created VPC that overlaps an existing one, whichever comes first", () => {
    assert.equal(only(vpcs({ name: "core", cidrBlock: "10.0.0.0/16", ...EXISTING }, { name: "main", cidrBlock: "10.0.4.0/24" }))[0], "privateIntegration.vpcs[main].cidrBlock");
    assert.equal(only(vpcs({ name: "main", cidrBlock: "10.0.4.0/24" }, { name: "core", cidrBlock: "10.0.0.0/16", ...EXISTING }))[0], "privateIntegration.vpcs[core].cidrBlock");
  });

  it("counts the default CIDR, so two created VPCs each need their own", () => {
    assert.deepEqual(only(vpcs({ name: "main" }, { name: "b" })), [
      "privateIntegration.vpcs[b].cidrBlock", undefined,
      'the default 10.0.0.0/16 overlaps VPC "main" (10.0.0.0/16); VPCs "main" and "b" need disjoint CIDRs (overlapping VPCs can never be peered)',
    ]);
  });

  it("accepts adjacent CIDRs", () => {
    const parsed = privateIntegrationSchema(REGION).parse(vpcs({ name: "main", cidrBlock: "10.20.0.0/17" }, { name: "b", cidrBlock: "10.20.128.0/17" }, { name: "c", cidrBlock: "10.21.0.0/16", ...EXISTING }));
    assert.deepEqual(parsed.vpcs.map((v) => v.cidrBlock), ["10.20.0.0/17", "10.20.128.0/17", "10.21.0.0/16"]);
  });
});

describe("privateIntegration: parsed settings are accepted again as input", () => {
  for (const file of ["privateIntegration.dev.yaml", "privateIntegration.prod.yaml"]) {
    it(`gives the same settings for ${file} parsed twice`, () => {
      const once = privateIntegrationSchema(REGION).parse(exampleConfig(file));
      assert.deepEqual(privateIntegrationSchema().parse(once), once);
    });
  }
});
