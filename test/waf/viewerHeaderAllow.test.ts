import * as assert from "node:assert/strict";
import { buildWafRules } from "../../components/waf";
import { managed, parse } from "./fixtures";

const monitor = { name: "monitor", action: "allow", match: { header: { name: "user-agent", value: "Monitor/", operator: "STARTS_WITH" } } };
const SPOOFABLE = /^allowed: an allow rule a viewer header alone does not satisfy: anyone can (send|leave out) (\S+), and the request then skips every managed group and later rule \(the rate rules before it still count it\); .* or set acceptSpoofableHeader: true$/;

describe("waf allow rules that a viewer header alone opens", () => {
  it("refuses allow on User-Agent: Monitor/ (with a path too: paths are the viewer's choice), and a negated header match", () => {
    const { problems } = parse({
      customRules: [
        monitor,
        { name: "health", action: "allow", match: { pathPrefix: "/health", methods: ["GET"], header: { name: "x-monitor", value: "1" } } },
        { name: "not-bot", action: "allow", match: { header: { name: "x-bot", value: "1" }, countries: ["DE"], negate: true } },
      ],
    });
    assert.deepEqual(
      problems.map((p) => [p.field, SPOOFABLE.exec(p.allowed)?.slice(1, 3)]),
      [
        ["waf.customRules[monitor].match.header", ["send", "user-agent"]],
        ["waf.customRules[health].match.header", ["send", "x-monitor"]],
        ["waf.customRules[not-bot].match.header", ["leave out", "x-bot"]],
      ],
    );
  });

  it("accepts it with acceptSpoofableHeader: true, and a header ANDed with what a viewer cannot choose (a country, a group's label)", () => {
    const settings = managed({
      managedRuleGroups: { AWSManagedRulesBotControlRuleSet: { inspectionLevel: "COMMON" } },
      customRules: [
        { ...monitor, acceptSpoofableHeader: true },
        { name: "office", action: "allow", match: { header: { name: "x-office", value: "1" }, countries: ["DE"] } },
        { name: "verified", action: "allow", match: { header: { name: "user-agent", value: "bot", operator: "CONTAINS" }, label: { key: "awswaf:managed:aws:bot-control:bot:verified" } } },
        { name: "block-ua", action: "block", match: { header: { name: "user-agent", value: "sqlmap", operator: "CONTAINS" } } },
      ],
    });
    assert.deepEqual(settings.customRules.map((r) => [r.name, r.action]), [["monitor", "allow"], ["office", "allow"], ["verified", "allow"], ["block-ua", "block"]]);
    assert.equal("acceptSpoofableHeader" in settings.customRules[0], false, "the acknowledgement builds nothing");
    // The allow rule runs after every rate rule that reads no label: its requests are still counted.
    const rules = buildWafRules<string>(settings, {});
    const at = (name: string) => rules.findIndex((r) => r.name === name);
    assert.ok(at("rate-blanket") < at("monitor") && at("rate-ip-reputation") < at("monitor"));
  });

  it("refuses acceptSpoofableHeader where nothing needs it: a block rule, an allow rule without a header", () => {
    const { problems } = parse({
      customRules: [
        { name: "b", action: "block", match: { header: { name: "x-a", value: "1" } }, acceptSpoofableHeader: true },
        { name: "p", action: "allow", match: { pathPrefix: "/public" }, acceptSpoofableHeader: true },
      ],
    });
    assert.deepEqual(problems.map((p) => [p.field, p.allowed]), [
      ["waf.customRules[b].acceptSpoofableHeader", "allowed: false: only an allow rule whose match a viewer header alone satisfies needs it"],
      ["waf.customRules[p].acceptSpoofableHeader", "allowed: false: only an allow rule whose match a viewer header alone satisfies needs it"],
    ]);
  });
});
