import assert from "node:assert/strict";
import { DescribeProtectionCommand, GetSubscriptionStateCommand, ShieldClient } from "@aws-sdk/client-shield";
import { mockClient } from "aws-sdk-client-mock";
import { checkShield } from "../../scripts/verify/shieldCheck";
import { DISTRIBUTION_ARN, HEALTH_CHECK_ID, VERIFICATION, isolated } from "./fixtures";

const error = (name: string, message = name) => Object.assign(new Error(message), { name });

describe("verify: Shield", () => {
  const client = isolated(new ShieldClient({ region: "us-east-1" }));
  const shield = mockClient(client);
  afterEach(() => shield.reset());

  it("passes an active subscription and the distribution's protection with its automatic response and health check", async () => {
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: "ACTIVE" });
    shield.on(DescribeProtectionCommand, { ResourceArn: DISTRIBUTION_ARN }).resolves({
      Protection: { Id: "p-1", ResourceArn: DISTRIBUTION_ARN, HealthCheckIds: [HEALTH_CHECK_ID], ApplicationLayerAutomaticResponseConfiguration: { Status: "ENABLED", Action: { Count: {} } } },
    });
    assert.deepEqual(await checkShield(client, DISTRIBUTION_ARN, VERIFICATION.shield!, HEALTH_CHECK_ID), [
      { name: "shield subscription", status: "pass", evidence: "SubscriptionState ACTIVE" },
      { name: "shield protection", status: "pass", evidence: `p-1 on ${DISTRIBUTION_ARN}; automatic response COUNT; health checks [${HEALTH_CHECK_ID}]` },
    ]);
  });

  it("fails an inactive subscription, a missing protection, a different action or a missing health check", async () => {
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: "INACTIVE" });
    shield.on(DescribeProtectionCommand).rejects(error("ResourceNotFoundException"));
    assert.deepEqual((await checkShield(client, DISTRIBUTION_ARN, VERIFICATION.shield!, HEALTH_CHECK_ID)).map((r) => r.evidence), [
      "SubscriptionState INACTIVE: the account is not subscribed to Shield Advanced",
      `no protection for ${DISTRIBUTION_ARN}`,
    ]);
    shield.on(DescribeProtectionCommand).resolves({ Protection: { Id: "p-1", HealthCheckIds: [], ApplicationLayerAutomaticResponseConfiguration: { Status: "ENABLED", Action: { Block: {} } } } });
    const [, protection] = await checkShield(client, DISTRIBUTION_ARN, VERIFICATION.shield!, HEALTH_CHECK_ID);
    assert.equal(protection.evidence, `automatic response BLOCK, expected COUNT; health checks [], expected the stack's ${HEALTH_CHECK_ID} (p-1 on ${DISTRIBUTION_ARN}; automatic response BLOCK; health checks [])`);
  });
});
