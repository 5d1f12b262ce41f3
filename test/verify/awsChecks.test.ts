import assert from "node:assert/strict";
import { CloudFrontClient, GetDistributionCommand } from "@aws-sdk/client-cloudfront";
import { GetWebACLCommand, WAFV2Client } from "@aws-sdk/client-wafv2";
import { mockClient } from "aws-sdk-client-mock";
import { backoffMs, waitForDeployed, webAclAttached } from "../../scripts/verify/distributionCheck";
import { VerifyError } from "../../scripts/verify/report";
import { checkWebAcl, webAclRef } from "../../scripts/verify/webAclCheck";
import { PROBE, VERIFICATION, WEB_ACL_ARN, deployedWebAcl, isolated } from "./fixtures";

const error = (name: string, message = name) => Object.assign(new Error(message), { name });

/** A clock that only moves when slept. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return { sleeps, clock: { now: () => now, sleep: async (ms: number) => { sleeps.push(ms); now += ms; } } };
}

describe("verify: distribution", () => {
  const client = isolated(new CloudFrontClient({ region: "us-east-1" }));
  const cf = mockClient(client);
  afterEach(() => cf.reset());

  it("polls with backoff, printing progress, until Deployed", async () => {
    cf.on(GetDistributionCommand, { Id: "E2EXAMPLE" })
      .resolvesOnce({ Distribution: { Status: "InProgress" } as never })
      .resolvesOnce({ Distribution: { Status: "InProgress" } as never })
      .resolves({ Distribution: { Status: "Deployed", DistributionConfig: { WebACLId: WEB_ACL_ARN } } as never });
    const { clock, sleeps } = fakeClock();
    const lines: string[] = [];
    const { result, distribution } = await waitForDeployed(client, "E2EXAMPLE", 900, clock, (l) => lines.push(l));
    assert.deepEqual(result, { name: "distribution deployed", status: "pass", evidence: "E2EXAMPLE Status Deployed (after 3 polls, 15 s)" });
    assert.deepEqual(sleeps, [5000, 10000]);
    assert.deepEqual(lines, [
      "... distribution E2EXAMPLE: InProgress (0 s of 900 s), next look in 5 s",
      "... distribution E2EXAMPLE: InProgress (5 s of 900 s), next look in 10 s",
    ]);
    assert.deepEqual(webAclAttached(distribution, WEB_ACL_ARN), { name: "web ACL attached", status: "pass", evidence: `WebACLId ${WEB_ACL_ARN}` });
    assert.deepEqual([0, 1, 2, 3, 9].map(backoffMs), [5000, 10000, 20000, 30000, 30000]);
  });

  it("fails within --timeout instead of sleeping past it", async () => {
    cf.on(GetDistributionCommand).resolves({ Distribution: { Status: "InProgress" } as never });
    const { clock, sleeps } = fakeClock();
    const { result } = await waitForDeployed(client, "E2EXAMPLE", 60, clock, () => undefined);
    assert.equal(result.status, "fail");
    assert.match(result.evidence, /^E2EXAMPLE Status InProgress after 35 s \(--timeout 60\)/);
    assert.equal(sleeps.reduce((a, b) => a + b, 0), 35_000);
  });

  it("names the permission a refused call needs, and stops the run with one line without credentials", async () => {
    cf.on(GetDistributionCommand).rejects(error("AccessDenied", "User is not authorized"));
    const { result } = await waitForDeployed(client, "E2EXAMPLE", 60, fakeClock().clock, () => undefined);
    assert.deepEqual(result.evidence, "cloudfront:GetDistribution was refused (AccessDenied): the identity needs cloudfront:GetDistribution");
    cf.on(GetDistributionCommand).rejects(error("CredentialsProviderError", "Could not load credentials from any providers"));
    await assert.rejects(waitForDeployed(client, "E2EXAMPLE", 60, fakeClock().clock, () => undefined), (e: unknown) => e instanceof VerifyError && /^no AWS credentials/.test(e.message));
  });

  it("compares WebACLId with the stack's web ACL, and with none when WAF is off", () => {
    const with_ = (id: string) => ({ DistributionConfig: { WebACLId: id } }) as never;
    assert.equal(webAclAttached(with_("arn:other"), WEB_ACL_ARN).evidence, `WebACLId arn:other, expected ${WEB_ACL_ARN}`);
    assert.equal(webAclAttached(with_(""), WEB_ACL_ARN).evidence, `WebACLId (none), expected ${WEB_ACL_ARN}`);
    assert.deepEqual(webAclAttached(with_(""), undefined), { name: "web ACL attached", status: "pass", evidence: "the stack has no web ACL and none is attached" });
    assert.equal(webAclAttached(undefined, WEB_ACL_ARN).status, "fail");
  });

  it("under centralized governance, passes any web ACL Firewall Manager associated and fails none", () => {
    const with_ = (id: string) => ({ DistributionConfig: { WebACLId: id } }) as never;
    assert.deepEqual(webAclAttached(with_("arn:fms"), undefined, "firewall-manager"), { name: "web ACL attached", status: "pass", evidence: "WebACLId arn:fms, associated by Firewall Manager (centralized governance)" });
    assert.equal(webAclAttached(with_(""), undefined, "firewall-manager").status, "fail");
  });
});

describe("verify: web ACL", () => {
  const client = isolated(new WAFV2Client({ region: "us-east-1" }));
  const waf = mockClient(client);
  afterEach(() => waf.reset());

  it("reads it by the name and id of its ARN, in scope CLOUDFRONT, and finds the configured rules, Shield's group and the JSON 429", async () => {
    waf.on(GetWebACLCommand, { Name: "edge-waf-edge-security-prod", Id: "a1b2c3d4-1111-2222-3333-444455556666", Scope: "CLOUDFRONT" }).resolves({ WebACL: deployedWebAcl() });
    const [rules, response] = await checkWebAcl(client, WEB_ACL_ARN, VERIFICATION);
    assert.deepEqual(rules, { name: "web ACL rules", status: "pass", evidence: `${VERIFICATION.waf!.ruleNames.length} rules as configured + ShieldMitigationRuleGroup_123456789012_5f4e_abcd` });
    assert.deepEqual(response, { name: "web ACL 429 response", status: "pass", evidence: 'body {"message":"Too Many Requests"} (APPLICATION_JSON); 4 of 4 rate rules answer 429 with Retry-After' });
    assert.deepEqual(webAclRef(WEB_ACL_ARN), { name: "edge-waf-edge-security-prod", id: "a1b2c3d4-1111-2222-3333-444455556666" });
  });

  it("names missing and unconfigured rules, and a missing Shield group when the automatic response is on", async () => {
    const acl = deployedWebAcl();
    const rules = acl.Rules!.filter((r) => r.Name !== "rate-blanket" && !r.Name!.startsWith("Shield"));
    rules.push({ ...rules[0], Name: "added-by-hand", Priority: 5 });
    waf.on(GetWebACLCommand).resolves({ WebACL: { ...acl, Rules: rules } });
    const [result] = await checkWebAcl(client, WEB_ACL_ARN, VERIFICATION);
    assert.deepEqual(result, {
      name: "web ACL rules", status: "fail",
      evidence: "missing rate-blanket; not in the config added-by-hand; no ShieldMitigationRuleGroup_* although Shield's automatic response is on",
    });
  });

  it("fails the 429 check for a wrong body or a rate rule that blocks without the 429, and in count rollout for rate rules that block", async () => {
    waf.on(GetWebACLCommand).resolves({ WebACL: deployedWebAcl({ CustomResponseBodies: { "rate-limited": { ContentType: "TEXT_PLAIN", Content: "slow down" } } }) });
    assert.match((await checkWebAcl(client, WEB_ACL_ARN, VERIFICATION))[1].evidence, /^custom response body "rate-limited" is TEXT_PLAIN slow down, expected APPLICATION_JSON/);
    const acl = deployedWebAcl();
    const blanket = acl.Rules!.find((r) => r.Name === "rate-blanket")!;
    blanket.Action = { Block: {} };
    waf.on(GetWebACLCommand).resolves({ WebACL: acl });
    assert.equal((await checkWebAcl(client, WEB_ACL_ARN, VERIFICATION))[1].evidence, "rate rules that neither count nor answer 429 with Retry-After: rate-blanket");
    const counting = { ...VERIFICATION, waf: { ...VERIFICATION.waf!, mode: "count" as const } };
    waf.on(GetWebACLCommand).resolves({ WebACL: deployedWebAcl() });
    assert.equal((await checkWebAcl(client, WEB_ACL_ARN, counting))[1].evidence, "count rollout, but these rate rules block: rate-uri-pets-post, rate-blanket, rate-ip-reputation");
    assert.ok(PROBE.ruleName === "rate-limit-probe");
  });

  it("skips what does not apply: no web ACL, or one the stack does not manage", async () => {
    assert.deepEqual((await checkWebAcl(client, undefined, VERIFICATION)).map((r) => r.status), ["skip", "skip"]);
    waf.on(GetWebACLCommand).resolves({ WebACL: deployedWebAcl() });
    const [rules] = await checkWebAcl(client, WEB_ACL_ARN, { probes: {} });
    assert.deepEqual(rules, { name: "web ACL rules", status: "skip", evidence: `${deployedWebAcl().Rules!.length} rules; the stack reuses a web ACL it does not manage, or exports no verification output` });
  });
});
