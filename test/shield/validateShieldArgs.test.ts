import * as assert from "node:assert/strict";
import { validateShieldArgs } from "../../components/shield/validateShieldArgs";
import { parseValid } from "./fixtures";

const fields = (raw: unknown, given: { webAclArn: boolean; wafLogBucketName: boolean }) =>
  validateShieldArgs(parseValid(raw), given).all.map((p) => p.field);

describe("validateShieldArgs", () => {
  const none = { webAclArn: false, wafLogBucketName: false };
  const all = { webAclArn: true, wafLogBucketName: true };

  it("requires the web ACL for the automatic response", () => {
    const problems = validateShieldArgs(parseValid({ enabled: true, layer7Mitigation: "automatic-response" }), none).all;
    assert.deepEqual(problems.map((p) => p.field), ["webAclArn"]);
    assert.match(problems[0].allowed, /ShieldMitigationRuleGroup_\*/);
  });

  it("requires the web ACL for the Anti-DDoS rule group, not for none", () => {
    assert.deepEqual(fields({ enabled: true, layer7Mitigation: "anti-ddos-rule-group" }, none), ["webAclArn"]);
    assert.deepEqual(fields({ enabled: true, layer7Mitigation: "none" }, none), []);
  });

  it("requires the WAF log bucket when it is to be shared with the SRT", () => {
    assert.deepEqual(fields({ enabled: true, layer7Mitigation: "none", srtAccess: { enabled: true, shareWafLogBucket: true } }, none), ["wafLogBucketName"]);
    assert.deepEqual(fields({ enabled: true, layer7Mitigation: "none", srtAccess: { enabled: true } }, none), []);
  });

  it("collects both problems, and none when everything is given or the layer is off", () => {
    const raw = { enabled: true, layer7Mitigation: "automatic-response", srtAccess: { enabled: true, shareWafLogBucket: true } };
    assert.deepEqual(fields(raw, none), ["webAclArn", "wafLogBucketName"]);
    assert.deepEqual(fields(raw, all), []);
    assert.deepEqual(fields({ ...raw, enabled: false }, none), []);
  });
});
