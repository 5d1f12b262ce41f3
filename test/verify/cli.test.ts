/** The command as a user runs it: arguments, outputs and credentials problems end in one line and exit 2. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseVerifyArgs } from "../../scripts/verify/args";
import { loadOutputs } from "../../scripts/verify/outputs";
import { VerifyError } from "../../scripts/verify/report";

const ROOT = join(__dirname, "..", "..");
const OUTPUTS = {
  distributionId: "E1",
  distributionArn: "arn:aws:cloudfront::123456789012:distribution/E1",
  distributionDomainName: "d1.cloudfront.net",
  edgeUrl: "https://d1.cloudfront.net",
  apis: { petstore: { kind: "REST", apiId: "a1", stage: "dev", region: "eu-west-1", edgeUrl: "https://d1.cloudfront.net/", directUrl: "https://a1.execute-api.eu-west-1.amazonaws.com/dev/" } },
  signerRoleArn: "arn:aws:iam::123456789012:role/r",
  signerVersionArn: "arn:aws:lambda:us-east-1:123456789012:function:f:1",
};

/** No credentials anywhere, and no instance metadata lookups (the sandbox has no network). */
function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", PATH: "/usr/bin:/bin" };
  for (const key of ["AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"]) delete env[key];
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/verify.ts"), ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }));
  });
}

describe("verify: the command", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "verify-cli-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("without credentials, the Pulumi CLI or outputs, or with bad arguments: one line on stderr each, nothing on stdout, exit 2", async () => {
    const file = join(dir, "outputs.json");
    writeFileSync(file, JSON.stringify(OUTPUTS));
    const results = await Promise.all([
      run(["--outputs", file]), run(["--stack", "prod"]), run(["--outputs", join(dir, "none.json")]), run(["--stack", "prod", "--timeout", "soon"]), run([]),
    ]);
    assert.deepEqual(results.map((r) => r.stdout), ["", "", "", "", ""]);
    assert.deepEqual(results.map((r) => [r.status, r.stderr]), [
      [2, "verify: no AWS credentials: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) for the stack's account; verify only reads\n"],
      [2, "verify: the Pulumi CLI is not installed: pass --outputs <file> written by `pulumi stack output --json --show-secrets=false`\n"],
      [2, `verify: cannot read --outputs ${join(dir, "none.json")}: no such file\n`],
      [2, 'verify: --timeout "soon": allowed: a whole number from 1 to 7200\n'],
      [2, "verify: --stack <name> or --outputs <file.json> is required (see --help)\n"],
    ]);
  });
});

describe("verify: arguments and outputs", () => {
  it("parses the options with their defaults and refuses unknown ones", () => {
    assert.deepEqual(parseVerifyArgs(["--stack", "prod", "--json", "--rate-limit-probe"]), {
      stack: "prod", json: true, timeoutSec: 900, rateLimitProbe: true, probeTimeoutSec: 300, probeMaxRequests: 200, help: false,
    });
    assert.throws(() => parseVerifyArgs(["--stak", "prod"]), (e: unknown) => e instanceof VerifyError && /Unknown option '--stak'/.test(e.message));
    assert.throws(() => parseVerifyArgs(["--stack", "a b"]), /--stack "a b": allowed: a stack name/);
    assert.throws(() => parseVerifyArgs(["--outputs", "o.json", "--probe-requests", "5"]), /--probe-requests "5": allowed: a whole number from 11 to 2000/);
  });

  it("runs pulumi stack output without secrets, and names the outputs it misses", async () => {
    const calls: string[][] = [];
    const outputs = await loadOutputs({ stack: "prod" }, { pulumi: async (args) => { calls.push([...args]); return JSON.stringify(OUTPUTS); } });
    assert.deepEqual(calls, [["stack", "output", "--json", "--show-secrets=false", "--stack", "prod"]]);
    assert.equal(outputs.apis.petstore.directUrl, OUTPUTS.apis.petstore.directUrl);
    await assert.rejects(loadOutputs({ outputsFile: "x" }, { readText: async () => JSON.stringify({ ...OUTPUTS, apis: { petstore: { kind: "SOAP" } } }) }),
      /the stack outputs lack or misstate apis\.petstore\.kind, apis\.petstore\.apiId, apis\.petstore\.stage, apis\.petstore\.region, apis\.petstore\.edgeUrl, apis\.petstore\.directUrl/);
    await assert.rejects(loadOutputs({ outputsFile: "x" }, { readText: async () => "not json" }), /are not JSON/);
  });
});
