import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { SIGNER_DEFAULTS } from "../../components/config/signer";
import { edgeSignerRole } from "../../components/edge/edgeSignerRole";
import { EdgeSigner } from "../../components/signer/edgeSigner";
import { ApiOrigin } from "../../components/shared/types";
import { ACCOUNT_ID, installMocks, settle, valueOf } from "../support/mocks";

const ORIGINS: ApiOrigin[] = [{ name: "rest", kind: "REST", apiId: "restid0001", stage: "prod", region: "eu-west-1", pathPattern: "*" }];
const SETTINGS = { origins: [{ domain: "restid0001.execute-api.eu-west-1.amazonaws.com", path: "/prod", prefix: "", region: "eu-west-1" }], authorizationHeader: "x-forwarded-authorization" };

describe("the signer's role, made before the APIs", () => {
  it("edgeSignerRole: the name EdgeProtection's signer gives its role, trust only, and an alias to its place inside EdgeProtection", async () => {
    const rec = installMocks("edge-security", "dev");
    let aliases: unknown[] = [];
    const capture: pulumi.ResourceTransformation = ({ opts }) => {
      aliases = opts.aliases ?? [];
      return undefined;
    };
    const role = edgeSignerRole("edge", { team: "edge" }, { transformations: [capture] });
    await settle();
    assert.deepEqual(rec.resources.map((r) => [r.type, r.name]), [["aws:iam/role:Role", "edge-signer-role"]]);
    const trust = JSON.parse(rec.one("aws:iam/role:Role", "edge-signer-role").inputs.assumeRolePolicy);
    assert.deepEqual(trust.Statement, [{ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }, Action: "sts:AssumeRole" }]);
    assert.deepEqual(rec.one("aws:iam/role:Role", "edge-signer-role").inputs.tags, { team: "edge" });
    assert.equal(aliases.length, 1);
    // The engine's URN form urn:pulumi:<stack>::<project>::<parent types $ type>::<name> (every parent's type, outermost
    // first: https://pkg.go.dev/github.com/pulumi/pulumi/sdk/v3/go/common/resource/urn); the mock monitor keeps only
    // the nearest parent's type, so this literal, not a mock URN, is the oracle.
    const parent = await valueOf(pulumi.output((aliases[0] as { parent: pulumi.Input<string> }).parent));
    assert.equal(parent, "urn:pulumi:dev::edge-security::edge-security:edge:EdgeProtection$edge-security:signer:EdgeSigner::edge-signer");
    assert.equal(await valueOf(role.arn), `arn:aws:iam::${ACCOUNT_ID}:role/edge-signer-role`);
  });

  it("EdgeSigner given the role makes none of its own: the function runs as it, the invoke policy is attached to it", async () => {
    const rec = installMocks("edge-security", "dev");
    const role = edgeSignerRole("edge");
    const signer = new EdgeSigner("edge-signer", { origins: ORIGINS, config: SIGNER_DEFAULTS, settings: pulumi.output(SETTINGS), role });
    await valueOf(signer.versionArn);
    await settle();
    assert.deepEqual(rec.ofType("aws:iam/role:Role").map((r) => r.name), ["edge-signer-role"]);
    assert.equal(rec.one("aws:lambda/function:Function", "edge-signer-fn").inputs.role, `arn:aws:iam::${ACCOUNT_ID}:role/edge-signer-role`);
    assert.equal(rec.one("aws:iam/rolePolicy:RolePolicy", "edge-signer-policy").inputs.role, "edge-signer-role-id");
    assert.equal(await valueOf(signer.roleArn), await valueOf(role.arn));
  });
});
