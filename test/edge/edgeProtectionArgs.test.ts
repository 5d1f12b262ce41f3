import { strict as assert } from "node:assert";
import { EdgeProtection } from "../../components/edge/edgeProtection";
import { edgeProtectionSettings } from "../../components/edge/edgeProtectionSettings";
import { rateLimitProbe } from "../../components/monitoring/rateLimitProbe";
import { wafSchema } from "../../components/waf/wafSchema";
import { installMocks, settle } from "../support/mocks";
import { configProblems } from "../support/configProblems";

const ORIGIN = { name: "shop", kind: "REST" as const, apiId: "a1b2c3d4e5", stage: "prod", region: "eu-west-1", pathPattern: "*" };
const PROBE = rateLimitProbe("x-edge-rate-probe", "0123456789abcdef0123456789abcdef");

describe("EdgeProtection takes the waf key's input and reads it as the stack file does", () => {
  it("defaults to the managed web ACL, enforcing, as an absent waf key does", () => {
    assert.deepEqual(edgeProtectionSettings("edge", { origins: [ORIGIN] }).waf, wafSchema({ shieldMitigation: "none" }).parse({}));
  });

  it("reads waf with Shield's layer-7 mitigation: the automatic response's 150 WCU reserve, or the Anti-DDoS group", () => {
    const automatic = edgeProtectionSettings("edge", { origins: [ORIGIN], waf: { mode: "count" }, shield: { enabled: true, layer7Mitigation: "automatic-response" } }).waf;
    assert.deepEqual(automatic, wafSchema({ shieldMitigation: "automatic-response" }).parse({ mode: "count" }));
    assert.equal(automatic.kind === "managed" && automatic.capacity.reserve, 150);
    const group = edgeProtectionSettings("edge", { origins: [ORIGIN], shield: { enabled: true } }).waf;
    assert.deepEqual(group.kind === "managed" && group.managedRuleGroups.map((g) => g.name)[0], "AWSManagedRulesAntiDDoSRuleSet");
  });

  it("places the monitoring's rate-limit probe as a rule of the web ACL", () => {
    const waf = edgeProtectionSettings("edge", { origins: [ORIGIN], rateLimitProbe: PROBE }).waf;
    assert.deepEqual(waf, wafSchema({ shieldMitigation: "none", rateLimitProbe: PROBE }).parse({}));
    assert.deepEqual(waf.kind === "managed" && waf.rateLimitProbe, PROBE);
  });

  it("refuses WAF rules on the signer's authorizationHeader, where the viewer's Authorization goes", () => {
    const keyed = { name: "per-token", pathPrefix: "/pets", limit: 100, aggregation: { customKeys: [{ header: "x-viewer-authorization" }] } };
    const waf = { rateLimits: { uri: [keyed] } };
    assert.deepEqual(configProblems(() => edgeProtectionSettings("edge", { origins: [ORIGIN], signer: { authorizationHeader: "x-viewer-authorization" }, waf })).map(([field]) => field), [
      "waf.rateLimits.uri[per-token].aggregation.customKeys[0].header",
    ]);
    assert.doesNotThrow(() => edgeProtectionSettings("edge", { origins: [ORIGIN], waf }));
  });

  it("refuses a probe without a web ACL it manages, and Shield mitigation without any web ACL, as the stack file does", () => {
    assert.deepEqual(configProblems(() => edgeProtectionSettings("edge", { origins: [ORIGIN], waf: { enabled: false }, shield: { enabled: true }, rateLimitProbe: PROBE })), [
      ["waf.enabled", false, 'required: a web ACL on the distribution, since shield.layer7Mitigation is "anti-ddos-rule-group" and its rules live there (or set it to "none")'],
      ["rateLimitProbe", PROBE, "allowed only with a web ACL this component manages (waf not disabled, no existingWebAclArn, not governance.model centralized): the probe is one of its rules"],
    ]);
  });

  it("refuses settings parsed elsewhere, which would skip Shield's, the model's and the probe's context", () => {
    const parsed = wafSchema({ shieldMitigation: "none" }).parse({});
    assert.deepEqual(configProblems(() => edgeProtectionSettings("edge", { origins: [ORIGIN], waf: parsed as never })), [
      ["waf.kind", "managed", "allowed: the stack file's waf input (WafInput), not settings parsed from it: EdgeProtection parses it with Shield's mitigation, the governance model and rateLimitProbe"],
    ]);
  });

  it("names every problem of every argument in one error, before any resource is registered", async () => {
    const recorder = installMocks();
    const found = configProblems(() => new EdgeProtection("edge", {
      origins: [{ ...ORIGIN, region: "eu-wset-1" }],
      signer: { memoryMb: 64 },
      distribution: { priceClass: "PriceClass_ALL" as never },
      governance: { model: "hybird" as never },
      waf: { mode: "cuont" as never },
      shield: { enabled: true, layer7Mitigation: "automatic" as never },
      signerLogs: { retentionDays: 8 },
    }));
    assert.deepEqual(found.map(([field]) => field), [
      "origins[shop].region", "signer.memoryMb", "distribution.priceClass", "governance.model", "waf.mode", "shield.layer7Mitigation", "signerLogs.retentionDays",
    ]);
    assert.match(found[4][2], /did you mean "count"\?$/);
    await settle();
    assert.deepEqual(recorder.resources, []);
  });
});
