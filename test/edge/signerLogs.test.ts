import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { EdgeProtection, EdgeProtectionArgs } from "../../components/edge/edgeProtection";
import { SignerLogGroups } from "../../components/monitoring/signerLogGroups";
import { ConfigError } from "../../components/shared/validation";
import { MockRecorder, installMocks, valueOf } from "../support/mocks";

const ORIGIN = { name: "shop", kind: "REST" as const, apiId: "a1b2c3d4e5", stage: "prod", region: "eu-west-1", pathPattern: "*" };
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describe("EdgeProtection: the signer's log groups", () => {
  let mocks: MockRecorder;
  before(() => { mocks = installMocks(); });
  beforeEach(() => mocks.reset());

  /** Builds the edge and returns the distribution's dependsOn as its options gave it. */
  async function build(extra: Partial<EdgeProtectionArgs>): Promise<{ edge: EdgeProtection; dependsOn: pulumi.Resource[] }> {
    let dependsOn: pulumi.Resource[] = [];
    const capture: pulumi.ResourceTransformation = ({ type, opts }) => {
      if (type === "aws:cloudfront/distribution:Distribution") dependsOn = [opts.dependsOn ?? []].flat() as pulumi.Resource[];
      return undefined;
    };
    const edge = new EdgeProtection("edge", { origins: [ORIGIN], waf: { enabled: false }, ...extra }, { transformations: [capture] });
    await valueOf(edge.distribution.distribution.urn);
    return { edge, dependsOn };
  }

  it("are made in each Region with the retention, and the distribution depends on them", async () => {
    const { edge, dependsOn } = await build({ signerLogs: { regions: ["us-east-1", "eu-west-1"], retentionDays: 7 }, tags: { team: "edge" } });
    assert.deepEqual(mocks.ofType(LOG_GROUP).map((g) => [g.name, g.inputs]), [
      ["edge-signer-logs-us-east-1", { name: "/aws/lambda/us-east-1.edge-signer-fn", region: "us-east-1", retentionInDays: 7, tags: { team: "edge" } }],
      ["edge-signer-logs-eu-west-1", { name: "/aws/lambda/us-east-1.edge-signer-fn", region: "eu-west-1", retentionInDays: 7, tags: { team: "edge" } }],
    ]);
    assert.ok(edge.signerLogs instanceof SignerLogGroups);
    assert.deepEqual(dependsOn, [edge.signer.policy, edge.signerLogs]);
  });

  it("default as monitoring.signerLogs does (30 days, the regional edge cache Regions); absent, none are made", async () => {
    await build({ signerLogs: {} });
    const groups = mocks.ofType(LOG_GROUP).filter((g) => g.name.startsWith("edge-signer-logs-"));
    assert.deepEqual([groups.length, groups[0].inputs.retentionInDays], [13, 30]);
    mocks.reset();
    const { edge, dependsOn } = await build({});
    assert.deepEqual([edge.signerLogs, mocks.ofType(LOG_GROUP).filter((g) => g.name.startsWith("edge-signer-logs-")), dependsOn], [undefined, [], [edge.signer.policy]]);
  });

  it("refuses bad settings by name before any resource", () => {
    assert.throws(() => new EdgeProtection("edge", { origins: [ORIGIN], waf: { enabled: false }, signerLogs: { retentionDays: 8, regions: ["eu-wset-1"] } }), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.deepEqual(e.problems.map((p) => p.field), ["signerLogs.retentionDays", "signerLogs.regions[0]"]);
      return true;
    });
    assert.deepEqual(mocks.resources, []);
  });
});
