import * as assert from "node:assert/strict";
import { describePrivatePlan } from "../../components/private-integration/describePrivatePlan";
import { planPrivateIntegration } from "../../components/private-integration/planPrivateIntegration";
import { services, settings } from "./fixtures";

describe("describePrivatePlan", () => {
  it("prints what is built and the peak use of each quota", () => {
    assert.deepEqual(describePrivatePlan(planPrivateIntegration(settings("rest-shared-nlb", services(3, (i) => (i === 2 ? { nlb: "b" } : {}))))), [
      "private integration: rest-shared-nlb (REST API), 3 services in 1 VPC",
      "  VPC links: 2: main (v1, 2 services), b (v1, 1 service)",
      "  NLBs: 2 with 3 listeners; ALBs: 0; resources: 6",
      "  quotas (peak use of limit):",
      "    VPC links (v1): 2 of 20 (region)",
      "    listeners: 2 of 50 (NLB \"main\")",
      "    resources: 6 of 300 (REST API)",
    ]);
  });

  it("shortens long lists and flags exceeded quotas with the problem", () => {
    const lines = describePrivatePlan(planPrivateIntegration(settings("rest-nlb-per-service", services(21))));
    assert.equal(lines[1], "  VPC links: 21: svc0 (v1, 1 service), svc1 (v1, 1 service), svc2 (v1, 1 service), svc3 (v1, 1 service), svc4 (v1, 1 service), +16 more");
    assert.equal(lines[4], "    VPC links (v1): 21 of 20 (region)  EXCEEDED");
    assert.deepEqual(lines.slice(-2), [
      "  1 problem:",
      "    quotas.vpcLinksV1: 21 services need 21 VPC links (v1) with rest-nlb-per-service, quota is 20; rest-shared-nlb needs 1 VPC link (v1)",
    ]);
  });
});
