import * as assert from "node:assert/strict";
import { buildWafRules, statementWcu, toWafApiRules, WafRule, WafStatement } from "../../components/waf";
import { managed } from "./fixtures";
import { matches } from "./wafOracle";

const KB = 1024;

type PlainRule = Extract<WafRule<string>, { action: unknown }> & { statement: WafStatement<string> };

function bodyRule(raw: unknown): PlainRule {
  const rule = buildWafRules<string>(managed(raw), {}).find((r) => r.name === "body-too-large");
  assert.ok(rule && "action" in rule && rule.statement.type !== "rateBased");
  return rule as PlainRule;
}

describe("waf bodySize: no padding past the managed groups", () => {
  const inspect16 = { inspectionLimit: 16 * KB };

  it("enforce: bodies over the 16 KB inspection limit get the JSON 403, before every managed group", () => {
    const rule = bodyRule({ bodySize: { allowedPaths: ["/uploads"] } });
    assert.equal(rule.priority, 30);
    assert.deepEqual(rule.action, { type: "block", response: { code: 403, bodyKey: "forbidden", headers: [] } });
    const firstGroup = buildWafRules(managed({}), {}).find((r) => r.statement.type === "managedGroup");
    assert.ok(firstGroup && firstGroup.priority > rule.priority);
  });

  it("count rollout counts it like every other rule; action count counts it while enforcing", () => {
    assert.deepEqual(bodyRule({ mode: "count" }).action, { type: "count" });
    assert.deepEqual(bodyRule({ bodySize: { action: "count" } }).action, { type: "count" });
    assert.deepEqual(bodyRule({}).action.type, "block");
  });

  // [body bytes, path, blocked, why]
  const table: [number, string, boolean, string][] = [
    [0, "/pets", false, "no body"],
    [16 * KB, "/pets", false, "exactly the limit: the groups see all of it"],
    [16 * KB + 1, "/pets", true, "one byte past the limit: oversize, so MATCH"],
    [1024 * KB, "/pets", true, "a 1 MB body with a payload after 16 KB of padding"],
    [1024 * KB, "/uploads", false, "allowed path: larger bodies accepted, inspected up to the limit"],
    [1024 * KB, "/UPLOADS/file", true, "another path to CloudFront and API Gateway, which route case-sensitively: no exemption"],
    [1024 * KB, "/%75ploads/file", false, "URL_DECODE: /uploads/file"],
    [1024 * KB, "//uploads/file", false, "NORMALIZE_PATH: /uploads/file"],
    [1024 * KB, "/uploadsX", true, "not below /uploads: no exemption"],
    [1024 * KB, "/uploads/../pets", true, "normalizes to /pets: no exemption"],
  ];
  const rule = bodyRule({ bodySize: { allowedPaths: ["/uploads"] } });
  for (const [bytes, path, blocked, why] of table) {
    it(`${bytes} bytes to ${path}: ${blocked ? "blocked" : "passes"} (${why})`, () => assert.equal(matches(rule.statement, { path, bodyBytes: bytes }, inspect16), blocked));
  }

  it("oversize handling MATCH is what closes the gap: with CONTINUE the padded body would pass", () => {
    const size = (oversizeHandling: "MATCH" | "CONTINUE"): WafStatement<string> => ({ type: "sizeGreaterThan", field: { kind: "body", oversizeHandling }, size: 16 * KB, transforms: [] });
    assert.equal(matches(size("MATCH"), { path: "/pets", bodyBytes: 1024 * KB }, inspect16), true);
    assert.equal(matches(size("CONTINUE"), { path: "/pets", bodyBytes: 1024 * KB }, inspect16), false, "WAF only receives 16 KB, which is not > 16 KB");
  });

  it("the threshold follows bodyInspectionLimit (KB_64: 65,536 bytes) and maxBytes may lower it", () => {
    const wide = bodyRule({ bodyInspectionLimit: "KB_64" });
    assert.deepEqual(wide.statement, { type: "sizeGreaterThan", field: { kind: "body", oversizeHandling: "MATCH" }, size: 65_536, transforms: [] });
    assert.equal(matches(wide.statement, { path: "/pets", bodyBytes: 60 * KB }, { inspectionLimit: 64 * KB }), false);
    const strict = bodyRule({ bodySize: { maxBytes: 8192 } });
    assert.equal(matches(strict.statement, { path: "/pets", bodyBytes: 8193 }, inspect16), true);
    assert.equal(matches(strict.statement, { path: "/pets", bodyBytes: 8192 }, inspect16), false);
  });

  it("costs 1 WCU, plus 44 per allowed path (two byte matches of 2 + 2 transformations x 10)", () => {
    assert.equal(statementWcu(bodyRule({}).statement), 1);
    assert.equal(statementWcu(bodyRule({ bodySize: { allowedPaths: ["/uploads", "/import"] } }).statement), 89);
  });

  it("CheckCapacity gets the same statement: Body with OversizeHandling MATCH, GT the limit", () => {
    const api = toWafApiRules(buildWafRules<string>(managed({ bodyInspectionLimit: "KB_32" }), {})).find((r) => r.Name === "body-too-large");
    assert.deepEqual(api?.Statement, {
      SizeConstraintStatement: { FieldToMatch: { Body: { OversizeHandling: "MATCH" } }, ComparisonOperator: "GT", Size: 32_768, TextTransformations: [{ Priority: 0, Type: "NONE" }] },
    });
  });
});
