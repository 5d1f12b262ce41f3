import assert from "node:assert/strict";
import { CloudFrontClient, GetDistributionCommand } from "@aws-sdk/client-cloudfront";
import { DescribeProtectionCommand, GetSubscriptionStateCommand, ShieldClient } from "@aws-sdk/client-shield";
import { GetWebACLCommand, WAFV2Client } from "@aws-sdk/client-wafv2";
import { mockClient } from "aws-sdk-client-mock";
import { probe } from "../../edge-functions/canary/src/probe";
import { KNOWN_BAD_HEADER } from "../../scripts/verify/httpChecks";
import { CheckResult, exitCodeOf, formatJson, formatLine, formatSummary, VerifyError } from "../../scripts/verify/report";
import { runVerify, VerifyDependencies } from "../../scripts/verify/runVerify";
import { API_GATEWAY_HEADERS, LocalServer, startServer } from "../monitoring/support/localServers";
import { DISTRIBUTION_ARN, HEALTH_CHECK_ID, WEB_ACL_ARN, deployedWebAcl, isolated, outputs } from "./fixtures";

const OPTIONS = { timeoutSec: 900, rateLimitProbe: false, probeTimeoutSec: 300, probeMaxRequests: 200 };

describe("verify: the whole run against mocked AWS and local servers", () => {
  const clients = {
    cloudfront: isolated(new CloudFrontClient({ region: "us-east-1" })),
    wafv2: isolated(new WAFV2Client({ region: "us-east-1" })),
    shield: isolated(new ShieldClient({ region: "us-east-1" })),
  };
  const cf = mockClient(clients.cloudfront);
  const waf = mockClient(clients.wafv2);
  const shield = mockClient(clients.shield);
  let edge: LocalServer;
  let direct: LocalServer;
  beforeEach(async () => {
    [edge, direct] = await Promise.all([startServer(), startServer()]);
    cf.on(GetDistributionCommand).resolves({ Distribution: { Status: "Deployed", DistributionConfig: { WebACLId: WEB_ACL_ARN } } as never });
    waf.on(GetWebACLCommand).resolves({ WebACL: deployedWebAcl() });
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: "ACTIVE" });
    shield.on(DescribeProtectionCommand).resolves({ Protection: { Id: "p-1", HealthCheckIds: [HEALTH_CHECK_ID], ApplicationLayerAutomaticResponseConfiguration: { Status: "ENABLED", Action: { Count: {} } } } });
    edge.route("/pets", (req) => (req.headers[KNOWN_BAD_HEADER] ? { status: 403, body: "<HTML>403 ERROR</HTML>" } : { status: 200, headers: API_GATEWAY_HEADERS, body: "[]" }));
    edge.route("/ws", { status: 101, upgrade: true });
    direct.route("/prod/pets", { status: 403, headers: API_GATEWAY_HEADERS, body: JSON.stringify({ message: "Missing Authentication Token" }) });
    direct.route("/prod", { status: 403, headers: API_GATEWAY_HEADERS });
  });
  afterEach(async () => {
    cf.reset(); waf.reset(); shield.reset();
    await Promise.all([edge.close(), direct.close()]);
  });

  const stack = () => outputs(`${edge.url}/`, `${direct.url}/prod/`, `${edge.url.replace("http", "ws")}/ws`, `${direct.url.replace("http", "ws")}/prod`);
  const deps = (extra: Partial<VerifyDependencies> = {}): VerifyDependencies => ({
    ...clients,
    credentials: async () => ({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" }),
    request: probe,
    clock: { now: () => 0, sleep: async () => undefined },
    progress: () => undefined,
    ...extra,
  });

  it("prints one line per check with its evidence and exits 0 when every check passed", async () => {
    const reported: CheckResult[] = [];
    const results = await runVerify(stack(), OPTIONS, deps({ report: (r) => reported.push(r) }));
    assert.deepEqual(results.map((r) => `${r.status} ${r.name}`), [
      "pass distribution deployed", "pass web ACL attached", "pass web ACL rules", "pass web ACL 429 response",
      "pass shield subscription", "pass shield protection",
      "pass api petstore through the edge", "pass api petstore direct", "pass api ws through the edge", "pass api ws direct",
      "pass known-bad input",
    ]);
    assert.deepEqual(reported, results);
    assert.equal(exitCodeOf(results), 0);
    assert.equal(formatSummary(results), "11 passed, 0 failed, 0 skipped");
    assert.equal(formatLine(results[1]), `PASS  web ACL attached: WebACLId ${WEB_ACL_ARN}`);
    assert.deepEqual(JSON.parse(formatJson("prod", results)), { stack: "prod", ok: true, checks: results });
    assert.equal(cf.commandCalls(GetDistributionCommand)[0].args[0].input.Id, "E2EXAMPLE");
    assert.equal(shield.commandCalls(DescribeProtectionCommand)[0].args[0].input.ResourceArn, DISTRIBUTION_ARN);
  });

  it("exits 1 when any check fails, and still runs the others", async () => {
    direct.route("/prod/pets", { status: 200, headers: API_GATEWAY_HEADERS });
    const results = await runVerify(stack(), OPTIONS, deps());
    assert.deepEqual(results.filter((r) => r.status === "fail").map((r) => r.name), ["api petstore direct"]);
    assert.equal(exitCodeOf(results), 1);
    assert.equal(results.length, 11);
  });

  it("runs the rate-limit probe only when asked", async () => {
    const results = await runVerify(stack(), { ...OPTIONS, rateLimitProbe: true, probeMaxRequests: 11 }, deps());
    assert.deepEqual(results.at(-1), { name: "rate limit 429", status: "fail", evidence: results.at(-1)!.evidence });
    assert.match(results.at(-1)!.evidence, /^no 429 after 11 requests/);
  });

  it("stops before any check with one line when there are no credentials", async () => {
    const noCredentials = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    await assert.rejects(runVerify(stack(), OPTIONS, deps({ credentials: async () => { throw noCredentials; } })), (e: unknown) =>
      e instanceof VerifyError && e.exitCode === 2 && !e.message.includes("\n") && e.message.startsWith("no AWS credentials: set AWS_PROFILE"));
    assert.equal(cf.commandCalls(GetDistributionCommand).length, 0);
    assert.equal(edge.seen.length, 0);
  });
});
