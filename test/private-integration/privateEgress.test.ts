import * as assert from "node:assert/strict";
import { PrivateMicroservices } from "../../components/private-integration/privateMicroservices";
import type { PrivateIntegrationSettings, PrivateVpcSettings } from "../../components/private-integration/settings";
import { ACCOUNT_ID, installMocks, MockRecorder, settle, valueOf } from "../support/mocks";
import { MAIN_VPC, REGION, SIGNER_ROLE_ARN, service, settings } from "./fixtures";

const SUBNETS = ["p-vpc-main-eu-west-1a-id", "p-vpc-main-eu-west-1b-id"];
const T = {
  sg: "aws:ec2/securityGroup:SecurityGroup", endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
};

describe("PrivateMicroservices: what a Fargate task needs to start in a private-only VPC", () => {
  let mocks: MockRecorder;
  const sourceMaps = process.sourceMapsEnabled;
  before(() => {
    process.setSourceMapsEnabled(false);
    mocks = installMocks();
  });
  after(() => process.setSourceMapsEnabled(sourceMaps));
  beforeEach(() => mocks.reset());

  async function build(s: PrivateIntegrationSettings): Promise<void> {
    await valueOf(new PrivateMicroservices("p", { settings: s, tags: { team: "edge" }, signerRoleArn: SIGNER_ROLE_ARN }).services);
    await settle();
  }
  const inputs = (type: string, name: string) => mocks.one(type, name).inputs;
  const byName = (type: string) => [...mocks.ofType(type)].sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = (type: string) => byName(type).map((r) => r.name);
  const endpoint = (service: string, extra: Record<string, unknown>) => ({
    vpcId: "p-vpc-main-id", serviceName: `com.amazonaws.${REGION}.${service}`, region: REGION, tags: { team: "edge", Name: `p-main-${service}` }, ...extra,
  });

  it("creates ECR, Logs and STS interface endpoints with private DNS and the S3 gateway endpoint in a created VPC", async () => {
    await build(settings("rest-shared-nlb", [service(0)]));
    assert.deepEqual(names(T.endpoint), [
      "p-vpce-main-ecr-api", "p-vpce-main-ecr-dkr", "p-vpce-main-logs", "p-vpce-main-s3", "p-vpce-main-sts",
    ]);
    const iface = { vpcEndpointType: "Interface", privateDnsEnabled: true, subnetIds: SUBNETS, securityGroupIds: ["p-sg-endpoints-main-id"] };
    for (const service of ["ecr.api", "ecr.dkr", "logs", "sts"]) {
      assert.deepEqual(inputs(T.endpoint, `p-vpce-main-${service.replace(".", "-")}`), endpoint(service, iface));
    }
    // The gateway endpoint routes S3 from the main route table, which the created subnets use.
    // Its policy admits ECR's layer bucket and this account's buckets only: no writing to another account's bucket.
    assert.deepEqual(inputs(T.endpoint, "p-vpce-main-s3"), endpoint("s3", {
      vpcEndpointType: "Gateway", routeTableIds: ["p-vpc-main-rtb"],
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "EcrImageLayers", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*" },
          { Sid: "OwnAccountBuckets", Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT_ID } } },
        ],
      }),
    }));
    assert.deepEqual(inputs(T.sg, "p-sg-endpoints-main"), {
      description: "VPC endpoints of VPC main, managed by edge-security", vpcId: "p-vpc-main-id", region: REGION, tags: { team: "edge", Name: "p-endpoints-main" },
    });
    const rule = (extra: Record<string, unknown>) => ({ ipProtocol: "tcp", fromPort: 443, toPort: 443, region: REGION, tags: { team: "edge" }, ...extra });
    assert.deepEqual(inputs(T.ingress, "p-sg-rule-endpoints-main-from-vpcCidr-main-443"),
      rule({ securityGroupId: "p-sg-endpoints-main-id", description: "from vpcCidr main", cidrIpv4: "10.20.0.0/16" }));
    assert.deepEqual(inputs(T.egress, "p-sg-rule-backend-svc0-to-vpcCidr-main-443"),
      rule({ securityGroupId: "p-sg-backend-svc0-id", description: "to vpcCidr main", cidrIpv4: "10.20.0.0/16" }));
    assert.deepEqual(inputs(T.egress, "p-sg-rule-backend-svc0-to-prefixList-s3-443"),
      rule({ securityGroupId: "p-sg-backend-svc0-id", description: "to prefixList s3", prefixListId: "pl-mock-com.amazonaws.eu-west-1.s3" }));
    // S3's prefix list is looked up once, by its AWS-managed name, in the integration's region.
    assert.deepEqual(mocks.calls.filter((c) => c.token === "aws:ec2/getManagedPrefixList:getManagedPrefixList").map((c) => c.inputs),
      [{ name: "com.amazonaws.eu-west-1.s3", region: REGION }]);
  });

  it("creates no endpoints in a VPC that opts out or that the stack only names; their backends keep the same egress", async () => {
    const existing: PrivateVpcSettings = { name: "core", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.9.0.0/16" };
    await build(settings("rest-shared-nlb", [service(0), service(1, { vpc: "core" })], { vpcs: [{ ...MAIN_VPC, vpcEndpoints: false }, existing] }));
    assert.deepEqual(names(T.endpoint), []);
    assert.deepEqual(names(T.sg).filter((n) => n.includes("endpoints")), []);
    assert.deepEqual(mocks.calls.map((c) => c.token), ["aws:ec2/getManagedPrefixList:getManagedPrefixList"], "no account or partition lookup without endpoints");
    assert.deepEqual(byName(T.egress).filter((r) => r.name.startsWith("p-sg-rule-backend-")).map((r) => [r.name, r.inputs.cidrIpv4 ?? r.inputs.prefixListId]), [
      ["p-sg-rule-backend-svc0-to-prefixList-s3-443", "pl-mock-com.amazonaws.eu-west-1.s3"],
      ["p-sg-rule-backend-svc0-to-vpcCidr-main-443", "10.20.0.0/16"],
      ["p-sg-rule-backend-svc1-to-prefixList-s3-443", "pl-mock-com.amazonaws.eu-west-1.s3"],
      ["p-sg-rule-backend-svc1-to-vpcCidr-core-443", "10.9.0.0/16"],
    ]);
  });

  it("looks up no prefix list when no service has backends", async () => {
    const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:listener/app/legacy/1a/2b`;
    await build(settings("http-api", [service(0, { listenerArn })]));
    assert.deepEqual(mocks.calls.filter((c) => c.token.startsWith("aws:ec2/")).map((c) => c.token), []);
  });
});
