import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCESS_LOG_FORMATS } from "../../components/api/accessLogFormats";
import { PrivateMicroservices, type PrivateMicroservicesArgs } from "../../components/private-integration/privateMicroservices";
import type { PrivateIntegrationSettings, PrivateVpcSettings } from "../../components/private-integration/settings";
import { ConfigError } from "../../components/shared/validation";
import { ACCOUNT_ID, installMocks, MockRecorder, RecordedResource, settle, valueOf } from "../support/mocks";
import { REGION, SIGNER_ROLE_ARN, service, services, settings } from "./fixtures";

const ALB_ARN = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/${name}/0123456789abcdef`;
const NLB_ARN = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/net/${name}/0123456789abcdef`;
const MOCK_ARN = (kind: string, name: string) => `arn:aws:mock:${REGION}:${ACCOUNT_ID}:${kind}/${name}`;
const DNS = (name: string) => `${name}.elb.${REGION}.amazonaws.com`;
const SUBNETS = ["p-vpc-main-eu-west-1a-id", "p-vpc-main-eu-west-1b-id"];
const T = {
  vpc: "aws:ec2/vpc:Vpc", subnet: "aws:ec2/subnet:Subnet", sg: "aws:ec2/securityGroup:SecurityGroup",
  ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  lb: "aws:lb/loadBalancer:LoadBalancer", tg: "aws:lb/targetGroup:TargetGroup", listener: "aws:lb/listener:Listener",
  rule: "aws:lb/listenerRule:ListenerRule", attachment: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
  link1: "aws:apigateway/vpcLink:VpcLink", link2: "aws:apigatewayv2/vpcLink:VpcLink",
  restApi: "aws:apigateway/restApi:RestApi", resource: "aws:apigateway/resource:Resource", method: "aws:apigateway/method:Method",
  restIntegration: "aws:apigateway/integration:Integration", deployment: "aws:apigateway/deployment:Deployment", restStage: "aws:apigateway/stage:Stage",
  logGroup: "aws:cloudwatch/logGroup:LogGroup", methodSettings: "aws:apigateway/methodSettings:MethodSettings", account: "aws:apigateway/account:Account",
  httpApi: "aws:apigatewayv2/api:Api", httpIntegration: "aws:apigatewayv2/integration:Integration", route: "aws:apigatewayv2/route:Route", httpStage: "aws:apigatewayv2/stage:Stage",
};

describe("PrivateMicroservices", () => {
  let mocks: MockRecorder;
  // Pulumi captures a stack trace for every promise; with source maps on, each capture maps frames
  // through @pulumi/aws's source maps, which makes these tests about five times slower.
  const sourceMaps = process.sourceMapsEnabled;
  before(() => {
    process.setSourceMapsEnabled(false);
    mocks = installMocks();
  });
  after(() => process.setSourceMapsEnabled(sourceMaps));
  beforeEach(() => mocks.reset());

  async function build(s: PrivateIntegrationSettings, extra: Partial<PrivateMicroservicesArgs> = {}, opts: pulumi.ComponentResourceOptions = {}): Promise<PrivateMicroservices> {
    const component = new PrivateMicroservices("p", { settings: s, tags: { team: "edge" }, signerRoleArn: SIGNER_ROLE_ARN, ...extra }, opts);
    await valueOf(component.services);
    await settle();
    return component;
  }

  const inputs = (type: string, name: string) => mocks.one(type, name).inputs;
  /** Resources of one type sorted by name: registration order follows output resolution, which is not fixed. */
  const byName = (type: string) => [...mocks.ofType(type)].sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = (type: string) => byName(type).map((r) => r.name);

  describe("PrivateMicroservices: invariants of every topology", () => {
    for (const topology of ["http-api", "rest-nlb-per-service", "rest-shared-nlb", "rest-nlb-to-alb", "rest-vpclink-v2"] as const) {
      it(`${topology}: one region, internal load balancers, AWS_IAM everywhere, no CIDR wider than the VPC's`, async () => {
        await build(settings(topology, services(3)));
        // IAM is global: the account setting's CloudWatch role names no region.
        const aws = mocks.resources.filter((r) => r.type.startsWith("aws:") && !r.type.startsWith("aws:iam/"));
        assert.deepEqual(aws.filter((r) => r.inputs.region !== REGION).map((r) => r.name), []);
        assert.ok(mocks.ofType(T.lb).length > 0);
        assert.ok(mocks.ofType(T.lb).every((r) => r.inputs.internal === true));
        // Each rule names one peer: a group, S3's prefix list (egress, 443) or the VPC's own CIDR
        // (backends' egress to the endpoints on 443, the endpoints' ingress from it on 443).
        for (const r of [...mocks.ofType(T.ingress), ...mocks.ofType(T.egress)]) {
          const { cidrIpv4, prefixListId, referencedSecurityGroupId } = r.inputs;
          assert.equal([cidrIpv4, prefixListId, referencedSecurityGroupId].filter((p) => p !== undefined).length, 1, r.name);
          if (referencedSecurityGroupId === undefined) assert.deepEqual([r.inputs.fromPort, r.inputs.toPort], [443, 443], r.name);
          if (cidrIpv4 !== undefined) assert.equal(cidrIpv4, "10.20.0.0/16", r.name);
          if (prefixListId !== undefined) assert.deepEqual([r.type, prefixListId], [T.egress, "pl-mock-com.amazonaws.eu-west-1.s3"], r.name);
        }
        assert.deepEqual(mocks.ofType(T.ingress).filter((r) => r.inputs.cidrIpv4 !== undefined).map((r) => r.name), ["p-sg-rule-endpoints-main-from-vpcCidr-main-443"]);
        const authorizations = [...mocks.ofType(T.method).map((r) => r.inputs.authorization), ...mocks.ofType(T.route).map((r) => r.inputs.authorizationType)];
        assert.deepEqual(authorizations, Array(6).fill("AWS_IAM"));
      });
    }

    it("throws every plan problem before registering any resource", () => {
      assert.throws(() => new PrivateMicroservices("p", { settings: settings("rest-nlb-per-service", services(21)), signerRoleArn: SIGNER_ROLE_ARN }),
        (e: unknown) => e instanceof ConfigError && /^ConfigError: p: invalid PrivateMicroservices arguments: 1 problem\n  - settings\.quotas\.vpcLinksV1: got 20; 21 services need 21 VPC links \(v1\) with rest-nlb-per-service, quota is 20;/.test(String(e)));
      assert.deepEqual(mocks.resources, []);
    });
  });

  describe("PrivateMicroservices: http-api", () => {
    const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:listener/net/legacy/1a/2b`;
    const other: PrivateVpcSettings = { name: "other", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.9.0.0/16" };
    const s = settings("http-api", [
      service(0, { pathPrefix: "/orders", port: 8080 }),
      service(1, { vpc: "other", port: 7000, listenerArn }),
    ], { vpcs: [settings("http-api", []).vpcs[0], other] });

    it("creates the private VPC and fans one v2 link per VPC out to an ALB listener and an existing listener", async () => {
      const component = await build(s);
      assert.deepEqual(inputs(T.vpc, "p-vpc-main"), { cidrBlock: "10.20.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, region: REGION, tags: { team: "edge", Name: "p-main" } });
      assert.deepEqual(inputs(T.subnet, "p-vpc-main-eu-west-1b"), {
        vpcId: "p-vpc-main-id", availabilityZone: "eu-west-1b", cidrBlock: "10.20.16.0/20", mapPublicIpOnLaunch: false, region: REGION,
        tags: { team: "edge", Name: "p-main-private-eu-west-1b" },
      });
      assert.deepEqual(names(T.link2), ["p-link-main", "p-link-other"]);
      assert.deepEqual(inputs(T.link2, "p-link-main"), { subnetIds: SUBNETS, securityGroupIds: ["p-sg-link-main-id"], region: REGION, tags: { team: "edge" } });
      assert.deepEqual(inputs(T.link2, "p-link-other").subnetIds, ["subnet-0a1b2c3d", "subnet-0a1b2c3e"]);
      assert.deepEqual(inputs(T.lb, "p-alb-main"), {
        loadBalancerType: "application", internal: true, subnets: SUBNETS, securityGroups: ["p-sg-alb-main-id"], dropInvalidHeaderFields: true, region: REGION, tags: { team: "edge" },
      });
      assert.deepEqual(inputs(T.listener, "p-alb-main-http"), {
        loadBalancerArn: ALB_ARN("p-alb-main"), port: 80, protocol: "HTTP", region: REGION, tags: { team: "edge" },
        defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not Found", statusCode: "404" } }],
      });
      assert.deepEqual(inputs(T.tg, "p-tg-svc0"), {
        vpcId: "p-vpc-main-id", targetType: "ip", port: 8080, protocol: "HTTP", healthCheck: { path: "/", protocol: "HTTP", matcher: "200-399" }, region: REGION, tags: { team: "edge" },
      });
      assert.deepEqual(inputs(T.rule, "p-rule-svc0"), {
        listenerArn: MOCK_ARN("Listener", "p-alb-main-http"), priority: 1, region: REGION, tags: { team: "edge" },
        conditions: [{ pathPattern: { values: ["/orders", "/orders/*"] } }], actions: [{ type: "forward", targetGroupArn: MOCK_ARN("TargetGroup", "p-tg-svc0") }],
      });
      // No requestParameters: Authorization and x-amz-* are reserved headers an HTTP API refuses to map.
      const integration = (uri: string, link: string) => ({
        apiId: "p-api-id", integrationType: "HTTP_PROXY", integrationMethod: "ANY", connectionType: "VPC_LINK", connectionId: `${link}-id`, integrationUri: uri, payloadFormatVersion: "1.0", region: REGION,
      });
      assert.deepEqual(inputs(T.httpIntegration, "p-integration-svc0"), integration(MOCK_ARN("Listener", "p-alb-main-http"), "p-link-main"));
      assert.deepEqual(inputs(T.httpIntegration, "p-integration-svc1"), integration(listenerArn, "p-link-other"));
      assert.deepEqual(byName(T.route).map((r) => [r.name, r.inputs.routeKey, r.inputs.authorizationType, r.inputs.target]), [
        ["p-route-svc0", "ANY /orders", "AWS_IAM", "integrations/p-integration-svc0-id"],
        ["p-route-svc0-proxy", "ANY /orders/{proxy+}", "AWS_IAM", "integrations/p-integration-svc0-id"],
        ["p-route-svc1", "ANY /svc1", "AWS_IAM", "integrations/p-integration-svc1-id"],
        ["p-route-svc1-proxy", "ANY /svc1/{proxy+}", "AWS_IAM", "integrations/p-integration-svc1-id"],
      ]);
      assert.deepEqual(inputs(T.httpApi, "p-api"), { protocolType: "HTTP", description: "Private microservices, reachable only through the edge (AWS_IAM on every route)", region: REGION, tags: { team: "edge" } });
      // A created HTTP API's access logs and throttling (api/v2Stage.ts); HTTP APIs need no account setting.
      assert.deepEqual(inputs(T.httpStage, "p-stage"), {
        apiId: "p-api-id", name: "$default", autoDeploy: true, region: REGION, tags: { team: "edge" },
        accessLogSettings: { destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:p-access`, format: ACCESS_LOG_FORMATS.HTTP },
        defaultRouteSettings: { throttlingRateLimit: 100, throttlingBurstLimit: 200 },
      });
      assert.deepEqual(inputs(T.logGroup, "p-access"), { retentionInDays: 30, region: REGION, tags: { team: "edge" } });
      assert.deepEqual(mocks.ofType(T.account), []);
      assert.equal(await valueOf(component.accessLogGroupName), "p-access");
      // The link reaches the existing listener only inside its VPC, on the listener's port.
      assert.deepEqual(inputs(T.egress, "p-sg-rule-link-other-to-vpcCidr-other-7000"), {
        securityGroupId: "p-sg-link-other-id", ipProtocol: "tcp", fromPort: 7000, toPort: 7000, description: "to vpcCidr other", region: REGION, tags: { team: "edge" }, cidrIpv4: "10.9.0.0/16",
      });
      assert.deepEqual(inputs(T.ingress, "p-sg-rule-alb-main-from-link-main-80"), {
        securityGroupId: "p-sg-alb-main-id", referencedSecurityGroupId: "p-sg-link-main-id", ipProtocol: "tcp", fromPort: 80, toPort: 80, description: "from link main", region: REGION, tags: { team: "edge" },
      });

      const [origin] = component.origins;
      assert.deepEqual({ ...origin, apiId: await valueOf(origin.apiId as never), stage: await valueOf(origin.stage as never) },
        { name: "p", kind: "HTTP", apiId: "p-api-id", stage: "$default", region: REGION, pathPattern: "/services/*" });
      assert.deepEqual(await valueOf(component.services), {
        svc0: { routePath: "/orders", port: 8080, vpcLinkId: "p-link-main-id", targetGroupArn: MOCK_ARN("TargetGroup", "p-tg-svc0"), listenerArn: MOCK_ARN("Listener", "p-alb-main-http"), backendSecurityGroupId: "p-sg-backend-svc0-id", targetType: "ip", subnetIds: SUBNETS },
        svc1: { routePath: "/svc1", port: 7000, vpcLinkId: "p-link-other-id", listenerArn },
      });
      assert.deepEqual(await valueOf(component.vpcLinks), { main: "p-link-main-id", other: "p-link-other-id" });
    });
  });

  describe("PrivateMicroservices: http-api over TLS", () => {
    it("verifies tlsHostname for HTTPS existing listeners and Cloud Map services; the created ALB's listener stays HTTP", async () => {
      const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:listener/app/legacy/1a/2b`;
      const serviceArn = `arn:aws:servicediscovery:${REGION}:${ACCOUNT_ID}:service/srv-1`;
      await build(settings("http-api", [
        service(0, { protocol: "HTTPS" }),
        service(1, { protocol: "HTTPS", tlsHostname: "legacy.internal.example.com", listenerArn }),
        service(2, { protocol: "HTTPS", tlsHostname: "svc2.internal.example.com", cloudMapServiceArn: serviceArn }),
        service(3, { listenerArn }),
      ]));
      assert.deepEqual(byName(T.httpIntegration).map((r) => [r.name, r.inputs.integrationUri, r.inputs.tlsConfig]), [
        ["p-integration-svc0", MOCK_ARN("Listener", "p-alb-main-http"), undefined],
        ["p-integration-svc1", listenerArn, { serverNameToVerify: "legacy.internal.example.com" }],
        ["p-integration-svc2", serviceArn, { serverNameToVerify: "svc2.internal.example.com" }],
        ["p-integration-svc3", listenerArn, undefined],
      ]);
      assert.equal(inputs(T.tg, "p-tg-svc0").protocol, "HTTPS");
    });

    it("refuses HTTPS to an existing listener without tlsHostname before registering anything", () => {
      const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:listener/app/legacy/1a/2b`;
      assert.throws(() => new PrivateMicroservices("p", { settings: settings("http-api", [service(0, { protocol: "HTTPS", listenerArn })]), signerRoleArn: SIGNER_ROLE_ARN }),
        (e: unknown) => e instanceof ConfigError && /settings\.services\[svc0\]\.protocol: got "HTTPS"; HTTPS in http-api needs a tlsHostname/.test(e.message));
      assert.deepEqual(mocks.resources, []);
    });
  });

  describe("PrivateMicroservices: REST topologies", () => {
    const restIntegration = (path: string, link: string, uri: string, extra: Record<string, unknown> = {}) => ({
      restApi: "p-api-id", resourceId: `p-resource-${path}-id`, httpMethod: "ANY", type: "HTTP_PROXY", integrationHttpMethod: "ANY",
      connectionType: "VPC_LINK", connectionId: `${link}-id`, uri, region: REGION, ...extra,
      // The signer's session token never reaches the service; nothing else is mapped, so the
      // viewer's x-forwarded-authorization and every other header pass unchanged.
      requestParameters: {
        ...(path.endsWith("_proxy") ? { "integration.request.path.proxy": "method.request.path.proxy" } : {}),
        "integration.request.header.X-Amz-Security-Token": "''",
      },
    });

    it("rest-nlb-per-service: a v1 link to each service's NLB, TCP listener on the service port", async () => {
      const component = await build(settings("rest-nlb-per-service", [service(0), service(1, { listenerPort: 443, protocol: "HTTPS", tlsHostname: "svc1.internal.example.com" })]));
      assert.deepEqual(inputs(T.lb, "p-nlb-svc1"), {
        loadBalancerType: "network", internal: true, subnets: SUBNETS, securityGroups: ["p-sg-nlb-svc1-id"],
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: "off", enableCrossZoneLoadBalancing: true, region: REGION, tags: { team: "edge" },
      });
      assert.deepEqual(inputs(T.tg, "p-tg-svc1"), { vpcId: "p-vpc-main-id", targetType: "ip", port: 8001, protocol: "TCP", region: REGION, tags: { team: "edge" } });
      assert.deepEqual(inputs(T.listener, "p-nlb-svc1-svc1"), {
        loadBalancerArn: NLB_ARN("p-nlb-svc1"), port: 443, protocol: "TCP", region: REGION, tags: { team: "edge" },
        defaultActions: [{ type: "forward", targetGroupArn: MOCK_ARN("TargetGroup", "p-tg-svc1") }],
      });
      assert.deepEqual(byName(T.link1).map((r) => [r.name, r.inputs.targetArn]), [["p-link-svc0", NLB_ARN("p-nlb-svc0")], ["p-link-svc1", NLB_ARN("p-nlb-svc1")]]);
      assert.deepEqual(inputs(T.restIntegration, "p-integration-svc1._proxy"),
        restIntegration("svc1._proxy", "p-link-svc1", "https://svc1.internal.example.com:443/svc1/{proxy}"));
      assert.deepEqual(inputs(T.restIntegration, "p-integration-svc0"), restIntegration("svc0", "p-link-svc0", `http://${DNS("p-nlb-svc0")}:8000/svc0`));
      assert.deepEqual(inputs(T.method, "p-method-svc0._proxy"), {
        restApi: "p-api-id", resourceId: "p-resource-svc0._proxy-id", httpMethod: "ANY", authorization: "AWS_IAM", requestParameters: { "method.request.path.proxy": true }, region: REGION,
      });
      assert.deepEqual(inputs(T.resource, "p-resource-svc0._proxy"), { restApi: "p-api-id", parentId: "p-resource-svc0-id", pathPart: "{proxy+}", region: REGION });
      assert.deepEqual(inputs(T.resource, "p-resource-svc0"), { restApi: "p-api-id", parentId: "p-api-root", pathPart: "svc0", region: REGION });
      assert.deepEqual(inputs(T.restApi, "p-api").endpointConfiguration, { types: "REGIONAL" });
      // A created REST API's access logs and throttling (api/restApi.ts), the region's account setting created here.
      assert.deepEqual(inputs(T.restStage, "p-stage"), {
        restApi: "p-api-id", deployment: "p-deployment-id", stageName: "live", region: REGION, tags: { team: "edge" },
        accessLogSettings: { destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:p-access`, format: ACCESS_LOG_FORMATS.REST },
      });
      assert.deepEqual(inputs(T.methodSettings, "p-throttle"), {
        restApi: "p-api-id", stageName: "live", methodPath: "*/*", region: REGION,
        settings: { throttlingRateLimit: 100, throttlingBurstLimit: 200, metricsEnabled: true },
      });
      assert.deepEqual(inputs(T.logGroup, "p-access"), { retentionInDays: 30, region: REGION, tags: { team: "edge" } });
      assert.deepEqual(mocks.ofType(T.account).map((r) => [r.name, r.inputs]), [["p-account-eu-west-1", { region: REGION, cloudwatchRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/p-account-eu-west-1-role` }]]);
      assert.equal(await valueOf(component.accessLogGroupName), "p-access");
      assert.match(inputs(T.deployment, "p-deployment").triggers.definition, /^[0-9a-f]{64}$/);
      assert.deepEqual(byName(T.ingress).map((r) => [r.name, r.inputs.securityGroupId, r.inputs.referencedSecurityGroupId, r.inputs.fromPort]), [
        ["p-sg-rule-backend-svc0-from-nlb-svc0-8000", "p-sg-backend-svc0-id", "p-sg-nlb-svc0-id", 8000],
        ["p-sg-rule-backend-svc1-from-nlb-svc1-8001", "p-sg-backend-svc1-id", "p-sg-nlb-svc1-id", 8001],
        ["p-sg-rule-endpoints-main-from-vpcCidr-main-443", "p-sg-endpoints-main-id", undefined, 443],
      ]);
      const [origin] = component.origins;
      assert.equal(origin.kind, "REST");
      assert.equal(await valueOf(origin.stage as never), "live");
    });

    it("rest-shared-nlb: one v1 link per NLB; the integration picks the link and the listener port", async () => {
      await build(settings("rest-shared-nlb", [service(0), service(1), service(2, { nlb: "b" })]));
      assert.deepEqual(names(T.lb), ["p-nlb-b", "p-nlb-main"]);
      assert.deepEqual(byName(T.listener).map((r) => [r.name, r.inputs.loadBalancerArn, r.inputs.port, r.inputs.defaultActions[0].targetGroupArn]), [
        ["p-nlb-b-svc2", NLB_ARN("p-nlb-b"), 8002, MOCK_ARN("TargetGroup", "p-tg-svc2")],
        ["p-nlb-main-svc0", NLB_ARN("p-nlb-main"), 8000, MOCK_ARN("TargetGroup", "p-tg-svc0")],
        ["p-nlb-main-svc1", NLB_ARN("p-nlb-main"), 8001, MOCK_ARN("TargetGroup", "p-tg-svc1")],
      ]);
      assert.deepEqual(byName(T.link1).map((r) => [r.name, r.inputs.targetArn]), [["p-link-b", NLB_ARN("p-nlb-b")], ["p-link-main", NLB_ARN("p-nlb-main")]]);
      assert.deepEqual(byName(T.restIntegration).filter((r) => r.name.endsWith("_proxy")).map((r) => [r.inputs.connectionId, r.inputs.uri]), [
        ["p-link-main-id", `http://${DNS("p-nlb-main")}:8000/svc0/{proxy}`],
        ["p-link-main-id", `http://${DNS("p-nlb-main")}:8001/svc1/{proxy}`],
        ["p-link-b-id", `http://${DNS("p-nlb-b")}:8002/svc2/{proxy}`],
      ]);
    });

    it("rest-nlb-to-alb: NLB listener -> target group of type alb (TCP, ALB listener port) -> path rules", async () => {
      await build(settings("rest-nlb-to-alb", [service(0), service(1, { healthCheckPath: "/healthz", protocol: "HTTPS" })]));
      // The NLB checks the ALB over HTTP on the path the ALB itself answers with 200.
      assert.deepEqual(inputs(T.tg, "p-tg-main-to-alb-main"), {
        vpcId: "p-vpc-main-id", targetType: "alb", protocol: "TCP", port: 80, healthCheck: { protocol: "HTTP", path: "/.edge-health", matcher: "200" }, region: REGION, tags: { team: "edge" },
      });
      assert.deepEqual(inputs(T.rule, "p-alb-main-health"), {
        listenerArn: MOCK_ARN("Listener", "p-alb-main-http"), priority: 50000, region: REGION, tags: { team: "edge" },
        conditions: [{ pathPattern: { values: ["/.edge-health"] } }],
        actions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "OK", statusCode: "200" } }],
      });
      assert.deepEqual(inputs(T.attachment, "p-tg-main-to-alb-main"), { targetGroupArn: MOCK_ARN("TargetGroup", "p-tg-main-to-alb-main"), targetId: ALB_ARN("p-alb-main"), port: 80, region: REGION });
      assert.deepEqual(inputs(T.listener, "p-nlb-main-alb-main"), {
        loadBalancerArn: NLB_ARN("p-nlb-main"), port: 80, protocol: "TCP", region: REGION, tags: { team: "edge" },
        defaultActions: [{ type: "forward", targetGroupArn: MOCK_ARN("TargetGroup", "p-tg-main-to-alb-main") }],
      });
      assert.deepEqual(inputs(T.tg, "p-tg-svc1"), {
        vpcId: "p-vpc-main-id", targetType: "ip", port: 8001, protocol: "HTTPS", healthCheck: { path: "/healthz", protocol: "HTTPS", matcher: "200-399" }, region: REGION, tags: { team: "edge" },
      });
      assert.deepEqual(byName(T.rule).map((r) => [r.name, r.inputs.priority, r.inputs.conditions[0].pathPattern.values]), [
        ["p-alb-main-health", 50000, ["/.edge-health"]], ["p-rule-svc0", 1, ["/svc0", "/svc0/*"]], ["p-rule-svc1", 2, ["/svc1", "/svc1/*"]],
      ]);
      assert.deepEqual(byName(T.link1).map((r) => [r.name, r.inputs.targetArn]), [["p-link-main", NLB_ARN("p-nlb-main")]]);
      assert.deepEqual(inputs(T.restIntegration, "p-integration-svc1._proxy"), restIntegration("svc1._proxy", "p-link-main", `http://${DNS("p-nlb-main")}:80/svc1/{proxy}`));
      assert.deepEqual(byName(T.ingress).map((r) => [r.name, r.inputs.referencedSecurityGroupId, r.inputs.fromPort]), [
        ["p-sg-rule-alb-main-from-nlb-main-80", "p-sg-nlb-main-id", 80],
        ["p-sg-rule-backend-svc0-from-alb-main-8000", "p-sg-alb-main-id", 8000],
        ["p-sg-rule-backend-svc1-from-alb-main-8001", "p-sg-alb-main-id", 8001],
        ["p-sg-rule-endpoints-main-from-vpcCidr-main-443", undefined, 443],
      ]);
    });

    it("rest-vpclink-v2: a v2 link with the ALB as integrationTarget", async () => {
      await build(settings("rest-vpclink-v2", [service(0)]));
      assert.deepEqual(names(T.link1), []);
      assert.deepEqual(inputs(T.link2, "p-link-main"), { subnetIds: SUBNETS, securityGroupIds: ["p-sg-link-main-id"], region: REGION, tags: { team: "edge" } });
      assert.deepEqual(inputs(T.restIntegration, "p-integration-svc0._proxy"),
        restIntegration("svc0._proxy", "p-link-main", `http://${DNS("p-alb-main")}/svc0/{proxy}`, { integrationTarget: ALB_ARN("p-alb-main") }));
    });
  });

  describe("PrivateMicroservices: the stage's access logs and throttling", () => {
    const configured = { api: { logRetentionDays: 365 as const, throttle: { rateLimit: 500, burstLimit: 1000 } } };
    /** The resources each stage was registered to wait for. */
    const stageWaits = new Map<string, pulumi.Input<pulumi.Resource>[]>();
    const recordWaits: pulumi.ResourceTransformation = (a) => {
      if (a.type === T.restStage || a.type === T.httpStage) {
        const on = a.opts.dependsOn;
        stageWaits.set(a.name, Array.isArray(on) ? on : on ? [on as pulumi.Input<pulumi.Resource>] : []);
      }
      return undefined;
    };
    /** The names (the last URN part) of what the stage waited for. */
    const waitsOf = (stage: string) => Promise.all((stageWaits.get(stage) ?? []).map(async (r) => (await valueOf(pulumi.output(r).urn)).split("::").pop()));
    beforeEach(() => stageWaits.clear());

    it("take the section's settings: retention on the log group, rate and burst on every method or route", async () => {
      await build(settings("rest-shared-nlb", [service(0)], configured));
      assert.equal(inputs(T.logGroup, "p-access").retentionInDays, 365);
      assert.deepEqual(inputs(T.methodSettings, "p-throttle").settings, { throttlingRateLimit: 500, throttlingBurstLimit: 1000, metricsEnabled: true });
      mocks.reset();
      await build(settings("http-api", [service(0)], configured));
      assert.equal(inputs(T.logGroup, "p-access").retentionInDays, 365);
      assert.deepEqual(inputs(T.httpStage, "p-stage").defaultRouteSettings, { throttlingRateLimit: 500, throttlingBurstLimit: 1000 });
      assert.deepEqual(mocks.ofType(T.methodSettings), []);
    });

    it("a REST stage waits for the region's account setting: created here, the one given, or none when another stack manages it", async () => {
      await build(settings("rest-shared-nlb", [service(0)]), {}, { transformations: [recordWaits] });
      assert.deepEqual(await waitsOf("p-stage"), ["p-account-eu-west-1"]);
      assert.deepEqual(names(T.account), ["p-account-eu-west-1"]);

      mocks.reset();
      const elsewhere = new aws.apigateway.Account("apis-account-eu-west-1", { region: REGION, cloudwatchRoleArn: "arn:aws:iam::123456789012:role/logs" });
      await build(settings("rest-shared-nlb", [service(0)]), { accountSetting: elsewhere, manageApiGatewayAccount: true }, { transformations: [recordWaits] });
      assert.deepEqual(stageWaits.get("p-stage"), [elsewhere]);
      assert.deepEqual(names(T.account), ["apis-account-eu-west-1"]);

      mocks.reset();
      await build(settings("rest-shared-nlb", [service(0)]), { manageApiGatewayAccount: false }, { transformations: [recordWaits] });
      assert.deepEqual(await waitsOf("p-stage"), []);
      assert.deepEqual(mocks.ofType(T.account), []);
      assert.equal(inputs(T.restStage, "p-stage").accessLogSettings.format, ACCESS_LOG_FORMATS.REST);

      mocks.reset();
      await build(settings("http-api", [service(0)]), { manageApiGatewayAccount: true }, { transformations: [recordWaits] });
      assert.deepEqual(await waitsOf("p-stage"), []);
      assert.deepEqual(mocks.ofType(T.account), []);
    });
  });

  describe("PrivateMicroservices: the REST deployment follows every integration", () => {
    const trigger = async (s: PrivateIntegrationSettings) => {
      mocks.reset();
      await build(s);
      return inputs(T.deployment, "p-deployment").triggers.definition as string;
    };
    const https = { protocol: "HTTPS" as const, tlsHostname: "svc1.internal.example.com" };

    it("keeps the trigger for unchanged settings and changes it with the protocol or the TLS host name", async () => {
      const http = await trigger(settings("rest-shared-nlb", [service(0), service(1)]));
      assert.match(http, /^[0-9a-f]{64}$/);
      assert.equal(await trigger(settings("rest-shared-nlb", [service(0), service(1)])), http);
      const tls = await trigger(settings("rest-shared-nlb", [service(0), service(1, https)]));
      assert.notEqual(tls, http);
      assert.notEqual(await trigger(settings("rest-shared-nlb", [service(0), service(1, { ...https, tlsHostname: "svc1.example.com" })])), tls);
      assert.notEqual(await trigger(settings("rest-nlb-per-service", [service(0), service(1, https)])), await trigger(settings("rest-nlb-per-service", [service(0), service(1)])));
    });

    it("REST topologies admit only the signer's role on the stage, deployed with the API; the HTTP API has no resource policy", async () => {
      for (const topology of ["rest-nlb-per-service", "rest-shared-nlb", "rest-nlb-to-alb", "rest-vpclink-v2"] as const) {
        mocks.reset();
        const component = await build(settings(topology, [service(0)]));
        const policies = mocks.ofType("aws:apigateway/restApiPolicy:RestApiPolicy");
        assert.deepEqual(policies.map((p) => [p.name, p.inputs.region, p.inputs.restApiId]), [["p-signer-only", REGION, "p-api-id"]], topology);
        const api = `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:p-api-id`;
        const stage = await valueOf(pulumi.output(component.origins[0].stage));
        assert.deepEqual(JSON.parse(policies[0].inputs.policy).Statement, [
          { Sid: "AllowEdgeSignerOnStage", Effect: "Allow", Principal: { AWS: SIGNER_ROLE_ARN }, Action: "execute-api:Invoke", Resource: `${api}/${stage}/*/*` },
          { Sid: "DenyEveryoneElse", Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: `${api}/*`, Condition: { ArnNotEquals: { "aws:PrincipalArn": SIGNER_ROLE_ARN } } },
        ]);
        assert.equal(inputs(T.deployment, "p-deployment").triggers.resourcePolicy, policies[0].inputs.policy);
      }
      mocks.reset();
      await build(settings("http-api", [service(0)]));
      assert.deepEqual(mocks.ofType("aws:apigateway/restApiPolicy:RestApiPolicy"), []);
    });

    describe("with load balancers and VPC links replaced between two runs of the same settings", () => {
      // Mocks whose load balancers and VPC links get new ids, ARNs and DNS names in each generation.
      let generation = 0;
      const recorded: RecordedResource[] = [];
      const REPLACED = [T.lb, T.link1, T.link2];
      before(() => pulumi.runtime.setMocks({
        newResource(args) {
          recorded.push({ type: args.type, name: args.name, inputs: args.inputs });
          const name = REPLACED.includes(args.type) ? `${args.name}-g${generation}` : args.name;
          const executionArn = `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${name}-id`;
          return { id: `${name}-id`, state: { ...args.inputs, arn: MOCK_ARN(args.type.split(":").pop() as string, name), dnsName: DNS(name), rootResourceId: `${name}-root`, executionArn } };
        },
        call(args) {
          if (args.token === "aws:ec2/getManagedPrefixList:getManagedPrefixList") return { id: "pl-s3" };
          if (args.token === "aws:index/getPartition:getPartition") return { partition: "aws" };
          if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") return { accountId: ACCOUNT_ID };
          throw new Error(`unexpected invoke ${args.token}`);
        },
      }, "edge-security", "test", false));
      after(() => {
        mocks = installMocks();
      });

      async function run(s: PrivateIntegrationSettings, g: number): Promise<string> {
        generation = g;
        recorded.length = 0;
        await valueOf(new PrivateMicroservices("p", { settings: s, signerRoleArn: SIGNER_ROLE_ARN }).services);
        await settle();
        const deployment = recorded.find((r) => r.type === T.deployment);
        assert.ok(deployment, "a REST deployment");
        return deployment.inputs.triggers.definition;
      }

      for (const topology of ["rest-nlb-per-service", "rest-shared-nlb", "rest-nlb-to-alb", "rest-vpclink-v2"] as const) {
        it(`${topology}: a new NLB DNS name, VPC link or ALB ARN re-triggers the deployment`, async () => {
          const s = settings(topology, [service(0), service(1)]);
          const first = await run(s, 1);
          assert.equal(await run(s, 1), first);
          assert.notEqual(await run(s, 2), first);
        });
      }
    });
  });

  describe("PrivateMicroservices: adding a service replaces nothing", () => {
    const STABLE = [T.vpc, T.subnet, T.sg, T.lb, T.tg, T.listener, T.attachment, T.link1, T.link2, T.restApi, T.httpApi, T.resource, T.method, T.restIntegration, T.httpIntegration, T.route, T.ingress, T.egress, "aws:ec2/vpcEndpoint:VpcEndpoint"];
    async function snapshot(s: PrivateIntegrationSettings) {
      mocks.reset();
      await build(s);
      return new Map(mocks.resources.map((r) => [`${r.type} ${r.name}`, r.inputs]));
    }
    for (const topology of ["http-api", "rest-nlb-per-service", "rest-shared-nlb", "rest-nlb-to-alb", "rest-vpclink-v2"] as const) {
      it(`${topology}: every existing child keeps its name and inputs when a service is inserted`, async () => {
        const before = await snapshot(settings(topology, [service(0), service(2)]));
        const after = await snapshot(settings(topology, [service(0), service(1), service(2)]));
        let compared = 0;
        for (const [key, value] of before) {
          if (!STABLE.includes(key.split(" ")[0])) continue;
          assert.deepEqual(after.get(key), value, key);
          compared++;
        }
        assert.ok(compared >= 15, `compared ${compared}`);
        assert.ok(after.size > before.size);
      });
    }

    it("keeps ALB rule priorities when a service is appended; only the REST deployment is new", async () => {
      const before = await snapshot(settings("rest-nlb-to-alb", [service(0), service(1)]));
      const after = await snapshot(settings("rest-nlb-to-alb", [service(0), service(1), service(2)]));
      const changed = [...before].filter(([key, value]) => JSON.stringify(after.get(key)) !== JSON.stringify(value)).map(([key]) => key);
      assert.deepEqual(changed, [`${T.deployment} p-deployment`]);
    });
  });
});
