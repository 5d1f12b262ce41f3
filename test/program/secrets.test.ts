import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { planModel } from "../../scripts/plan/model";
import { PROJECT_DIR, runProgram } from "../../scripts/plan/runProgram";

/** A stack whose Shield contacts are Pulumi secrets (ciphertext the offline plan cannot decrypt). */
const STACK = `secrets-${process.pid}`;
const FILE = path.join(PROJECT_DIR, `Pulumi.${STACK}.yaml`);
const TEXT = `config:
  aws:region: eu-west-1
  edge-security:apis:
    - { name: shop, kind: REST, stage: prod }
  edge-security:shield:
    enabled: true
    notifications:
      emails:
        - secure: v1:AAAAAAAAAAAAAAAA:ciphertext-of-an-email
    proactiveEngagement:
      enabled: true
      contacts:
        - email: { secure: "v1:BBBBBBBBBBBBBBBB:ciphertext-of-an-email" }
          phone: { secure: "v1:CCCCCCCCCCCCCCCC:ciphertext-of-a-phone" }
`;

describe("a stack with secrets, in the offline plan", function () {
  this.timeout(60_000);
  before(() => fs.writeFileSync(FILE, TEXT));
  after(() => fs.rmSync(FILE, { force: true }));

  it("runs (each secret stands in as its field's example), keeps the keys secret and shows no value in clear", async () => {
    const run = await runProgram(STACK);
    assert.deepEqual(run.stackFile.secretKeys, ["edge-security:shield"]);
    const model = planModel(STACK, run);
    const text = JSON.stringify(model);
    assert.doesNotMatch(text, /ciphertext|secops@example\.com|\+14155550100/);
    const subscription = model.resources.find((r) => r.type === "aws:sns/topicSubscription:TopicSubscription");
    assert.equal((subscription?.inputs as Record<string, unknown>).endpoint, "[secret]");
    const engagement = model.resources.find((r) => r.type === "aws:shield/proactiveEngagement:ProactiveEngagement");
    assert.equal((engagement?.inputs as Record<string, unknown>).emergencyContacts, "[secret]");
  });
});
