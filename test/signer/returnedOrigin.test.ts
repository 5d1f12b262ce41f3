/**
 * What the signer returns to CloudFront, for every origin the dev and prod stacks create: the program runs
 * under mocks, the distribution's origins become origin-request events, and the signer bundle the stack
 * would deploy (the Lambda function's recorded code) handles them. Each result must be signed and its
 * origin must meet the Lambda@Edge constraints for a returned custom origin; the config refuses timeouts
 * the signer could not return.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { ORIGIN_KEEPALIVE_TIMEOUT, ORIGIN_READ_TIMEOUT, distributionSchema } from "../../components/config/distribution";
import { problemsFrom } from "../../components/shared/schema/problems";
import { programRun } from "../program/programRuns";
import { CREDENTIALS_ENV, originRequestEvent } from "../edge-functions/support/events";
import { eventOriginOf, returnedOriginProblems, type DistributionOriginInputs } from "../edge-functions/support/returnedOrigin";

type Handler = (event: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>;

describe("what the signer returns, for every origin of the dev and prod stacks", function () {
  this.timeout(120_000);
  let dir: string;
  const savedEnv = { ...process.env };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "signer-returned-"));
    Object.assign(process.env, CREDENTIALS_ENV);
  });
  after(() => {
    for (const key of Object.keys(CREDENTIALS_ENV)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const stack of ["dev", "prod"] as const) {
    it(`${stack}: every behaviour's request is signed, and the returned origin is the distribution's, path emptied, within the documented limits`, async () => {
      const run = await programRun(stack);
      const cdn = run.recorder.one("aws:cloudfront/distribution:Distribution", "edge-cdn").inputs;
      const fn = run.recorder.ofType("aws:lambda/function:Function").find((f) => f.inputs.region === "us-east-1" && f.name === "edge-signer-fn")!;
      const file = join(dir, `${stack}.js`);
      writeFileSync(file, await (await fn.inputs.code.assets)["index.js"].text);
      const { handler } = (await import(pathToFileURL(file).href)) as { handler: Handler };

      const origins = new Map<string, DistributionOriginInputs>(cdn.origins.map((o: DistributionOriginInputs) => [o.originId, o]));
      const behaviours: { pathPattern: string; targetOriginId: string }[] = [{ pathPattern: "*", targetOriginId: cdn.defaultCacheBehavior.targetOriginId }, ...cdn.orderedCacheBehaviors];
      assert.equal(new Set(behaviours.map((b) => b.targetOriginId)).size, origins.size, "every origin has a behaviour");
      for (const { pathPattern, targetOriginId } of behaviours) {
        const custom = eventOriginOf(origins.get(targetOriginId)!);
        const uri = pathPattern === "*" ? "/pets" : pathPattern.replace(/\/\*$/, "/pets");
        const event = originRequestEvent({ uri, domainName: custom.domainName });
        event.Records[0].cf.request.origin = { custom };
        const result = (await handler(event)) as CloudFrontRequest;
        assert.ok(!("status" in result), `${stack} ${pathPattern}: ${JSON.stringify(result)}`);
        assert.deepEqual(result.origin, { custom: { ...custom, path: "" } }, `${stack} ${pathPattern}`);
        assert.deepEqual(returnedOriginProblems(result.origin!.custom!), [], `${stack} ${pathPattern}`);
        assert.ok(result.uri.startsWith(`${custom.path}/`) || result.uri === custom.path, `${stack} ${pathPattern}: ${result.uri}`);
      }
    });
  }

  it("the checker refuses what CloudFront refuses (it can fail)", () => {
    const custom = eventOriginOf({
      originId: "x", domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", originPath: "/prod",
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: 30, originKeepaliveTimeout: 5 },
    });
    assert.deepEqual(returnedOriginProblems(custom), []);
    assert.deepEqual(returnedOriginProblems({ ...custom, readTimeout: 3, keepaliveTimeout: 61, path: "/prod/", port: 1023, domainName: "10.0.0.1" }).map((p) => p.split(" ")[0]), ["domainName", "path", "port", "readTimeout", "keepaliveTimeout"]);
    assert.deepEqual(returnedOriginProblems({ ...custom, readTimeout: 61 }), ["readTimeout 61: 4-60 seconds"]);
  });

  it("the config accepts exactly the timeouts the signer can return, and says why", () => {
    const problemsOf = (raw: Record<string, unknown>) => {
      const result = distributionSchema.safeParse(raw);
      return result.success ? [] : problemsFrom(result.error.issues, raw);
    };
    const problemsFor = (raw: Record<string, unknown>) => problemsOf(raw).map((p) => [p.field, p.value]);
    assert.deepEqual([ORIGIN_READ_TIMEOUT, ORIGIN_KEEPALIVE_TIMEOUT], [{ min: 4, max: 60 }, { min: 1, max: 60 }]);
    for (const [read, keepalive] of [[4, 1], [60, 60], [30, 5]]) assert.deepEqual(problemsFor({ originReadTimeout: read, originKeepaliveTimeout: keepalive }), []);
    assert.deepEqual(problemsFor({ originReadTimeout: 3, originKeepaliveTimeout: 0 }), [["originReadTimeout", 3], ["originKeepaliveTimeout", 0]]);
    assert.deepEqual(problemsFor({ originReadTimeout: 61, originKeepaliveTimeout: 61 }), [["originReadTimeout", 61], ["originKeepaliveTimeout", 61]]);
    assert.match(problemsOf({ originReadTimeout: 120 })[0].allowed, /from 4 to 60 \(the Lambda@Edge limits for the origin the signer returns: https:\/\/docs\.aws\.amazon\.com\/AmazonCloudFront\/latest\/DeveloperGuide\/lambda-event-structure\.html\)/);
  });
});
