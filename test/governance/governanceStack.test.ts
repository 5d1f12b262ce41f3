import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { centralPolicyFor, EdgeProtection, GovernanceDriftError, GovernanceInput, GovernanceStackOutputs } from "../../components";
import type { WafInput } from "../../components/waf/types";
import { planModel } from "../../scripts/plan/model";
import { main } from "../../scripts/plan";
import { PROJECT_DIR, runProgram } from "../../scripts/plan/runProgram";
import { installMocks, settle, valueOf } from "../support/mocks";
import { DEV_GOVERNANCE_OUTPUTS } from "./fixtures";

const STACK_REFERENCE = "pulumi:pulumi:StackReference";
const DEV_STACK = "acme/edge-governance/dev";
const CENTRAL = centralPolicyFor(DEV_GOVERNANCE_OUTPUTS, DEV_STACK);
const ORIGINS = [{ name: "api", kind: "HTTP" as const, apiId: "a1b2c3d4e5", stage: "$default", region: "eu-west-1", pathPattern: "*" }];

/**
 * Runs `body` with the process's unhandled rejections captured rather than failing the run: how a Pulumi
 * program fails when a resource's dependency rejects (the engine reports them and fails the update).
 */
async function rejectionsDuring(body: () => Promise<void>): Promise<unknown[]> {
  const saved = process.listeners("unhandledRejection");
  const seen: unknown[] = [];
  const capture = (reason: unknown) => seen.push(reason);
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", capture);
  try {
    await body();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.removeListener("unhandledRejection", capture);
    for (const listener of saved) process.on("unhandledRejection", listener);
  }
  return seen;
}

/** EdgeProtection under `governance`, with the check's outcome, what was registered and what was rejected. */
async function edgeUnder(governance: GovernanceInput, waf: WafInput = { mode: "count" }) {
  const recorder = installMocks("edge-security", "dev");
  let outcome: { outputs?: GovernanceStackOutputs; error?: unknown } = {};
  const rejections = await rejectionsDuring(async () => {
    const edge = new EdgeProtection("edge", { origins: ORIGINS, waf, governance });
    assert.ok(edge.governanceStack, "the stack is read when central.stack names it");
    outcome = await valueOf(edge.governanceStack).then((outputs) => ({ outputs }), (error: unknown) => ({ error }));
  });
  return { recorder, outcome, rejections };
}

describe("governance.central.stack: the governance stack read through a StackReference and compared at deploy time", function () {
  this.timeout(60_000);

  it("reads the named stack and goes on when it agrees with governance.central", async () => {
    const { recorder, outcome, rejections } = await edgeUnder({ model: "hybrid", central: CENTRAL });
    assert.deepEqual(rejections, []);
    assert.deepEqual(outcome.outputs, DEV_GOVERNANCE_OUTPUTS);
    assert.deepEqual(recorder.ofType(STACK_REFERENCE).map((r) => [r.name, r.inputs.name]), [["edge-governance", DEV_STACK]]);
    assert.equal(recorder.ofType("aws:cloudfront/distribution:Distribution").length, 1);
  });

  it("fails naming every field that differs (wcu, the group list), registering nothing of the edge", async () => {
    const central = { ...CENTRAL, wcu: 900, managedRuleGroups: ["AWSManagedRulesCommonRuleSet"] };
    const { recorder, outcome, rejections } = await edgeUnder({ model: "hybrid", central });
    assert.ok(outcome.error instanceof GovernanceDriftError, String(outcome.error));
    assert.deepEqual(outcome.error.drift, [
      "governance.central.wcu is 900 but the governance stack's centralWcu is 927",
      'governance.central.managedRuleGroups is ["AWSManagedRulesCommonRuleSet"] but the governance stack\'s managed first and last rule groups is ["AWSManagedRulesAmazonIpReputationList","AWSManagedRulesCommonRuleSet","AWSManagedRulesKnownBadInputsRuleSet"]',
    ]);
    assert.equal(outcome.error.message.split("\n")[0], `governance.central differs from the governance stack ${DEV_STACK} (2 differences); copy what its plan prints (npm run plan:governance), or centralPolicyFor(its outputs):`);
    assert.ok(rejections.length > 0 && rejections.every((r) => r === outcome.error), "the update fails with that error");
    assert.deepEqual(recorder.resources.map((r) => r.type).filter((t) => t !== STACK_REFERENCE && !t.startsWith("edge-security:edge:EdgeProtection")), []);
  });

  it("fails on the model and the Shield response too, and names a stack the mock runtime does not know", async () => {
    const { outcome } = await edgeUnder({ model: "centralized", central: { ...CENTRAL, shieldAutomaticResponse: "BLOCK" } }, { enabled: false });
    assert.ok(outcome.error instanceof GovernanceDriftError);
    assert.deepEqual(outcome.error.drift.map((d) => d.split(" is ")[0]), ["governance.model", "governance.central.shieldAutomaticResponse"]);
    const unknown = await edgeUnder({ model: "hybrid", central: { ...CENTRAL, stack: "acme/edge-governance/staging" } });
    assert.match(String(unknown.outcome.error), /cannot read stack acme\/edge-governance\/staging: it answers <org>\/edge-governance\/dev, <org>\/edge-governance\/prod/);
  });

  it("makes npm run plan exit 1 with the differences, as pulumi preview fails", async () => {
    const stack = `drift-${process.pid}`;
    const file = path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`);
    const governance = { model: "hybrid", central: { ...CENTRAL, wcu: 900 } };
    fs.writeFileSync(file, `config:\n  aws:region: eu-west-1\n  edge-security:apis: [{ name: shop, kind: REST, stage: prod }]\n  edge-security:governance: ${JSON.stringify(governance)}\n`);
    try {
      const err: string[] = [];
      const code = await main(["--stack", stack], { out: () => undefined, err: (t) => err.push(t), env: {}, tty: false });
      assert.equal(code, 1);
      assert.match(err.join("\n"), /^governance\.central differs from the governance stack acme\/edge-governance\/dev \(1 difference\)[^\n]*\n {2}governance\.central\.wcu is 900 but the governance stack's centralWcu is 927$/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("reads no stack without central.stack", async () => {
    const recorder = installMocks("edge-security", "dev");
    const { stack: _stack, ...copied } = CENTRAL;
    const edge = new EdgeProtection("edge", { origins: ORIGINS, waf: { mode: "count" }, governance: { model: "hybrid", central: copied } });
    await settle();
    assert.deepEqual([edge.governanceStack, recorder.ofType(STACK_REFERENCE)], [undefined, []]);
  });

  it("the edge program (index.ts) checks it too, and its offline plan runs against the governance plan's outputs", async () => {
    const recorder = installMocks("edge-security", "dev");
    const run = await runProgram("dev", (c) => (c["edge-security:governance"] = JSON.stringify({ model: "hybrid", central: CENTRAL })), recorder);
    assert.deepEqual(recorder.ofType(STACK_REFERENCE).map((r) => r.inputs.name), [DEV_STACK]);
    assert.ok(typeof run.outputs.distributionId === "string");
    assert.ok(planModel("dev", run, new Date("2026-12-01T00:00:00Z")).notes.some((l) => l.startsWith("Governance: hybrid;")));
  });
});
