import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EDGE_SECURITY_POLICIES } from "../../policy/policies";
import { runProgram } from "../../scripts/plan/runProgram";
import { installMocks } from "../support/mocks";
import { runPolicies, Violation } from "./support/policyHarness";
import { captureRegistrations, Registration } from "./support/registrations";

/** The registrations of the edge program's stack, as the engine receives them. */
async function registrationsOf(stack: string): Promise<Registration[]> {
  const recorder = installMocks("edge-security", stack);
  const registrations = captureRegistrations();
  await runProgram(stack, undefined, recorder);
  return registrations;
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
    const { enforcementLevel: _level, ...settings } = config["distribution-web-acl"];
    assert.deepEqual(messages(await runPolicies(EDGE_SECURITY_POLICIES, stacks.dev, { "distribution-web-acl": settings })), [
      "distribution-web-acl: under the centralized model the distribution must ignore changes to webAclId, or an update removes the web ACL Firewall Manager attached",
    ]);
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
