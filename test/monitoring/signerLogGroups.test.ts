import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { functionNameOf, SignerLogGroups, signerLogGroupName } from "../../components/monitoring/signerLogGroups";
import { REGIONAL_EDGE_CACHE_REGIONS } from "../../components/monitoring/edgeRegions";
import { parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { MockRecorder, installMocks, valueOf } from "../support/mocks";

const VERSION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:edge-signer-fn-7f3a2b1:3";

describe("SignerLogGroups", () => {
  let mocks: MockRecorder;
  before(() => { mocks = installMocks(); });
  beforeEach(() => mocks.reset());

  it("reads the function name from a version or function ARN, and refuses anything else", () => {
    assert.equal(functionNameOf(VERSION_ARN), "edge-signer-fn-7f3a2b1");
    assert.equal(functionNameOf("arn:aws:lambda:us-east-1:123456789012:function:f"), "f");
    assert.throws(() => functionNameOf("arn:aws:iam::123456789012:role/f"), /not a Lambda function ARN/);
    assert.equal(signerLogGroupName("f"), "/aws/lambda/us-east-1.f");
  });

  it("creates /aws/lambda/us-east-1.<function> with the retention in each regional edge cache Region", async () => {
    const { signerLogs } = parseMonitoringConfig({});
    const registered: pulumi.Resource[] = [];
    const groups = new SignerLogGroups("signer-logs", { signerVersionArn: VERSION_ARN, ...signerLogs, tags: { team: "edge" } },
      { transformations: [({ resource }) => { registered.push(resource); return undefined; }] });
    await Promise.all([groups, ...registered].map((r) => valueOf(r.urn)));
    const created = mocks.ofType("aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual(created.map((r) => r.name), REGIONAL_EDGE_CACHE_REGIONS.map((r) => `signer-logs-${r}`));
    for (const group of created) {
      assert.deepEqual(group.inputs, { region: group.name.replace("signer-logs-", ""), name: "/aws/lambda/us-east-1.edge-signer-fn-7f3a2b1", retentionInDays: 30, tags: { team: "edge" } });
    }
    assert.equal(await valueOf(groups.names["sa-east-1"]), "/aws/lambda/us-east-1.edge-signer-fn-7f3a2b1");
  });
});
