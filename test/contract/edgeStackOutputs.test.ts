import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { EdgeStackOutputs, readEdgeStack } from "../../components/contract/edgeStackOutputs";
import { installMocks, valueOf } from "../support/mocks";

/**
 * The program's exports, as the engine resolves them, must be the contract: a type-only import (the program does not
 * run) checked at compile time both ways, so an export the contract lacks, or a contract field the program no longer
 * exports or types differently, fails `tsc`.
 */
type Program = typeof import("../../index");
type Exported = { readonly [K in keyof Program]: pulumi.Unwrap<Program[K]> };
const exportsFitTheContract = (outputs: Exported): EdgeStackOutputs => outputs;
const contractKeysAreExported: Record<keyof EdgeStackOutputs, true> = {} as Record<keyof Exported, true>;
void exportsFitTheContract;
void contractKeysAreExported;

/** Every output of the contract: the compiler refuses a missing or unknown key. */
const CONTRACT_KEYS: Record<keyof EdgeStackOutputs, true> = {
  distributionId: true, distributionArn: true, distributionDomainName: true, edgeUrl: true, apis: true, signerRoleArn: true, signerVersionArn: true,
  webAclArn: true, shield: true, privateServices: true, vpcLinks: true, verification: true, monitoring: true,
};

const VERIFICATION = {
  waf: { mode: "enforce", ruleNames: ["rate-limit-probe", "rate-blanket"], knownBad: "waf-403" },
  rateLimitProbe: { headerName: "x-edge-rate-probe", token: "0123456789abcdef0123456789abcdef", limit: 10, windowSec: 60, ruleName: "rate-limit-probe" },
  probes: { petstore: { path: "pets", expectStatus: 200 } },
};
const MONITORING = { dashboardName: "edge-security-prod-edge", topicArns: { "us-east-1": "arn:aws:sns:us-east-1:123456789012:t" }, canaryName: "prod-edge-ad7b" };

describe("the outputs contract (readEdgeStack)", () => {
  it("is what the README's outputs table lists, output by output", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("| output | value |"), readme.indexOf("The types are in `components/contract/edgeStackOutputs.ts`"));
    const listed = table.split("\n").filter((l) => l.startsWith("| `")).flatMap((l) => [...l.split("|")[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    assert.deepEqual(listed.sort(), Object.keys(CONTRACT_KEYS).sort());
  });


  function reference(outputs: Record<string, unknown>): pulumi.StackReference {
    pulumi.runtime.setMocks({
      newResource: (args) => ({ id: args.inputs.name, state: { name: args.inputs.name, outputs, secretOutputNames: [] } }),
      call: (args) => { throw new Error(`unexpected invoke ${args.token}`); },
    }, "app", "dev");
    return new pulumi.StackReference("acme/edge-security/prod");
  }
  after(() => installMocks());

  it("returns the verification and monitoring outputs typed, when the edge stack has them", async () => {
    const edge = readEdgeStack(reference({ distributionId: "E1", verification: VERIFICATION, monitoring: MONITORING }));
    assert.deepEqual(await valueOf(edge.verification), VERIFICATION);
    assert.deepEqual(await valueOf(edge.monitoring), MONITORING);
    const waf = edge.verification.apply((v) => v?.waf?.ruleNames.length);
    assert.equal(await valueOf(waf), 2);
  });

  it("leaves them undefined for an edge stack from before they existed, as for the other optional outputs", async () => {
    const edge = readEdgeStack(reference({ distributionId: "E1" }));
    assert.deepEqual([await valueOf(edge.verification), await valueOf(edge.monitoring), await valueOf(edge.webAclArn)], [undefined, undefined, undefined]);
    assert.equal(await valueOf(edge.distributionId), "E1");
  });
});
