import * as assert from "node:assert/strict";
import { planPrivateIntegration } from "../../components/private-integration/planPrivateIntegration";
import { DEFAULT_QUOTAS, PrivateQuotas, PrivateTopology, PrivateVpcSettings } from "../../components/private-integration/settings";
import { MAIN_VPC, service, services, settings } from "./fixtures";

const OTHER_VPC: PrivateVpcSettings = { name: "other", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.9.0.0/16" };
const LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/net/legacy/1a/2b";
const CLOUD_MAP = "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1";

describe("planPrivateIntegration: layout per topology", () => {
  it("http-api: one v2 link per VPC fanning out to a path-routed ALB, an existing listener and Cloud Map", () => {
    const plan = planPrivateIntegration(settings("http-api", [
      service(0), service(1), service(2, { vpc: "other", listenerArn: LISTENER }),
      service(3, { vpc: "other", cloudMapServiceArn: CLOUD_MAP }),
    ], { vpcs: [MAIN_VPC, OTHER_VPC] }));
    assert.deepEqual(plan.problems, []);
    assert.equal(plan.apiKind, "HTTP");
    assert.deepEqual(plan.vpcLinks, [
      { key: "main", version: "v2", vpc: "main", services: ["svc0", "svc1"] },
      { key: "other", version: "v2", vpc: "other", services: ["svc2", "svc3"] },
    ]);
    assert.deepEqual(plan.nlbs, []);
    assert.deepEqual(plan.albs, [{ key: "main", vpc: "main", services: ["svc0", "svc1"], nlbs: [] }]);
    assert.deepEqual(plan.services.map((s) => [s.name, s.vpcLink, s.route, s.rulePriority]), [
      ["svc0", "main", { via: "alb", alb: "main" }, 1],
      ["svc1", "main", { via: "alb", alb: "main" }, 2],
      ["svc2", "other", { via: "listener", listenerArn: LISTENER }, undefined],
      ["svc3", "other", { via: "cloudMap", serviceArn: CLOUD_MAP }, undefined],
    ]);
    assert.equal(plan.apiRoutes, 8);
  });

  it("rest-nlb-per-service: one NLB and one v1 link per service, listener on the service port", () => {
    const plan = planPrivateIntegration(settings("rest-nlb-per-service", [service(0), service(1, { listenerPort: 443 })]));
    assert.deepEqual(plan.vpcLinks, [
      { key: "svc0", version: "v1", vpc: "main", nlb: "svc0", services: ["svc0"] },
      { key: "svc1", version: "v1", vpc: "main", nlb: "svc1", services: ["svc1"] },
    ]);
    assert.deepEqual(plan.nlbs, [
      { key: "svc0", vpc: "main", listeners: [{ port: 8000, target: { kind: "service", service: "svc0" } }] },
      { key: "svc1", vpc: "main", listeners: [{ port: 443, target: { kind: "service", service: "svc1" } }] },
    ]);
    assert.deepEqual(plan.services.map((s) => s.route), [{ via: "nlb", nlb: "svc0", port: 8000 }, { via: "nlb", nlb: "svc1", port: 443 }]);
    assert.equal(plan.apiRoutes, 4);
  });

  it("rest-shared-nlb: one v1 link per NLB, one listener port per service", () => {
    const plan = planPrivateIntegration(settings("rest-shared-nlb", [service(0), service(1), service(2, { nlb: "b", port: 8000 })]));
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.vpcLinks.map((l) => [l.key, l.version, l.version === "v1" ? l.nlb : undefined, l.services]), [["main", "v1", "main", ["svc0", "svc1"]], ["b", "v1", "b", ["svc2"]]]);
    assert.deepEqual(plan.nlbs.map((n) => [n.key, n.listeners.map((l) => l.port)]), [["main", [8000, 8001]], ["b", [8000]]]);
  });

  it("rest-nlb-to-alb: NLB listeners forward to ALBs, which path-route to the services", () => {
    const plan = planPrivateIntegration(settings("rest-nlb-to-alb", [
      service(0), service(1), service(2, { alb: "solo", listenerPort: 8080 }), service(3, { alb: "solo", listenerPort: 8080, nlb: "second" }),
    ]));
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.nlbs, [
      { key: "main", vpc: "main", listeners: [{ port: 80, target: { kind: "alb", alb: "main" } }, { port: 8080, target: { kind: "alb", alb: "solo" } }] },
      { key: "second", vpc: "main", listeners: [{ port: 8080, target: { kind: "alb", alb: "solo" } }] },
    ]);
    assert.deepEqual(plan.albs, [
      { key: "main", vpc: "main", services: ["svc0", "svc1"], nlbs: ["main"] },
      { key: "solo", vpc: "main", services: ["svc2", "svc3"], nlbs: ["main", "second"] },
    ]);
    assert.deepEqual(plan.services.map((s) => [s.vpcLink, s.route, s.rulePriority]), [
      ["main", { via: "nlb-alb", nlb: "main", alb: "main", port: 80 }, 1],
      ["main", { via: "nlb-alb", nlb: "main", alb: "main", port: 80 }, 2],
      ["main", { via: "nlb-alb", nlb: "main", alb: "solo", port: 8080 }, 1],
      ["second", { via: "nlb-alb", nlb: "second", alb: "solo", port: 8080 }, 2],
    ]);
    assert.deepEqual(plan.vpcLinks.map((l) => [l.key, l.version]), [["main", "v1"], ["second", "v1"]]);
  });

  it("rest-vpclink-v2: one v2 link per VPC straight to path-routed ALBs", () => {
    const plan = planPrivateIntegration(settings("rest-vpclink-v2", [service(0), service(1, { alb: "b" })]));
    assert.equal(plan.apiKind, "REST");
    assert.deepEqual(plan.vpcLinks, [{ key: "main", version: "v2", vpc: "main", services: ["svc0", "svc1"] }]);
    assert.deepEqual(plan.albs.map((a) => [a.key, a.services]), [["main", ["svc0"]], ["b", ["svc1"]]]);
    assert.deepEqual(plan.services.map((s) => s.route), [{ via: "alb", alb: "main" }, { via: "alb", alb: "b" }]);
  });

  it("counts shared REST parents once", () => {
    const plan = planPrivateIntegration(settings("rest-vpclink-v2", [service(0, { pathPrefix: "/v1/a" }), service(1, { pathPrefix: "/v1/b" })]));
    assert.equal(plan.apiRoutes, 5); // /v1, /v1/a, /v1/a/{proxy+}, /v1/b, /v1/b/{proxy+}
  });
});

describe("planPrivateIntegration: structural problems", () => {
  const CASES: [string, PrivateTopology, Parameters<typeof settings>[1], [string, string][]][] = [
    ["an NLB spanning two VPCs", "rest-shared-nlb", [service(0), service(1, { vpc: "other" , nlb: "main" })],
      [["services[svc1].nlb", "NLB \"main\" is in VPC \"main\" (service \"svc0\")"]]],
    ["an ALB spanning two VPCs", "http-api", [service(0), service(1, { vpc: "other", alb: "main" })], [["services[svc1].alb", "an ALB lives in one VPC"]]],
    ["a listener port reused by another ALB", "rest-nlb-to-alb", [service(0), service(1, { alb: "b" })], [["services[svc1].port", "port 80 is already a listener of NLB \"main\""]]],
    ["two listener ports for one ALB", "rest-nlb-to-alb", [service(0), service(1, { listenerPort: 81 })], [["services[svc1].listenerPort", "services on one ALB share its listenerPort"]]],
    ["a listener port on an ALB topology", "rest-vpclink-v2", [service(0, { listenerPort: 81 })], [["services[svc0].listenerPort", "used only by topology"]]],
  ];
  for (const [title, topology, list, expected] of CASES) {
    it(`reports ${title}`, () => {
      const plan = planPrivateIntegration(settings(topology, list, { vpcs: [MAIN_VPC, OTHER_VPC] }));
      assert.deepEqual(plan.problems.map((p) => p.field), expected.map(([f]) => f));
      assert.deepEqual(plan.problems.map((p) => p.path.join(".")), expected.map(([f]) => f.replace(/\[svc(\d+)\]/, ".$1")));
      expected.forEach(([, phrase], i) => assert.ok(plan.problems[i].allowed.includes(phrase), plan.problems[i].allowed));
    });
  }
});

describe("planPrivateIntegration: quota edges", () => {
  const withQuotas = (q: Partial<PrivateQuotas>) => ({ quotas: { ...DEFAULT_QUOTAS, ...q } });
  const manyVpcs = (n: number): PrivateVpcSettings[] => Array.from({ length: n }, (_, i) => ({ ...MAIN_VPC, name: `vpc${i}` }));
  // [title, settings at the limit, settings one over, quota, message of the one-over plan]
  const EDGES: [string, () => ReturnType<typeof settings>, () => ReturnType<typeof settings>, keyof PrivateQuotas, string][] = [
    ["20/21 VPC links (v1)",
      () => settings("rest-nlb-per-service", services(20)), () => settings("rest-nlb-per-service", services(21)), "vpcLinksV1",
      "21 services need 21 VPC links (v1) with rest-nlb-per-service, quota is 20; rest-shared-nlb needs 1 VPC link (v1)"],
    ["10/11 VPC links (v2)",
      () => settings("http-api", services(10, (i) => ({ vpc: `vpc${i}` })), { vpcs: manyVpcs(10) }),
      () => settings("http-api", services(11, (i) => ({ vpc: `vpc${i}` })), { vpcs: manyVpcs(11) }), "vpcLinksV2",
      "11 services need 11 VPC links (v2) with http-api, quota is 10; rest-nlb-per-service needs 11 VPC links (v1)"],
    ["50/51 listeners on one NLB",
      () => settings("rest-shared-nlb", services(50)), () => settings("rest-shared-nlb", services(51)), "listenersPerNlb",
      "NLB \"main\" needs 51 listeners with rest-shared-nlb, quota is 50; rest-nlb-to-alb needs 1 listener"],
    ["an ALB behind 2/3 NLBs",
      () => settings("rest-nlb-to-alb", services(2, (i) => ({ nlb: `n${i}` }))), () => settings("rest-nlb-to-alb", services(3, (i) => ({ nlb: `n${i}` }))), "nlbsPerAlb",
      "ALB \"main\" needs 3 NLBs in front with rest-nlb-to-alb, quota is 2; give the services of one ALB fewer distinct nlb values"],
    ["100/101 rules on one ALB",
      () => settings("http-api", services(100)), () => settings("http-api", services(101)), "rulesPerAlb",
      "ALB \"main\" needs 101 listener rules with http-api, quota is 100; no other topology fits; spread the services over more NLBs or ALBs"],
    ["99/100 services on an ALB behind an NLB, whose health rule takes one of the 100 rules",
      () => settings("rest-nlb-to-alb", services(99)), () => settings("rest-nlb-to-alb", services(100)), "rulesPerAlb",
      "ALB \"main\" needs 101 listener rules with rest-nlb-to-alb, quota is 100; rest-vpclink-v2 needs 100 listener rules"],
    ["300/302 REST resources",
      () => settings("rest-vpclink-v2", services(150), withQuotas({ rulesPerAlb: 200 })), () => settings("rest-vpclink-v2", services(151), withQuotas({ rulesPerAlb: 200 })), "restResourcesPerApi",
      "REST API needs 302 resources with rest-vpclink-v2, quota is 300; no other topology fits"],
    ["300/302 HTTP routes",
      () => settings("http-api", services(150, (i) => ({ alb: `a${i % 2}` }))), () => settings("http-api", services(151, (i) => ({ alb: `a${i % 2}` }))), "httpRoutesPerApi",
      "HTTP API needs 302 routes with http-api, quota is 300; no other topology fits"],
  ];
  for (const [title, atLimit, over, quota, message] of EDGES) {
    it(`fits at the limit and names the limit one over: ${title}`, () => {
      const fits = planPrivateIntegration(atLimit());
      assert.deepEqual(fits.problems, []);
      assert.equal(Math.max(...fits.usage.filter((u) => u.quota === quota).map((u) => u.used)), fits.usage.find((u) => u.quota === quota)?.limit);
      const fails = planPrivateIntegration(over());
      assert.deepEqual(fails.problems.map((p) => p.field), [`quotas.${quota}`]);
      assert.ok(fails.problems[0].allowed.startsWith(message), fails.problems[0].allowed);
    });
  }

  it("suggests alternatives for HTTPS services: tlsHostname kept where the alternative reads it, dropped where it would be unused", () => {
    const https = (i: number) => ({ protocol: "HTTPS" as const, tlsHostname: `svc${i}.internal.example.com` });
    const perService = planPrivateIntegration(settings("rest-nlb-per-service", services(21, https)));
    assert.deepEqual(perService.problems.map((p) => p.field), ["quotas.vpcLinksV1"]);
    assert.match(perService.problems[0].allowed, /; rest-shared-nlb needs 1 VPC link \(v1\)$/);
    const shared = planPrivateIntegration(settings("rest-shared-nlb", services(51, https)));
    assert.deepEqual(shared.problems.map((p) => p.field), ["quotas.listenersPerNlb"]);
    assert.match(shared.problems[0].allowed, /; rest-nlb-to-alb needs 1 listener$/);
  });

  it("accepts raised quotas", () => {
    const plan = planPrivateIntegration(settings("rest-nlb-per-service", services(21), withQuotas({ vpcLinksV1: 21 })));
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.usage.find((u) => u.quota === "vpcLinksV1"), { quota: "vpcLinksV1", scope: "region", used: 21, limit: 21 });
  });
});
