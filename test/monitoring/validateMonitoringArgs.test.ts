import assert from "node:assert/strict";
import { EdgeMonitoring, webAclNameOf } from "../../components/monitoring/edgeMonitoring";
import { parseMonitoringConfig } from "../../components/monitoring/monitoringConfig";
import { validateMonitoringArgs } from "../../components/monitoring/validateMonitoringArgs";
import { ConfigError } from "../../components/shared/validation";
import { MockRecorder, installMocks } from "../support/mocks";
import { DEV_APIS, DISTRIBUTION_ARN, DISTRIBUTION_ID, ORDERS_API, SIGNER_ROLE_ARN, WEB_ACL_ARN } from "./fixtures";

describe("EdgeMonitoring arguments", () => {
  let mocks: MockRecorder;
  before(() => { mocks = installMocks(); });
  beforeEach(() => mocks.reset());

  it("refuses a REST API without its name and probes for unknown APIs, before creating anything", () => {
    assert.throws(
      () => new EdgeMonitoring("bad", {
        settings: parseMonitoringConfig({ apis: { ghost: { path: "/x" } } }),
        distributionId: DISTRIBUTION_ID, distributionArn: DISTRIBUTION_ARN, signerRoleArn: SIGNER_ROLE_ARN,
        apis: [{ ...ORDERS_API, restApiName: undefined }],
      }),
      (e: unknown) => e instanceof ConfigError && e.problems.map((p) => p.field).join() === "monitoring.apis.ghost,monitoring.apis.orders.restApiName",
    );
    assert.deepEqual(mocks.resources, []);
  });

  it("with the canary, an API it cannot know must name a path with a method: otherwise the direct 403 proves nothing", () => {
    const problems = validateMonitoringArgs(parseMonitoringConfig({ canary: { enabled: true } }), [...DEV_APIS, { ...ORDERS_API, probe: { path: "" } }]);
    assert.deepEqual(problems.all.map((p) => p.field), ["monitoring.apis.orders.path"]);
    assert.deepEqual(validateMonitoringArgs(parseMonitoringConfig({}), [{ ...ORDERS_API, probe: { path: "" } }]).all, []);
    // A stage root given on purpose (path "/") is the operator's choice: it is probed for 2xx.
    const root = parseMonitoringConfig({ canary: { enabled: true }, apis: { orders: { path: "/" } } });
    assert.deepEqual(validateMonitoringArgs(root, [{ ...ORDERS_API, probe: { path: "" } }]).all, []);
  });

  it("reads the web ACL's name from its ARN", () => {
    assert.equal(webAclNameOf(WEB_ACL_ARN), "edge-waf-edge-security-test");
    assert.throws(() => webAclNameOf("arn:aws:wafv2:us-east-1:123456789012:global/ipset/x/1"), /not a WAFv2 web ACL ARN/);
  });
});
