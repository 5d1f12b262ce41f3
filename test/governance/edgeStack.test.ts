import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { centralPolicyFor, EdgeProtection, GovernanceInput } from "../../components";
import { ConfigError } from "../../components/shared/validation";
import { formatConfigError } from "../../scripts/plan/formatProblems";
import { planModel } from "../../scripts/plan/model";
import { PROJECT_DIR, ProgramRun, runProgram } from "../../scripts/plan/runProgram";
import { loadStackFile } from "../../scripts/plan/stackFiles";
import { captureRegistrations, Registration } from "../policy/support/registrations";
import { installMocks, settle } from "../support/mocks";
import { DEV_GOVERNANCE_OUTPUTS } from "./fixtures";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const CENTRAL = centralPolicyFor(DEV_GOVERNANCE_OUTPUTS);
const SCOPE_TAG = { "edge-security:firewall-manager": "in-scope" };

/** The dev stack under `governance` (and its `waf` key replaced, or removed with null), with what it registers. */
async function devUnder(governance: GovernanceInput, waf?: unknown): Promise<{ run: ProgramRun; registrations: Registration[] }> {
  const recorder = installMocks("edge-security", "dev");
  const registrations = captureRegistrations();
  const run = await runProgram("dev", (c) => {
    c["edge-security:governance"] = JSON.stringify(governance);
    if (waf === null) delete c["edge-security:waf"];
    else if (waf !== undefined) c["edge-security:waf"] = JSON.stringify(waf);
  }, recorder);
  return { run, registrations };
}

describe("governance.model wired into the edge stack (index.ts under mocks)", function () {
  this.timeout(60_000);

  it("distributed (no governance key): the dev stack as before, untagged and without ignored properties", async () => {
    const recorder = installMocks("edge-security", "dev");
    const registrations = captureRegistrations();
    const run = await runProgram("dev", undefined, recorder);
    const cdn = registrations.find((r) => r.type === DISTRIBUTION)!;
    assert.deepEqual([cdn.inputs.tags, cdn.ignoreChanges], [{ environment: "dev", "edge-security:stack": "dev" }, []]);
    assert.ok(typeof run.outputs.webAclArn === "string");
  });

  describe("hybrid", () => {
    let hybrid: { run: ProgramRun; registrations: Registration[] };
    before(async () => {
      hybrid = await devUnder({ model: "hybrid", central: CENTRAL });
    });

    it("tags the distribution into the policies' scope and keeps its web ACL association", () => {
      const cdn = hybrid.registrations.find((r) => r.type === DISTRIBUTION)!;
      assert.deepEqual(cdn.inputs.tags, { environment: "dev", "edge-security:stack": "dev", ...SCOPE_TAG });
      assert.deepEqual(cdn.ignoreChanges, []);
      assert.equal(cdn.inputs.webAclId, hybrid.run.outputs.webAclArn);
      assert.deepEqual(hybrid.run.recorder.one(WEB_ACL, "edge-waf-edge-security-dev").inputs.tags, { environment: "dev", "edge-security:stack": "dev" }, "only the distribution is in scope");
    });

    it("builds the web ACL with the app's rules only, counting as the dev stack does", () => {
      const acl = hybrid.run.recorder.one(WEB_ACL, "edge-waf-edge-security-dev").inputs;
      assert.deepEqual(acl.rules.map((r: { name: string; action?: object }) => [r.name, r.action]), [["body-too-large", { count: {} }], ["rate-blanket", { count: {} }]]);
    });

    it("tells verify that Firewall Manager runs Known Bad Inputs, so its check is skipped, not failed", () => {
      assert.equal((hybrid.run.outputs.verification as { waf: { knownBad: string } }).waf.knownBad, "firewall-manager");
    });

    it("says in the plan what Firewall Manager owns, and budgets the central groups", () => {
      const model = planModel("dev", hybrid.run, new Date("2026-12-01T00:00:00Z"));
      const notes = model.notes;
      const at = notes.findIndex((l) => l.startsWith("Governance:"));
      assert.deepEqual(notes.slice(at, at + 4), [
        "Governance: hybrid; Firewall Manager inserts the security team's first and last rule groups into this web ACL, which keeps 1077 WCU free for them (927 + 150 for Shield's automatic-response group); tagged edge-security:firewall-manager=in-scope",
        "  run by Firewall Manager, not in this web ACL: AWSManagedRulesAmazonIpReputationList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet",
        "  rateLimits.ipReputation off: the reputation groups whose labels it rate-limits run centrally",
        "  Shield Advanced: Firewall Manager's policy, automatic response COUNT",
      ]);
      assert.ok(model.waf.summary.includes("  total 3 WCU + reserve 1077 (for rule groups Shield or Firewall Manager insert) = 1080 of limit 1500"), notes.join("\n"));
    });
  });

  describe("centralized", () => {
    let centralized: { run: ProgramRun; registrations: Registration[] };
    before(async () => {
      centralized = await devUnder({ model: "centralized", central: CENTRAL }, null);
    });

    it("creates no web ACL; the distribution, tagged into scope, leaves webAclId to Firewall Manager", () => {
      assert.deepEqual(centralized.run.recorder.ofType(WEB_ACL), []);
      const cdn = centralized.registrations.find((r) => r.type === DISTRIBUTION)!;
      assert.deepEqual([cdn.inputs.webAclId, cdn.ignoreChanges, cdn.inputs.tags], [undefined, ["webAclId"], { environment: "dev", "edge-security:stack": "dev", ...SCOPE_TAG }]);
      assert.equal(centralized.run.outputs.webAclArn, undefined);
      assert.equal((centralized.run.outputs.verification as { webAclOwner?: string }).webAclOwner, "firewall-manager", "verify expects Firewall Manager's web ACL");
    });

    it("says so in the plan", () => {
      const { notes } = planModel("dev", centralized.run, new Date("2026-12-01T00:00:00Z"));
      assert.ok(notes.includes("Governance: centralized; no web ACL of the stack's own: Firewall Manager associates the security team's, and the distribution ignores changes to webAclId; tagged edge-security:firewall-manager=in-scope"));
    });

    it("refuses the dev stack's own waf section, creating nothing", async () => {
      await assert.rejects(devUnder({ model: "centralized", central: CENTRAL }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => [p.field, p.value]), [["waf", { mode: "count" }]]);
        return true;
      });
    });
  });

  describe("problems with their file positions", () => {
    const stack = `governance-invalid-${process.pid}`;
    const file = path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`);
    before(() => fs.writeFileSync(file, [
      "config:",
      "  aws:region: eu-west-1",
      "  edge-security:apis:",
      "    - { name: shop, kind: REST, stage: prod, pathPattern: \"*\" }",
      "  edge-security:waf:",
      "    managedRuleGroups:",
      "      AWSManagedRulesCommonRuleSet: true",
      "  edge-security:governance:",
      "    model: hybrid",
      "    central:",
      `      wcu: ${CENTRAL.wcu}`,
      `      managedRuleGroups: [${CENTRAL.managedRuleGroups.join(", ")}]`,
      "      scopeTag: { key: \"edge-security:firewall-manager\", value: in-scope }",
      "      shieldAutomaticResponse: COUNT",
      "  edge-security:shield:",
      "    enabled: true",
      "",
    ].join("\n")));
    after(() => fs.rmSync(file, { force: true }));

    it("names the central group the waf section turns on and the stack's own Shield, each where it is written", async () => {
      const recorder = installMocks("edge-security", stack);
      const error = await runProgram(stack, undefined, recorder).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ConfigError, String(error));
      const lines = formatConfigError(error, loadStackFile(PROJECT_DIR, stack)).split("\n").map((l) => l.replace(/: got .*?; /, ": "));
      assert.deepEqual(lines.slice(1), [
        `  Pulumi.${stack}.yaml:7:37 waf.managedRuleGroups.AWSManagedRulesCommonRuleSet: allowed: false under governance.model hybrid: the security team's Firewall Manager policy runs this group (governance.central.managedRuleGroups), so this web ACL would run it twice`,
        `  Pulumi.${stack}.yaml:16:14 shield.enabled: false: the security team's Firewall Manager Shield Advanced policy protects the distribution and runs its automatic response`,
      ]);
      await settle();
      assert.deepEqual(recorder.resources, []);
    });
  });

  it("EdgeProtection reads a library user's waf and shield under the model before creating anything", async () => {
    const recorder = installMocks("edge-security", "dev");
    const origins = [{ name: "api", kind: "HTTP" as const, apiId: "a1b2c3d4e5", stage: "$default", region: "eu-west-1", pathPattern: "*" }];
    assert.throws(() => new EdgeProtection("edge", { origins, waf: { mode: "count" }, governance: { model: "centralized", central: CENTRAL } }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.map((p) => [p.field, p.value, p.allowed]), [
        ["waf", { mode: "count" }, "nothing (or enabled: false) under governance.model centralized: the security team's Firewall Manager policy owns the web ACL"],
      ]);
      return true;
    });
    assert.throws(() => new EdgeProtection("edge", { origins, waf: { enabled: false }, shield: { enabled: true }, governance: { model: "hybrid", central: CENTRAL } }), (error: unknown) =>
      error instanceof ConfigError && error.problems.map((p) => p.field).join() === "waf.enabled,shield.enabled");
    await settle();
    assert.deepEqual(recorder.resources, []);
  });

  it("EdgeProtection under hybrid builds the web ACL the stack file's waf key gives, central groups off and their WCU reserved", async () => {
    const recorder = installMocks("edge-security", "dev");
    const origins = [{ name: "api", kind: "HTTP" as const, apiId: "a1b2c3d4e5", stage: "$default", region: "eu-west-1", pathPattern: "*" }];
    const edge = new EdgeProtection("edge", { origins, waf: { mode: "count" }, governance: { model: "hybrid", central: CENTRAL } });
    await settle();
    assert.equal(edge.wafSettings.kind, "managed");
    assert.deepEqual(edge.wafSettings.kind === "managed" && [edge.wafSettings.managedRuleGroups, edge.wafSettings.capacity.reserve], [[], CENTRAL.wcu + 150]);
    const acl = recorder.one(WEB_ACL, "edge-waf-edge-security-dev").inputs;
    assert.deepEqual(acl.rules.map((r: { name: string }) => r.name), ["body-too-large", "rate-blanket"]);
  });
});
