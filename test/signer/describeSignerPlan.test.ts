import { strict as assert } from "node:assert";
import { ApiConfig } from "../../components/config/apis";
import { describeSignerPlan } from "../../components/signer/describeSignerPlan";

const created: ApiConfig = { name: "petstore", kind: "REST", stage: "prod", region: "us-east-2", pathPattern: "*", existing: false, throttle: { rateLimit: 1, burstLimit: 1 }, logRetentionDays: 30 };
const orders: ApiConfig = { name: "orders", kind: "REST", stage: "live", region: "eu-west-1", pathPattern: "/orders/*", existing: true, apiId: "a1b2c3d4e5", restrictToSigner: true };

describe("describeSignerPlan", () => {
  it("says nothing without signer-only resource policies", () => {
    assert.deepEqual(describeSignerPlan([created, { ...orders, restrictToSigner: false }]), []);
  });

  it("names each signer-only API and stage, and what a replaced signer role means for it", () => {
    assert.deepEqual(describeSignerPlan([created, orders]), [
      "signer: orders (a1b2c3d4e5, eu-west-1): resource policy REPLACED by one that admits only the signer role on stage live; it takes effect when the API's owners redeploy stage live",
      "signer: the live policy names the signer role. If that role is ever replaced (the signer component renamed or moved without an alias, `pulumi up --replace`, a change of auto-naming, destroy and up), the stack updates the policy but API Gateway keeps the deployed one: every request through the edge gets 403 until the owners redeploy those stages. This plan cannot tell whether an update replaces the role; `pulumi preview` shows it as a replacement of edge-signer-role (REST APIs the stack creates redeploy themselves)",
    ]);
  });
});
