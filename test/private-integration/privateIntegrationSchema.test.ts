import * as assert from "node:assert/strict";
import { parseStackConfig } from "../../components/config/stackConfig";
import { privateIntegrationSchema } from "../../components/private-integration/privateIntegrationSchema";
import { DEFAULT_QUOTAS, serviceTarget } from "../../components/private-integration/settings";
import { problemsFrom } from "../../components/shared/schema/problems";
import { exampleConfig, REGION } from "./fixtures";

const VPC = { name: "main" };
const svc = (i: number, extra: Record<string, unknown> = {}) => ({ name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 8000 + i, ...extra });
const raw = (extra: Record<string, unknown> = {}) => ({ topology: "http-api", vpcs: [VPC], services: [svc(0), svc(1)], ...extra });

/** The section through its schema, problems named as in the stack file. */
function parse(value: unknown, region: string | undefined = REGION) {
  const result = privateIntegrationSchema(region).safeParse(value);
  return result.success ? { settings: result.data, problems: [] } : { settings: undefined, problems: problemsFrom(result.error.issues, value, ["privateIntegration"]) };
}

describe("privateIntegrationSchema", () => {
  it("is off when the section is absent", () => {
    assert.equal(parseStackConfig({ apis: [{ name: "shop", kind: "REST", stage: "prod", pathPattern: "*" }] }, REGION).privateIntegration, undefined);
  });

  it("applies every default", () => {
    const { settings, problems } = parse(raw());
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      topology: "http-api", region: REGION, pathPrefix: "/services", stageName: "live",
      vpcs: [{ name: "main", cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], vpcEndpoints: true }],
      services: [0, 1].map((i) => ({
        name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 8000 + i, protocol: "HTTP", healthCheckPath: "/", targetType: "ip",
      })),
      quotas: DEFAULT_QUOTAS,
      // A created API's defaults (config/apis.ts).
      api: { logRetentionDays: 30, throttle: { rateLimit: 100, burstLimit: 200 } },
    });
  });

  it("reads the stage's access-log retention and throttling, each field defaulting on its own", () => {
    const { settings, problems } = parse(raw({ api: { logRetentionDays: 365, throttle: { burstLimit: 1000 } } }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings?.api, { logRetentionDays: 365, throttle: { rateLimit: 100, burstLimit: 1000 } });
  });

  it("creates VPC endpoints in a created VPC unless it opts out", () => {
    const { settings, problems } = parse(raw({ vpcs: [{ name: "main", vpcEndpoints: false }] }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings?.vpcs, [{ name: "main", cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], vpcEndpoints: false }]);
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
      name: "core", vpcId: "vpc-0a1b2c3d4e5f60718", cidrBlock: "10.0.0.0/16",
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

  it("reads existing listeners and Cloud Map services as targets, with no targetType", () => {
    const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:123456789012:listener/app/legacy/50dc6c495c0c9188/f2f7dc8efc522ab2`;
    const cloudMapServiceArn = `arn:aws:servicediscovery:${REGION}:123456789012:service/srv-e4anhexample0004`;
    const { settings } = parse(raw({ services: [svc(0, { listenerArn }), svc(1, { cloudMapServiceArn })] }));
    assert.deepEqual(settings?.services.map(serviceTarget), [
      { kind: "listener", listenerArn },
      { kind: "cloudMap", serviceArn: cloudMapServiceArn },
    ]);
    assert.deepEqual(settings?.services.map((s) => "targetType" in s), [false, false]);
  });

  // Each bad input: the config, then [field, a phrase of the message] for every problem expected.
  const P = "privateIntegration";
  const LISTENER = (region: string) => `arn:aws:elasticloadbalancing:${region}:123456789012:listener/app/a/1a/2b`;
  const BAD: [string, unknown, [string, string][]][] = [
    ["not an object", "http-api", [[P, "an object"]]],
    ["an unknown key", raw({ topolgy: "x" }), [[`${P}.topolgy`, "unknown key"]]],
    ["an unknown topology", raw({ topology: "rest" }), [[`${P}.topology`, "\"rest-vpclink-v2\""]]],
    ["a bad region", raw({ region: "eu-west-9" }), [[`${P}.region`, "a region of the standard AWS partition"]]],
    ["a GovCloud region the edge cannot sign for", raw({ region: "us-gov-west-1" }), [[`${P}.region`, "cannot sign for GovCloud or China"]]],
    ["a bad edge prefix", raw({ pathPrefix: "services/" }), [[`${P}.pathPrefix`, "a path like"]]],
    ["a bad stage name", raw({ stageName: "a b" }), [[`${P}.stageName`, "1-128"]]],
    ["no VPC, without blaming the services for it", raw({ vpcs: [] }), [[`${P}.vpcs`, "non-empty"]]],
    ["two VPCs with one name", raw({ vpcs: [VPC, VPC] }), [[`${P}.vpcs[1].name`, "a name no other VPC has (vpcs[0] is also \"main\")"]]],
    ["a VPC both existing and new", raw({ vpcs: [{ name: "main", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a"] }] }),
      [[`${P}.vpcs[main].availabilityZones`, "not both"]]],
    ["an existing VPC without subnets or CIDR", raw({ vpcs: [{ name: "main", vpcId: "vpc-xyz" }] }),
      [[`${P}.vpcs[main].vpcId`, "VPC id"], [`${P}.vpcs[main].subnetIds`, "required with vpcId: two or more"], [`${P}.vpcs[main].cidrBlock`, "required for an existing VPC: the VPC's IPv4 CIDR"]]],
    ["subnets without a VPC id", raw({ vpcs: [{ name: "main", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3d"], cidrBlock: "10.0.0.0/16" }] }),
      [[`${P}.vpcs[main].vpcId`, "required with subnetIds"], [`${P}.vpcs[main].subnetIds`, "two or more distinct"]]],
    ["an unaligned CIDR", raw({ vpcs: [{ name: "main", cidrBlock: "10.0.1.0/16" }] }), [[`${P}.vpcs[main].cidrBlock`, "aligned"]]],
    ["a created VPC of more than /24", raw({ vpcs: [{ name: "main", cidrBlock: "10.0.0.0/25" }] }), [[`${P}.vpcs[main].cidrBlock`, "from /16 to /24"]]],
    ["a CIDR in octal", raw({ vpcs: [{ name: "main", cidrBlock: "010.0.0.0/16" }] }), [[`${P}.vpcs[main].cidrBlock`, "aligned IPv4 CIDR"]]],
    ["AZs of another region", raw({ vpcs: [{ name: "main", availabilityZones: ["us-east-1a", "eu-west-1b"] }] }), [[`${P}.vpcs[main].availabilityZones`, "AZs of eu-west-1"]]],
    ["one AZ, or one twice", raw({ vpcs: [{ name: "main", availabilityZones: ["eu-west-1a"] }, { name: "b", cidrBlock: "10.1.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1a"] }] }),
      [[`${P}.vpcs[main].availabilityZones`, "2 to 16 distinct AZs"], [`${P}.vpcs[b].availabilityZones`, "2 to 16 distinct AZs"]]],
    ["VPC endpoints asked of an existing VPC, and a non-boolean opt-out", raw({ vpcs: [
      { name: "main", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.0.0.0/16", vpcEndpoints: true },
      { name: "b", vpcEndpoints: "no" },
    ] }), [
      [`${P}.vpcs[main].vpcEndpoints`, "only in VPCs it creates; an existing VPC's owners provide egress"],
      [`${P}.vpcs[b].vpcEndpoints`, "allowed: true (default: ECR, CloudWatch Logs, STS and S3 endpoints"],
    ]],
    ["no services", raw({ services: [] }), [[`${P}.services`, "non-empty"]]],
    ["two services with one name", raw({ services: [svc(0), svc(1, { name: "svc0" })] }), [[`${P}.services[1].name`, "a name no other service has (services[0] is also \"svc0\")"]]],
    ["two services with one path prefix", raw({ services: [svc(0), svc(1, { pathPrefix: "/svc0" })] }), [[`${P}.services[svc1].pathPrefix`, "no other service has (service \"svc0\" has it)"]]],
    ["nested path prefixes", raw({ services: [svc(0, { pathPrefix: "/a/b/c" }), svc(1, { pathPrefix: "/a" })] }), [[`${P}.services[svc0].pathPrefix`, "nested under \"/a\" of service \"svc1\""]]],
    ["a service in an undeclared VPC", raw({ services: [svc(0), svc(1, { vpc: "edge" })] }), [[`${P}.services[svc1].vpc`, "not a declared VPC; allowed: \"main\""]]],
    ["port 0", raw({ services: [svc(0, { port: 0 }), svc(1)] }), [[`${P}.services[svc0].port`, "1 to 65535"]]],
    ["port 65536", raw({ services: [svc(0, { port: 65536 }), svc(1)] }), [[`${P}.services[svc0].port`, "1 to 65535"]]],
    ["a fractional listener port", raw({ topology: "rest-shared-nlb", services: [svc(0, { listenerPort: 80.5 }), svc(1)] }), [[`${P}.services[svc0].listenerPort`, "1 to 65535"]]],
    ["a bad protocol and target type", raw({ services: [svc(0, { protocol: "TCP", targetType: "lambda" }), svc(1)] }),
      [[`${P}.services[svc0].protocol`, "\"HTTPS\""], [`${P}.services[svc0].targetType`, "\"instance\""]]],
    ["two targets at once", raw({ services: [svc(0, { targetType: "ip", cloudMapServiceArn: "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1" }), svc(1)] }),
      [[`${P}.services[svc0].cloudMapServiceArn`, "only one of"]]],
    ["a listener ARN that is none", raw({ services: [svc(0, { listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/a/1a" }), svc(1)] }),
      [[`${P}.services[svc0].listenerArn`, "an ALB or NLB listener ARN"]]],
    ["a listener ARN of another region", raw({ services: [svc(0, { listenerArn: LISTENER("us-east-1") }), svc(1)] }),
      [[`${P}.services[svc0].listenerArn`, "listener ARN in eu-west-1, the integration's region"]]],
    ["Cloud Map with a REST API", raw({ topology: "rest-vpclink-v2", services: [svc(0, { cloudMapServiceArn: "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1" }), svc(1)] }),
      [[`${P}.services[svc0].cloudMapServiceArn`, "supported by topology \"http-api\""]]],
    ["an existing listener with a REST API", raw({ topology: "rest-shared-nlb", services: [svc(0, { listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/net/a/1a/2b" }), svc(1)] }),
      [[`${P}.services[svc0].listenerArn`, "cannot reach it"]]],
    ["an NLB name where no NLB is shared", raw({ services: [svc(0, { nlb: "a" }), svc(1)] }), [[`${P}.services[svc0].nlb`, "used only by topology"]]],
    ["an ALB for an existing listener", raw({ services: [svc(0, { alb: "x", listenerArn: LISTENER(REGION) }), svc(1)] }),
      [[`${P}.services[svc0].alb`, "only services with a targetType"]]],
    ["a port reused on one NLB", raw({ topology: "rest-shared-nlb", services: [svc(0), svc(1), svc(2, { port: 8000 })] }),
      [[`${P}.services[svc2].port`, "already a listener of NLB \"main\" (service \"svc0\")"]]],
    ["HTTPS through a shared NLB without tlsHostname", raw({ topology: "rest-shared-nlb", services: [svc(0), svc(1, { protocol: "HTTPS" })] }),
      [[`${P}.services[svc1].protocol`, "HTTPS in rest-shared-nlb needs a tlsHostname: API Gateway verifies the certificate against the integration URI's host, and no public CA certifies the NLB's *.elb.amazonaws.com name; set tlsHostname to a DNS name the service's certificate covers"]]],
    ["HTTPS through a per-service NLB without tlsHostname", raw({ topology: "rest-nlb-per-service", services: [svc(0, { protocol: "HTTPS" }), svc(1)] }),
      [[`${P}.services[svc0].protocol`, "HTTPS in rest-nlb-per-service needs a tlsHostname"]]],
    ["HTTPS to an existing listener of an HTTP API without tlsHostname", raw({ services: [svc(0), svc(1, { protocol: "HTTPS", listenerArn: LISTENER(REGION) })] }),
      [[`${P}.services[svc1].protocol`, "an HTTP API integration names a listener or Cloud Map service, not a host"]]],
    ["a tlsHostname behind a created ALB", raw({ topology: "rest-nlb-to-alb", services: [svc(0, { protocol: "HTTPS", tlsHostname: "svc0.example.com" }), svc(1)] }),
      [[`${P}.services[svc0].tlsHostname`, "API Gateway speaks HTTP to the ALB, which speaks HTTPS to the targets; remove it for rest-nlb-to-alb"]]],
    ["a tlsHostname on an HTTP service", raw({ topology: "rest-shared-nlb", services: [svc(0, { tlsHostname: "svc0.example.com" }), svc(1)] }),
      [[`${P}.services[svc0].tlsHostname`, "used only where API Gateway itself speaks TLS"]]],
    ["a tlsHostname that is no DNS name", raw({ topology: "rest-shared-nlb", services: [svc(0, { protocol: "HTTPS", tlsHostname: "*.example.com" }), svc(1, { tlsHostname: "https://x.example.com" })] }),
      [[`${P}.services[svc0].tlsHostname`, "a DNS name the service's certificate covers"], [`${P}.services[svc1].tlsHostname`, "lowercase, no wildcard"]]],
    ["a bad stage setting, with a created API's allowed values", raw({ api: { logRetentionDays: 31, throttle: { rateLimit: 0, burstLimit: 5001 }, loggin: true } }),
      [[`${P}.api.logRetentionDays`, "allowed: 1, 3, 5, 7, 14, 30, 60,"], [`${P}.api.throttle.rateLimit`, "more than 0 and at most 10000"],
        [`${P}.api.throttle.burstLimit`, "a whole number from 1 to 5000"], [`${P}.api.loggin`, "unknown key"]]],
    ["a bad quota", raw({ quotas: { vpcLinksV2: 0, vpcLinks: 3 } }), [[`${P}.quotas.vpcLinksV2`, "whole number from 1"], [`${P}.quotas.vpcLinks`, "unknown key"]]],
    ["too many VPC links", raw({ topology: "rest-nlb-per-service", services: Array.from({ length: 21 }, (_, i) => svc(i)) }),
      [[`${P}.quotas.vpcLinksV1`, "21 services need 21 VPC links (v1) with rest-nlb-per-service, quota is 20; rest-shared-nlb needs 1 VPC link (v1)"]]],
  ];
  for (const [title, value, expected] of BAD) {
    it(`reports ${title}`, () => {
      const { settings, problems } = parse(value);
      assert.equal(settings, undefined);
      assert.deepEqual(problems.map((p) => p.field), expected.map(([field]) => field));
      expected.forEach(([, phrase], i) => assert.ok(problems[i].allowed.includes(phrase), `${problems[i].field}: ${problems[i].allowed}`));
    });
  }

  it("reports every problem of the fields at once, then the planner's once the fields are valid", () => {
    const many = (topology: string, first: Record<string, unknown>) => ({
      topology, region: "eu-west-1",
      vpcs: [VPC, { name: "Bad_Name", cidrBlock: "10.1.0.0/16" }],
      services: [svc(0, first), svc(1), svc(2, { port: 8001 }), ...Array.from({ length: 52 }, (_, i) => svc(i + 3))],
    });
    const fields = parse({ ...many("rest-shared-nlb", { port: "80" }), api: { throttle: { burstLimit: 0.5 } } }).problems;
    assert.deepEqual(fields.map((p) => [p.field, p.value]), [
      ["privateIntegration.vpcs[Bad_Name].name", "Bad_Name"], ["privateIntegration.services[svc0].port", "80"], ["privateIntegration.api.throttle.burstLimit", 0.5],
    ]);
    assert.match(fields[1].allowed, /\("80" is quoted, so YAML reads it as text: write 80 without quotes\)$/);
    const fixed = many("rest-shared-nlb", {});
    fixed.vpcs[1] = { name: "b", cidrBlock: "10.1.0.0/16" };
    const planned = parse(fixed).problems;
    assert.deepEqual(planned.map((p) => [p.field, p.value]), [["privateIntegration.services[svc2].port", 8001], ["privateIntegration.quotas.listenersPerNlb", undefined]]);
    assert.match(planned[0].allowed, /^port 8001 is already a listener of NLB "main" \(service "svc1"\); set a distinct listenerPort/);
    assert.match(planned[1].allowed, /^NLB "main" needs 54 listeners with rest-shared-nlb, quota is 50; rest-nlb-to-alb needs 1 listener$/);
  });
});
