import { strict as assert } from "node:assert";
import { EdgeStackOutputs } from "../../components/contract/edgeStackOutputs";
import { settle, valueOf } from "../support/mocks";
import { loadExample } from "./loadExample";

const EDGE: EdgeStackOutputs = {
  distributionId: "E123",
  distributionArn: "arn:aws:cloudfront::123456789012:distribution/E123",
  distributionDomainName: "d1.cloudfront.net",
  edgeUrl: "https://d1.cloudfront.net",
  apis: { "petstore-rest": { kind: "REST", apiId: "abcdefghij", stage: "dev", region: "eu-west-1", edgeUrl: "https://d1.cloudfront.net/", directUrl: "https://abcdefghij.execute-api.eu-west-1.amazonaws.com/dev/" } },
  signerRoleArn: "arn:aws:iam::123456789012:role/signer",
  signerVersionArn: "arn:aws:lambda:us-east-1:123456789012:function:signer:3",
};

const run = (apiName: string) => loadExample("app-team", "app-team-example", { edgeStack: "acme/edge-security/dev", apiName }, EDGE);

describe("examples/app-team", () => {
  it("reads the contract through a StackReference and alarms on the edge in us-east-1", async () => {
    const { created, program } = run("petstore-rest");
    assert.equal(await valueOf(program.apiUrl), "https://d1.cloudfront.net/");
    assert.equal(await valueOf(program.signerRoleArn), EDGE.signerRoleArn);
    await valueOf(program.edgeErrorsAlarm);
    await settle();
    assert.equal(created.find((r) => r.type === "pulumi:pulumi:StackReference")?.inputs.name, "acme/edge-security/dev");
    const alarm = created.find((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")!.inputs;
    assert.equal(alarm.region, "us-east-1");
    assert.deepEqual(alarm.dimensions, { DistributionId: "E123", Region: "Global" });
  });

  it("fails loudly on an API name the edge does not front", async () => {
    const { program } = run("nope");
    await assert.rejects(valueOf(program.apiUrl), /fronts no API named "nope"; it fronts: petstore-rest/);
  });
});
