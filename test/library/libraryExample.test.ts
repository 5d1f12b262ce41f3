/** The README's library example is examples/library/index.ts, and that program builds the edge it says it does. */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installMocks, settle } from "../support/mocks";

const ROOT = join(__dirname, "..", "..");
const EXAMPLE = join(ROOT, "examples", "library", "index.ts");

describe("the library example (README: Use the components from your own program)", function () {
  this.timeout(60_000);

  it("is in the README as it is in examples/library/index.ts", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Use the components from your own program"));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    assert.equal(block, readFileSync(EXAMPLE, "utf8"));
  });

  it("runs under Pulumi mocks: the API admits only the signer, the web ACL counts, the distribution runs the signer", async () => {
    const recorder = installMocks("library-example", "dev");
    delete require.cache[require.resolve(EXAMPLE)];
    const program = require(EXAMPLE) as { distributionId: unknown; apiUrls: unknown };
    await settle();
    const policy = JSON.parse(recorder.one("aws:apigateway/restApiPolicy:RestApiPolicy", "apis-shop-signer-only").inputs.policy);
    assert.deepEqual(policy.Statement.map((s: { Effect: string }) => s.Effect), ["Allow", "Deny"]);
    const acl = recorder.one("aws:wafv2/webAcl:WebAcl", "edge-waf-library-example-dev").inputs;
    assert.ok(acl.rules.some((r: { name: string; action?: object }) => r.name === "rate-blanket" && JSON.stringify(r.action) === '{"count":{}}'));
    const cdn = recorder.ofType("aws:cloudfront/distribution:Distribution")[0].inputs;
    assert.equal(cdn.defaultCacheBehavior.lambdaFunctionAssociations[0].eventType, "origin-request");
    assert.ok(program.distributionId && program.apiUrls);
  });
});
