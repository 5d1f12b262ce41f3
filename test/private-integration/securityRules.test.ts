import * as assert from "node:assert/strict";
import { planPrivateIntegration } from "../../components/private-integration/planPrivateIntegration";
import { securityRules } from "../../components/private-integration/securityRules";
import type { PrivateIntegrationSettings, PrivateTopology } from "../../components/private-integration/settings";
import { service, settings } from "./fixtures";

const LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/legacy/1a/2b";

function rulesOf(s: PrivateIntegrationSettings): string[] {
  return securityRules(planPrivateIntegration(s), s.services).rules.map((r) => `${r.group.kind}:${r.group.key} ${r.direction} ${r.peer.kind}:${r.peer.key} ${r.port}`);
}

describe("securityRules", () => {
  // Every hop admits only the hop before it, on one port; nothing admits a CIDR or the internet.
  const TABLE: [PrivateTopology, string[]][] = [
    ["rest-nlb-per-service", [
      "nlb:svc0 egress backend:svc0 8000", "backend:svc0 ingress nlb:svc0 8000",
      "nlb:svc1 egress backend:svc1 8001", "backend:svc1 ingress nlb:svc1 8001",
    ]],
    ["rest-shared-nlb", [
      "nlb:main egress backend:svc0 8000", "backend:svc0 ingress nlb:main 8000",
      "nlb:main egress backend:svc1 8001", "backend:svc1 ingress nlb:main 8001",
    ]],
    ["rest-nlb-to-alb", [
      "nlb:main egress alb:main 80", "alb:main ingress nlb:main 80",
      "alb:main egress backend:svc0 8000", "backend:svc0 ingress alb:main 8000",
      "alb:main egress backend:svc1 8001", "backend:svc1 ingress alb:main 8001",
    ]],
    ["rest-vpclink-v2", [
      "link:main egress alb:main 80", "alb:main ingress link:main 80",
      "alb:main egress backend:svc0 8000", "backend:svc0 ingress alb:main 8000",
      "alb:main egress backend:svc1 8001", "backend:svc1 ingress alb:main 8001",
    ]],
  ];
  for (const [topology, expected] of TABLE) {
    it(`wires ${topology} hop by hop`, () => assert.deepEqual(rulesOf(settings(topology, [service(0), service(1)])), expected));
  }

  it("lets an HTTP API link reach existing listeners only inside its VPC, on their port", () => {
    assert.deepEqual(rulesOf(settings("http-api", [service(0), service(1, { port: 443, target: { kind: "listener", listenerArn: LISTENER } })])), [
      "link:main egress alb:main 80", "alb:main ingress link:main 80",
      "alb:main egress backend:svc0 8000", "backend:svc0 ingress alb:main 8000",
      "link:main egress vpcCidr:main 443",
    ]);
  });

  it("creates groups for links, load balancers and backends only", () => {
    const s = settings("rest-nlb-to-alb", [service(0)]);
    assert.deepEqual(securityRules(planPrivateIntegration(s), s.services).groups, [
      { kind: "nlb", key: "main" }, { kind: "alb", key: "main" }, { kind: "backend", key: "svc0" },
    ]);
  });
});
