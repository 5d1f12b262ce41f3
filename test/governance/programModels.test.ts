import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError } from "../../components/shared/validation";
import { planCentralPolicy } from "../../governance/components/centralPolicy";
import { parseGovernanceConfig } from "../../governance/components/config";
import { describeGovernancePlan } from "../../governance/components/describeGovernancePlan";
import { GOVERNANCE_PROJECT, HELP, main } from "../../governance/plan";
import { ProgramRun, runProgram } from "../../scripts/plan/runProgram";
import { installMocks, settle } from "../support/mocks";

const FMS_POLICY = "aws:fms/policy:Policy";
const RULE_GROUP = "aws:wafv2/ruleGroup:RuleGroup";
const CONFIG_RULE = "aws:cfg/organizationManagedRule:OrganizationManagedRule";

const run = (stack: string, edit?: (config: Record<string, string>) => void) => runProgram(stack, edit, installMocks(GOVERNANCE_PROJECT.name, stack), GOVERNANCE_PROJECT);
const data = (r: ProgramRun, name: string) => JSON.parse(r.recorder.one(FMS_POLICY, name).inputs.securityServicePolicyData.managedServiceData);

describe("governance program (governance/index.ts): the models, invalid stacks, npm run plan:governance", function () {
  this.timeout(60_000);

  describe("models", () => {
    it("centralized: Firewall Manager's own web ACL replaces the accounts' (no retrofit)", async () => {
      const centralized = await run("dev", (c) => (c["edge-governance:model"] = "centralized"));
      const msd = data(centralized, "edge-governance-dev-waf");
      assert.deepEqual([msd.webACLSource, msd.overrideCustomerWebACLAssociation], [null, true]);
      assert.equal(centralized.outputs.model, "centralized");
      const notes = describeGovernancePlan(parseGovernanceConfig(centralized.config), planCentralPolicy(parseGovernanceConfig(centralized.config).waf!));
      assert.ok(notes.includes("  Note: no first group has bodySize, and the stacks in scope have no web ACL of their own: bodies over 16 KB reach the managed groups half-read (padding hides a payload)"), notes.join("\n"));
      const prod = parseGovernanceConfig((await run("prod", (c) => (c["edge-governance:model"] = "centralized"))).config);
      const prodNotes = describeGovernancePlan(prod, planCentralPolicy(prod.waf!));
      assert.ok(!prodNotes.some((l) => l.includes("Note:")), "prod's denylist runs bodySize first");
    });

    it("distributed: no WAF policy and no rule groups; the Shield policy and Config rules stay", async () => {
      const distributed = await run("dev", (c) => {
        c["edge-governance:model"] = "distributed";
        delete c["edge-governance:waf"];
      });
      assert.deepEqual(distributed.recorder.ofType(FMS_POLICY).map((r) => r.name), ["edge-governance-dev-shield"]);
      assert.deepEqual(distributed.recorder.ofType(RULE_GROUP), []);
      assert.deepEqual([distributed.outputs.centralWcu, distributed.outputs.firstRuleGroups, distributed.outputs.wafPolicyId], [0, [], undefined]);
      assert.equal(distributed.recorder.ofType(CONFIG_RULE).length, 4);
    });

    it("without Shield: no Shield policy, no auto-renew rule, and the contract says none", async () => {
      const noShield = await run("dev", (c) => (c["edge-governance:shield"] = JSON.stringify({ enabled: false })));
      assert.deepEqual(noShield.recorder.ofType(FMS_POLICY).map((r) => r.name), ["edge-governance-dev-waf"]);
      assert.equal(noShield.outputs.shieldAutomaticResponse, "none");
      assert.ok(!noShield.recorder.ofType(CONFIG_RULE).some((r) => r.inputs.ruleIdentifier === "SHIELD_ADVANCED_ENABLED_AUTORENEW"));
    });
  });

  it("creates nothing when the config is invalid, and names every problem", async () => {
    const recorder = installMocks(GOVERNANCE_PROJECT.name, "dev");
    await assert.rejects(
      runProgram("dev", (c) => {
        c["edge-governance:model"] = "hybird";
        c["edge-governance:scope"] = JSON.stringify({ orgUnits: ["ou-x"] });
      }, recorder, GOVERNANCE_PROJECT),
      (error: unknown) => error instanceof ConfigError && error.problems.map((p) => p.field).join() === "model,scope.orgUnits[0]",
    );
    await settle();
    assert.deepEqual(recorder.resources, []);
  });

  describe("npm run plan:governance", () => {
    const invalidStack = `invalid-${process.pid}`;
    const invalidFile = path.join(GOVERNANCE_PROJECT.dir, `Pulumi.${invalidStack}.yaml`);
    before(() => fs.writeFileSync(invalidFile, "config:\n  edge-governance:model: hybrid\n  edge-governance:waf:\n    logging: { destinationArn: arn:aws:logs:us-east-1:111122223333:log-group:x }\n"));
    after(() => fs.rmSync(invalidFile, { force: true }));
    async function plan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, stdout: out.join("\n"), stderr: err.join("\n") };
    }

    it("prints the central policy with its WCU and what the edge stacks write", async () => {
      const { code, stdout } = await plan("--stack", "prod");
      assert.equal(code, 0);
      assert.match(stdout, /\n {2}last {2}backstop +custom +70 WCU\n {2}total 999 WCU, kept free in every web ACL in scope\n/);
      assert.match(stdout, /Edge stacks in scope set edge-security:governance to \{"model":"hybrid","central":\{"wcu":999,/);
    });

    it("prints every problem of an invalid stack with its position and exits 1", async () => {
      const { code, stderr } = await plan("--stack", invalidStack);
      assert.equal(code, 1);
      assert.match(stderr, /Pulumi\.invalid-\d+\.yaml: Invalid edge-governance configuration: 1 problem\n {2}Pulumi\.invalid-\d+\.yaml:4:32 waf\.logging\.destinationArn: got "arn:aws:logs:/);
    });

    it("exits 1 naming a missing stack file, 2 with the usage for an unknown option, 0 with --help", async () => {
      const missing = await plan("--stack", "nosuch");
      assert.deepEqual([missing.code, /Pulumi\.nosuch\.yaml/.test(missing.stderr)], [1, true]);
      const wrong = await plan("--stak", "prod");
      assert.deepEqual([wrong.code, wrong.stderr.includes("usage: npm run plan:governance")], [2, true]);
      const help = await plan("--help");
      assert.deepEqual([help.code, help.stdout], [0, HELP]);
    });
  });
});
