import * as assert from "node:assert/strict";
import { parsePrivateIntegrationConfig } from "../../components/private-integration/config";
import { DEFAULT_QUOTAS } from "../../components/private-integration/settings";
import { Problems } from "../../components/shared/validation";
import { exampleConfig, REGION } from "./fixtures";

const VPC = { name: "main" };
const svc = (i: number, extra: Record<string, unknown> = {}) => ({ name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 8000 + i, ...extra });
const raw = (extra: Record<string, unknown> = {}) => ({ topology: "http-api", vpcs: [VPC], services: [svc(0), svc(1)], ...extra });

function parse(value: unknown, region: string | undefined = REGION) {
  const problems = new Problems();
  const settings = parsePrivateIntegrationConfig(value, problems, "privateIntegration", region);
  return { settings, problems: problems.all };
}

describe("parsePrivateIntegrationConfig", () => {
  it("is off when the section is absent", () => {
    assert.deepEqual(parse(undefined), { settings: undefined, problems: [] });
  });

  it("applies every default", () => {
    const { settings, problems } = parse(raw());
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      topology: "http-api", region: REGION, pathPrefix: "/services", stageName: "live",
      vpcs: [{ kind: "create", name: "main", cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], vpcEndpoints: true }],
      services: [0, 1].map((i) => ({
        name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 8000 + i, protocol: "HTTP",
        target: { kind: "targetGroup", targetType: "ip" }, healthCheckPath: "/",
      })),
      quotas: DEFAULT_QUOTAS,
    });
  });

  it("creates VPC endpoints in a created VPC unless it opts out", () => {
    const { settings, problems } = parse(raw({ vpcs: [{ name: "main", vpcEndpoints: false }] }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings?.vpcs, [{ kind: "create", name: "main", cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], vpcEndpoints: false }]);
  });

  it("parses the dev and prod examples without a problem", () => {
    const dev = parse(exampleConfig("privateIntegration.dev.yaml"));
    assert.deepEqual(dev.problems, []);
    assert.equal(dev.settings?.services.length, 2);
    const prod = parse(exampleConfig("privateIntegration.prod.yaml"), undefined);
    assert.deepEqual(prod.problems, []);
    assert.equal(prod.settings?.quotas.vpcLinksV1, 40);
    assert.deepEqual(prod.settings?.services.filter((s) => s.protocol === "HTTPS").map((s) => [s.name, s.tlsHostname]), [["payments", "payments.internal.example.com"]]);
    assert.deepEqual(prod.settings?.vpcs[0], {
      kind: "existing", name: "core", vpcId: "vpc-0a1b2c3d4e5f60718", cidrBlock: "10.0.0.0/16",
      subnetIds: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60722", "subnet-0a1b2c3d4e5f60733"],
    });
  });

  it("reads tlsHostname where API Gateway speaks TLS to the service; HTTPS behind a created ALB needs none", () => {
    const rest = parse(raw({ topology: "rest-shared-nlb", services: [svc(0, { protocol: "HTTPS", tlsHostname: "svc0.internal.example.com" }), svc(1)] }));
    assert.deepEqual(rest.problems, []);
    assert.equal(rest.settings?.services[0].tlsHostname, "svc0.internal.example.com");
    assert.equal(rest.settings?.services[1].tlsHostname, undefined);
    for (const topology of ["http-api", "rest-nlb-to-alb", "rest-vpclink-v2"]) {
      assert.deepEqual(parse(raw({ topology, services: [svc(0, { protocol: "HTTPS" }), svc(1)] })).problems, [], topology);
    }
    const cloudMapServiceArn = `arn:aws:servicediscovery:${REGION}:123456789012:service/srv-e4anhexample0004`;
    assert.deepEqual(parse(raw({ services: [svc(0, { protocol: "HTTPS", cloudMapServiceArn, tlsHostname: "svc0.internal.example.com" }), svc(1)] })).problems, []);
  });

  it("reads existing listeners and Cloud Map services as targets", () => {
    const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:123456789012:listener/app/legacy/50dc6c495c0c9188/f2f7dc8efc522ab2`;
    const cloudMapServiceArn = `arn:aws:servicediscovery:${REGION}:123456789012:service/srv-e4anhexample0004`;
    const { settings } = parse(raw({ services: [svc(0, { listenerArn }), svc(1, { cloudMapServiceArn })] }));
    assert.deepEqual(settings?.services.map((s) => s.target), [
      { kind: "listener", listenerArn },
      { kind: "cloudMap", serviceArn: cloudMapServiceArn },
    ]);
  });

  // Each bad input: the config, then [field, a phrase of the message] for every problem expected.
  const BAD: [string, unknown, [string, string][]][] = [
    ["not an object", "http-api", [["privateIntegration", "an object"]]],
    ["an unknown key", raw({ topolgy: "x" }), [["privateIntegration.topolgy", "unknown key"]]],
    ["an unknown topology", raw({ topology: "rest" }), [["privateIntegration.topology", "\"rest-vpclink-v2\""]]],
    ["a bad region", raw({ region: "eu-west-9" }), [["privateIntegration.region", "AWS region"]]],
    ["a bad edge prefix", raw({ pathPrefix: "services/" }), [["privateIntegration.pathPrefix", "a path like"]]],
    ["a bad stage name", raw({ stageName: "a b" }), [["privateIntegration.stageName", "1-128"]]],
    ["no VPC", raw({ vpcs: [] }), [["privateIntegration.vpcs", "non-empty"], ["privateIntegration.services[0].vpc", "not a declared VPC"], ["privateIntegration.services[1].vpc", "not a declared VPC"]]],
    ["two VPCs with one name", raw({ vpcs: [VPC, VPC] }), [["privateIntegration.vpcs[1].name", "already used by privateIntegration.vpcs[0]"]]],
    ["a VPC both existing and new", raw({ vpcs: [{ name: "main", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a"] }] }),
      [["privateIntegration.vpcs[0].availabilityZones", "not both"]]],
    ["an existing VPC without subnets or CIDR", raw({ vpcs: [{ name: "main", vpcId: "vpc-xyz" }] }),
      [["privateIntegration.vpcs[0].vpcId", "VPC id"], ["privateIntegration.vpcs[0].subnetIds", "two or more"], ["privateIntegration.vpcs[0].cidrBlock", "IPv4 CIDR"]]],
    ["AZs of another region and an unaligned CIDR", raw({ vpcs: [{ name: "main", cidrBlock: "10.0.1.0/16", availabilityZones: ["us-east-1a", "eu-west-1b"] }] }),
      [["privateIntegration.vpcs[0].cidrBlock", "aligned"], ["privateIntegration.vpcs[0].availabilityZones", "AZs of eu-west-1"]]],
    ["VPC endpoints asked of an existing VPC, and a non-boolean opt-out", raw({ vpcs: [
      { name: "main", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.0.0.0/16", vpcEndpoints: true },
      { name: "b", vpcEndpoints: "no" },
    ] }), [
      ["privateIntegration.vpcs[0].vpcEndpoints", "only in VPCs it creates; an existing VPC's owners provide egress"],
      ["privateIntegration.vpcs[1].vpcEndpoints", "allowed: true (default: ECR, CloudWatch Logs, STS and S3 endpoints"],
    ]],
    ["no services", raw({ services: [] }), [["privateIntegration.services", "non-empty"]]],
    ["two services with one name", raw({ services: [svc(0), svc(1, { name: "svc0" })] }), [["privateIntegration.services[1].name", "already used by privateIntegration.services[0]"]]],
    ["two services with one path prefix", raw({ services: [svc(0), svc(1, { pathPrefix: "/svc0" })] }), [["privateIntegration.services[1].pathPrefix", "already used by privateIntegration.services[0]"]]],
    ["nested path prefixes", raw({ services: [svc(0, { pathPrefix: "/a/b/c" }), svc(1, { pathPrefix: "/a" })] }), [["privateIntegration.services[0].pathPrefix", "nested under privateIntegration.services[1]"]]],
    ["a service in an undeclared VPC", raw({ services: [svc(0), svc(1, { vpc: "edge" })] }), [["privateIntegration.services[1].vpc", "allowed: \"main\""]]],
    ["port 0", raw({ services: [svc(0, { port: 0 }), svc(1)] }), [["privateIntegration.services[0].port", "1 to 65535"]]],
    ["port 65536", raw({ services: [svc(0, { port: 65536 }), svc(1)] }), [["privateIntegration.services[0].port", "1 to 65535"]]],
    ["a fractional listener port", raw({ topology: "rest-shared-nlb", services: [svc(0, { listenerPort: 80.5 }), svc(1)] }), [["privateIntegration.services[0].listenerPort", "1 to 65535"]]],
    ["a bad protocol and target type", raw({ services: [svc(0, { protocol: "TCP", targetType: "lambda" }), svc(1)] }),
      [["privateIntegration.services[0].protocol", "\"HTTPS\""], ["privateIntegration.services[0].targetType", "\"instance\""]]],
    ["two targets at once", raw({ services: [svc(0, { targetType: "ip", cloudMapServiceArn: "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1" }), svc(1)] }),
      [["privateIntegration.services[0].cloudMapServiceArn", "only one of"]]],
    ["a listener ARN of another region", raw({ services: [svc(0, { listenerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/1a/2b" }), svc(1)] }),
      [["privateIntegration.services[0].listenerArn", "listener ARN in eu-west-1"]]],
    ["Cloud Map with a REST API", raw({ topology: "rest-vpclink-v2", services: [svc(0, { cloudMapServiceArn: "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1" }), svc(1)] }),
      [["privateIntegration.services[0].cloudMapServiceArn", "supported by topology \"http-api\""]]],
    ["an existing listener with a REST API", raw({ topology: "rest-shared-nlb", services: [svc(0, { listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/net/a/1a/2b" }), svc(1)] }),
      [["privateIntegration.services[0].listenerArn", "cannot reach it"]]],
    ["an NLB name where no NLB is shared", raw({ services: [svc(0, { nlb: "a" }), svc(1)] }), [["privateIntegration.services[0].nlb", "used only by topology"]]],
    ["an ALB for an existing listener", raw({ services: [svc(0, { alb: "x", listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/a/1a/2b" }), svc(1)] }),
      [["privateIntegration.services[0].alb", "only services with a targetType"]]],
    ["a port reused on one NLB", raw({ topology: "rest-shared-nlb", services: [svc(0), svc(1), svc(2, { port: 8000 })] }),
      [["privateIntegration.services[2].port", "already a listener of NLB \"main\" (privateIntegration.services[0] (\"svc0\"))"]]],
    ["HTTPS through a shared NLB without tlsHostname", raw({ topology: "rest-shared-nlb", services: [svc(0), svc(1, { protocol: "HTTPS" })] }),
      [["privateIntegration.services[1].protocol", "HTTPS in rest-shared-nlb needs privateIntegration.services[1].tlsHostname: API Gateway verifies the certificate against the integration URI's host, and no public CA certifies the NLB's *.elb.amazonaws.com name; set tlsHostname to a DNS name the service's certificate covers"]]],
    ["HTTPS through a per-service NLB without tlsHostname", raw({ topology: "rest-nlb-per-service", services: [svc(0, { protocol: "HTTPS" }), svc(1)] }),
      [["privateIntegration.services[0].protocol", "HTTPS in rest-nlb-per-service needs privateIntegration.services[0].tlsHostname"]]],
    ["HTTPS to an existing listener of an HTTP API without tlsHostname", raw({ services: [svc(0), svc(1, { protocol: "HTTPS", listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/a/1a/2b" })] }),
      [["privateIntegration.services[1].protocol", "an HTTP API integration names a listener or Cloud Map service, not a host"]]],
    ["a tlsHostname behind a created ALB", raw({ topology: "rest-nlb-to-alb", services: [svc(0, { protocol: "HTTPS", tlsHostname: "svc0.example.com" }), svc(1)] }),
      [["privateIntegration.services[0].tlsHostname", "API Gateway speaks HTTP to the ALB, which speaks HTTPS to the targets; remove it for rest-nlb-to-alb"]]],
    ["a tlsHostname on an HTTP service", raw({ topology: "rest-shared-nlb", services: [svc(0, { tlsHostname: "svc0.example.com" }), svc(1)] }),
      [["privateIntegration.services[0].tlsHostname", "used only where API Gateway itself speaks TLS"]]],
    ["a tlsHostname that is no DNS name", raw({ topology: "rest-shared-nlb", services: [svc(0, { protocol: "HTTPS", tlsHostname: "*.example.com" }), svc(1, { tlsHostname: "https://x.example.com" })] }),
      [["privateIntegration.services[0].tlsHostname", "a DNS name the service's certificate covers"], ["privateIntegration.services[1].tlsHostname", "lowercase, no wildcard"]]],
    ["a bad quota", raw({ quotas: { vpcLinksV2: 0, vpcLinks: 3 } }), [["privateIntegration.quotas.vpcLinks", "unknown key"], ["privateIntegration.quotas.vpcLinksV2", "integer from 1"]]],
    ["too many VPC links", raw({ topology: "rest-nlb-per-service", services: Array.from({ length: 21 }, (_, i) => svc(i)) }),
      [["privateIntegration.quotas.vpcLinksV1", "21 services need 21 VPC links (v1) with rest-nlb-per-service, quota is 20; rest-shared-nlb needs 1 VPC link (v1)"]]],
  ];
  for (const [title, value, expected] of BAD) {
    it(`reports ${title}`, () => {
      const { settings, problems } = parse(value);
      assert.equal(settings, undefined);
      assert.deepEqual(problems.map((p) => p.field), expected.map(([field]) => field));
      expected.forEach(([, phrase], i) => assert.ok(problems[i].allowed.includes(phrase), `${problems[i].field}: ${problems[i].allowed}`));
    });
  }

  it("reports every problem of a bad config at once, planner problems included", () => {
    const { problems } = parse({
      topology: "rest-shared-nlb", region: "eu-west-1",
      vpcs: [VPC, { name: "Bad_Name" }],
      services: [svc(0, { port: "80" }), svc(1), svc(2, { port: 8001 }), ...Array.from({ length: 52 }, (_, i) => svc(i + 3))],
    });
    assert.deepEqual(problems.map((p) => p.field), [
      "privateIntegration.vpcs[1].name",
      "privateIntegration.services[0].port",
      "privateIntegration.services[2].port",
      "privateIntegration.quotas.listenersPerNlb",
    ]);
    // Indexes in planner messages are config indexes, not positions among the valid services.
    assert.match(problems[2].allowed, /NLB "main" \(privateIntegration\.services\[1\] \("svc1"\)\)/);
    assert.match(problems[3].allowed, /NLB "main" needs 53 listeners with rest-shared-nlb, quota is 50; rest-nlb-to-alb needs 1 listener$/);
  });
});
