import * as assert from "node:assert/strict";
import { parseStackConfig } from "../../components/config/stackConfig";
import { ConfigError, Problem } from "../../components/shared/validation";
import { SHIELD_OFF } from "../../components/shield/shieldSchema";
import { NOW } from "./fixtures";

const REST = { name: "shop", kind: "REST", stage: "prod", pathPattern: "*" };
const ANTI_DDOS_OFF = { managedRuleGroups: { AWSManagedRulesAntiDDoSRuleSet: false } };

function problemsOf(raw: Record<string, unknown>): Problem[] {
  try {
    parseStackConfig(raw, "eu-west-1", { now: NOW });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return [...error.problems];
  }
  assert.fail("expected a ConfigError");
}

describe("the stack file's shield key", () => {
  it("is off when absent or empty", () => {
    assert.deepEqual(parseStackConfig({ apis: [REST] }, "eu-west-1", { now: NOW }).shield, SHIELD_OFF);
    assert.deepEqual(parseStackConfig({ apis: [REST], shield: null }, "eu-west-1", { now: NOW }).shield, SHIELD_OFF);
  });

  it("reports Shield's problems with the rest of the stack's, named under shield, with a suggestion", () => {
    const problems = problemsOf({ apis: [REST], signerMemoryMb: 64, shield: { enabled: true, protectionGroup: { scpoe: "this-distribution" } } });
    assert.deepEqual(problems.map((p) => [p.field, p.path]), [["signerMemoryMb", ["signerMemoryMb"]], ["shield.protectionGroup.scpoe", ["shield", "protectionGroup", "scpoe"]]]);
    assert.match(problems[1].allowed, /did you mean "scope"\?$/);
  });

  it("gives the WAF Shield's mitigation even while another key is wrong", () => {
    const problems = problemsOf({ apis: [{ ...REST, kind: "SOAP" }], shield: { enabled: true }, waf: ANTI_DDOS_OFF });
    assert.deepEqual(problems.map((p) => p.field), ["apis[shop].kind", "waf.managedRuleGroups.AWSManagedRulesAntiDDoSRuleSet"]);
  });

  it("reads the WAF as without Shield while the shield section itself is wrong, so one mistake gives one problem", () => {
    const problems = problemsOf({ apis: [REST], shield: { enabled: true, subscription: "yes" }, waf: ANTI_DDOS_OFF });
    assert.deepEqual(problems.map((p) => p.field), ["shield.subscription"]);
  });

  it("checks what Shield needs from the WAF on the parsed settings", () => {
    assert.deepEqual(problemsOf({ apis: [REST], waf: { enabled: false }, shield: { enabled: true } }).map((p) => p.field), ["waf.enabled"]);
    assert.deepEqual(problemsOf({ apis: [REST], waf: { enabled: false }, shield: { enabled: true, layer7Mitigation: "none" }, signerMemoryMb: 1 }).map((p) => p.field), ["signerMemoryMb"]);
  });
});
