import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EDGE_SECURITY_POLICIES } from "../../policy/policies";
import { runProgram } from "../../scripts/plan/runProgram";
import { installMocks } from "../support/mocks";
import { centralPolicyFor } from "../../components/governance";
import { DEV_GOVERNANCE_OUTPUTS } from "../governance/fixtures";
import { runPolicies, Violation } from "./support/policyHarness";
import { captureRegistrations, Registration } from "./support/registrations";

/** The registrations of the edge program's stack (its config changed by `edit`), as the engine receives them. */
async function registrationsOf(stack: string, edit?: (config: Record<string, string>) => void): Promise<Registration[]> {
  const recorder = installMocks("edge-security", stack);
  const registrations = captureRegistrations();
  await runProgram(stack, edit, recorder);
  return registrations;
}

/** A pack configuration file of policy/, as `--policy-pack-config` gives it (enforcement levels aside, which the harness does not apply). */
function packConfig(file: string): Record<string, object> {
  const config: Record<string, { enforcementLevel?: string }> = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "policy", file), "utf8"));
  return Object.fromEntries(Object.entries(config).map(([policy, { enforcementLevel: _level, ...settings }]) => [policy, settings]));
}

/** The prod stack under a governance model: Shield left to Firewall Manager's policy, the central groups out of its waf section. */
function governedProd(model: "hybrid" | "centralized") {
  return (config: Record<string, string>) => {
    config["edge-security:governance"] = JSON.stringify({ model, central: centralPolicyFor(DEV_GOVERNANCE_OUTPUTS) });
    config["edge-security:shield"] = JSON.stringify({ enabled: false });
    if (model === "centralized") {
      delete config["edge-security:waf"];
      // The probe is a rule of the stack's own web ACL, which a centralized stack has not.
      const monitoring = JSON.parse(config["edge-security:monitoring"]);
      delete monitoring.rateLimitProbe;
      config["edge-security:monitoring"] = JSON.stringify(monitoring);
      return;
    }
    const waf = JSON.parse(config["edge-security:waf"]);
    delete waf.managedRuleGroups.AWSManagedRulesCommonRuleSet;
    config["edge-security:waf"] = JSON.stringify(waf);
  };
}

/** The stack with one resource's inputs and outputs changed. */
function changed(registrations: readonly Registration[], type: string, name: string, change: (props: Record<string, unknown>) => Record<string, unknown>): Registration[] {
  assert.ok(registrations.some((r) => r.type === type && r.name === name), `no ${type} ${name}`);
  return registrations.map((r) => (r.type === type && r.name === name ? { ...r, inputs: change(r.inputs), outputs: change(r.outputs) } : r));
}

const messages = (violations: readonly Violation[]) => violations.map((v) => `${v.policy}: ${v.message}`);

describe("policy pack over the edge stacks (under mocks)", function () {
  this.timeout(60_000);
  const stacks: Record<string, Registration[]> = {};
  before(async () => {
    for (const stack of ["dev", "prod"]) stacks[stack] = await registrationsOf(stack);
  });

  for (const stack of ["dev", "prod"]) {
    it(`finds no violation in the ${stack} stack`, async () => {
      assert.ok(stacks[stack].length > 40, `only ${stacks[stack].length} registrations`);
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, stacks[stack])), []);
    });
  }

  it("names each policy once, each with its exemptions in the engine's configuration schema", () => {
    const names = EDGE_SECURITY_POLICIES.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
    for (const policy of EDGE_SECURITY_POLICIES) {
      assert.deepEqual(policy.configSchema?.properties.exemptions, {
        default: [],
        type: "array",
        items: { type: "object", properties: { resource: { type: "string" }, reason: { type: "string" } }, required: ["resource", "reason"], additionalProperties: {} },
      }, policy.name);
      assert.doesNotMatch(JSON.stringify(policy.configSchema), /"pattern"/, `${policy.name}: the engine's Go validator gets no JavaScript patterns`);
    }
  });

  it("centralized.json: the dev stack, read as centralized, is told to ignore webAclId", async () => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "policy", "centralized.json"), "utf8"));
    assert.equal(config["distribution-web-acl"].enforcementLevel, "advisory");
    assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, stacks.dev, packConfig("centralized.json"))), [
      "distribution-web-acl: under the centralized model the distribution must ignore changes to webAclId, or an update removes the web ACL Firewall Manager attached",
    ]);
  });

  describe("the prod stack under the governance models", () => {
    it("hybrid (hybrid.json): the app's web ACL with its rate rules and redacted logs, Shield through the scope tag", async () => {
      const hybrid = await registrationsOf("prod", governedProd("hybrid"));
      assert.ok(!hybrid.some((r) => r.type === "aws:shield/protection:Protection"));
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, hybrid, packConfig("hybrid.json"))), []);
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, hybrid)), [
        "prod-distributions-shield-advanced: production distribution edge-cdn has no Shield Advanced protection (shield.enabled, or the Firewall Manager Shield policy's scope tag)",
      ], "without the scope tag in the pack's config, Firewall Manager's protection is not seen");
    });

    it("centralized (centralized.json): no web ACL in the program, which the advisory note says, and webAclId left to Firewall Manager", async () => {
      const centralized = await registrationsOf("prod", governedProd("centralized"));
      assert.ok(!centralized.some((r) => r.type === "aws:wafv2/webAcl:WebAcl"));
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, centralized, packConfig("centralized.json"))), [
        "distribution-web-acl: no web ACL in the program: under the centralized model Firewall Manager attaches it; check the organization's cloudfront-associated-with-waf Config rule",
      ]);
    });
  });

  describe("sees what the stack registers: one change each is found", () => {
    it("an HTTP route of the pet store without AWS_IAM (its API read through apiId)", async () => {
      const dev = changed(stacks.dev, "aws:apigatewayv2/route:Route", "apis-petstore-http-get-pets", (p) => ({ ...p, authorizationType: "NONE" }));
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, dev)), [
        'api-routes-aws-iam: HTTP route "GET /pets" uses authorizationType "NONE"; it must require AWS_IAM so that only the edge\'s signed requests get through',
      ]);
    });

    it("the signer with a 60 s timeout (found through the distribution's behaviours)", async () => {
      const dev = changed(stacks.dev, "aws:lambda/function:Function", "edge-signer-fn", (p) => ({ ...p, timeout: 60 }));
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, dev)), ["edge-functions: edge function edge-signer-fn: timeout 60 s (allowed: at most 30)"]);
    });

    it("WAF logs that keep the cookie", async () => {
      const dev = changed(stacks.dev, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "edge-waf-edge-security-dev-logging", (p) => ({
        ...p,
        redactedFields: (p.redactedFields as { singleHeader: { name: string } }[]).filter((f) => f.singleHeader.name !== "cookie"),
      }));
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, dev)), ["web-acl-rate-limit-and-redacted-logging: web ACL edge-waf-edge-security-dev logs without redacting cookie"]);
    });

    it("a wildcard added to the signer's invoke rights", async () => {
      const dev = changed(stacks.dev, "aws:iam/rolePolicy:RolePolicy", "edge-signer-policy", (p) => {
        const document = JSON.parse(String(p.policy));
        document.Statement[0].Resource.push("arn:aws:execute-api:eu-west-1:123456789012:*/*");
        return { ...p, policy: JSON.stringify(document) };
      });
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, dev)), [
        'signer-invoke-only: policy edge-signer-policy of edge role edge-signer-role: execute-api:Invoke on "arn:aws:execute-api:eu-west-1:123456789012:*/*", which is not a concrete stage ARN',
      ]);
    });

    it("the production distribution without its Shield protection", async () => {
      const prod = stacks.prod.filter((r) => r.type !== "aws:shield/protection:Protection");
      assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, prod)), [
        "prod-distributions-shield-advanced: production distribution edge-cdn has no Shield Advanced protection (shield.enabled, or the Firewall Manager Shield policy's scope tag)",
      ]);
    });
  });
});
