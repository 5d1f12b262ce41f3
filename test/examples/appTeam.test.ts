import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { EdgeStackOutputs } from "../../components/contract/edgeStackOutputs";
import { settle, valueOf } from "../support/mocks";

const EDGE: EdgeStackOutputs = {
  distributionId: "E123",
  distributionArn: "arn:aws:cloudfront::123456789012:distribution/E123",
  distributionDomainName: "d1.cloudfront.net",
  edgeUrl: "https://d1.cloudfront.net",
  apis: { "petstore-rest": { kind: "REST", apiId: "abcdefghij", stage: "dev", region: "eu-west-1", edgeUrl: "https://d1.cloudfront.net/", directUrl: "https://abcdefghij.execute-api.eu-west-1.amazonaws.com/dev/" } },
  signerRoleArn: "arn:aws:iam::123456789012:role/signer",
  signerVersionArn: "arn:aws:lambda:us-east-1:123456789012:function:signer:3",
};

describe("examples/app-team", () => {
  const created: { type: string; inputs: Record<string, any> }[] = [];
  let program: Record<string, pulumi.Output<unknown>>;

  async function load(apiName: string) {
    created.length = 0;
    pulumi.runtime.setMocks({
      newResource: (args) => {
        created.push({ type: args.type, inputs: args.inputs });
        if (args.type === "pulumi:pulumi:StackReference") return { id: args.inputs.name, state: { name: args.inputs.name, outputs: EDGE, secretOutputNames: [] } };
        return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${args.name}` } };
      },
      call: (args) => {
        throw new Error(`unexpected invoke ${args.token}`);
      },
    }, "app-team-example", "dev");
    pulumi.runtime.setAllConfig({ "app-team-example:edgeStack": "acme/edge-security/dev", "app-team-example:apiName": apiName });
    const file = require.resolve(path.join(__dirname, "..", "..", "examples", "app-team", "index.ts"));
    delete require.cache[file];
    program = require(file);
  }

  it("reads the contract through a StackReference and alarms on the edge in us-east-1", async () => {
    await load("petstore-rest");
    assert.equal(await valueOf(program.apiUrl), "https://d1.cloudfront.net/");
    assert.equal(await valueOf(program.signerRoleArn), EDGE.signerRoleArn);
    await valueOf(program.edgeErrorsAlarm);
    await settle();
    const ref = created.find((r) => r.type === "pulumi:pulumi:StackReference");
    assert.equal(ref?.inputs.name, "acme/edge-security/dev");
    const alarm = created.find((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")!.inputs;
    assert.equal(alarm.region, "us-east-1");
    assert.deepEqual(alarm.dimensions, { DistributionId: "E123", Region: "Global" });
  });

  it("fails loudly on an API name the edge does not front", async () => {
    await load("nope");
    await assert.rejects(
      new Promise((resolve, reject) => {
        const onRejection = (error: unknown) => reject(error);
        process.once("unhandledRejection", onRejection);
        program.apiUrl.apply(resolve);
        setTimeout(() => {
          process.off("unhandledRejection", onRejection);
          resolve(undefined);
        }, 500);
      }),
      /fronts no API named "nope"; it fronts: petstore-rest/,
    );
  });
});
