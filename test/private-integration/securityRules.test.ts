import * as assert from "node:assert/strict";
import { planPrivateIntegration } from "../../components/private-integration/planPrivateIntegration";
import { securityRules } from "../../components/private-integration/securityRules";
import type { PrivateIntegrationSettings, PrivateTopology, PrivateVpcSettings } from "../../components/private-integration/settings";
import { MAIN_VPC, service, settings } from "./fixtures";

const LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/legacy/1a/2b";
const EXISTING: PrivateVpcSettings = { name: "main", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.9.0.0/16" };

function rulesOf(s: PrivateIntegrationSettings): string[] {
  return securityRules(planPrivateIntegration(s), s.services, s.vpcs).rules.map((r) => `${r.group.kind}:${r.group.key} ${r.direction} ${r.peer.kind}:${r.peer.key} ${r.port}`);
}

/** What every backend may open: HTTPS to its VPC's interface endpoints and to S3 (gateway endpoint). */
const egress = (svc: string) => [`backend:${svc} egress vpcCidr:main 443`, `backend:${svc} egress prefixList:s3 443`];

describe("securityRules", () => {
  // Every hop admits only the hop before it, on one port; the only CIDR admitted is the VPC's own, on 443, by its endpoints.
  const TABLE: [PrivateTopology, string[]][] = [
    ["rest-nlb-per-service", [
      ...egress("svc0"), "nlb:svc0 egress backend:svc0 8000", "backend:svc0 ingress nlb:svc0 8000",
      ...egress("svc1"), "nlb:svc1 egress backend:svc1 8001", "backend:svc1 ingress nlb:svc1 8001",
    ]],
    ["rest-shared-nlb", [
      ...egress("svc0"), "nlb:main egress backend:svc0 8000", "backend:svc0 ingress nlb:main 8000",
      ...egress("svc1"), "nlb:main egress backend:svc1 8001", "backend:svc1 ingress nlb:main 8001",
    ]],
    ["rest-nlb-to-alb", [
      "nlb:main egress alb:main 80", "alb:main ingress nlb:main 80",
      ...egress("svc0"), "alb:main egress backend:svc0 8000", "backend:svc0 ingress alb:main 8000",
      ...egress("svc1"), "alb:main egress backend:svc1 8001", "backend:svc1 ingress alb:main 8001",
    ]],
    ["rest-vpclink-v2", [
      ...egress("svc0"), "link:main egress alb:main 80", "alb:main ingress link:main 80",
      "alb:main egress backend:svc0 8000", "backend:svc0 ingress alb:main 8000",
      ...egress("svc1"), "alb:main egress backend:svc1 8001", "backend:svc1 ingress alb:main 8001",
    ]],
  ];
  for (const [topology, expected] of TABLE) {
    it(`wires ${topology} hop by hop, in a VPC without its endpoints`, () => {
      assert.deepEqual(rulesOf(settings(topology, [service(0), service(1)], { vpcs: [{ ...MAIN_VPC, vpcEndpoints: false }] })), expected);
    });
  }

  it("lets a created VPC's endpoints admit HTTPS from that VPC only", () => {
    assert.deepEqual(rulesOf(settings("rest-shared-nlb", [service(0)])), [
      "endpoints:main ingress vpcCidr:main 443",
      ...egress("svc0"), "nlb:main egress backend:svc0 8000", "backend:svc0 ingress nlb:main 8000",
    ]);
  });

  it("gives an existing VPC no endpoint group, and its backends the same egress", () => {
    const s = settings("rest-shared-nlb", [service(0)], { vpcs: [EXISTING] });
    assert.deepEqual(rulesOf(s), [...egress("svc0"), "nlb:main egress backend:svc0 8000", "backend:svc0 ingress nlb:main 8000"]);
    assert.deepEqual(securityRules(planPrivateIntegration(s), s.services, s.vpcs).groups.map((g) => g.kind), ["nlb", "backend"]);
  });

  it("lets an HTTP API link reach existing listeners only inside its VPC, on their port; such services have no backend group", () => {
    assert.deepEqual(rulesOf(settings("http-api", [service(0), service(1, { port: 443, listenerArn: LISTENER })])), [
      "endpoints:main ingress vpcCidr:main 443",
      ...egress("svc0"), "link:main egress alb:main 80", "alb:main ingress link:main 80",
      "alb:main egress backend:svc0 8000", "backend:svc0 ingress alb:main 8000",
      "link:main egress vpcCidr:main 443",
    ]);
  });

  it("creates groups for endpoints, links, load balancers and backends only", () => {
    const s = settings("rest-nlb-to-alb", [service(0)]);
    assert.deepEqual(securityRules(planPrivateIntegration(s), s.services, s.vpcs).groups, [
      { kind: "endpoints", key: "main" }, { kind: "nlb", key: "main" }, { kind: "alb", key: "main" }, { kind: "backend", key: "svc0" },
    ]);
  });
});
