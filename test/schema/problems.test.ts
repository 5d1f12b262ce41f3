import { strict as assert } from "node:assert";
import { z } from "zod";
import { choice, flag, intIn, strictObject, text } from "../../components/shared/schema/fields";
import { parseWith } from "../../components/shared/schema/parse";
import { nearest } from "../../components/shared/schema/suggest";
import { ConfigError, Problem } from "../../components/shared/validation";

const api = z.discriminatedUnion("existing", [
  strictObject({ name: text(/^[a-z]+$/, "allowed: lowercase letters"), existing: z.literal(false).optional(), stage: text(/^\w+$/, "allowed: a stage name") }),
  strictObject({ name: text(/^[a-z]+$/, "allowed: lowercase letters"), existing: z.literal(true), apiId: text(/^[a-z0-9]{10}$/, "allowed: 10 characters") }),
]);
const section = strictObject({
  priceClass: choice(["PriceClass_100", "PriceClass_200", "PriceClass_All"]).default("PriceClass_100"),
  memoryMb: intIn(128, 10240, "allowed: a whole number of MB from 128 to 10240").default(128),
  enabled: flag().default(true),
  apis: z.array(api).default([]),
});

function problems(input: unknown): Problem[] {
  try {
    parseWith(section, input, "test");
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return [...error.problems];
  }
  assert.fail("expected a ConfigError");
}

describe("schema problems", () => {
  it("applies defaults and returns the typed value", () => {
    assert.deepEqual(parseWith(section, {}, "test"), { priceClass: "PriceClass_100", memoryMb: 128, enabled: true, apis: [] });
  });

  it("suggests the nearest key for a typo and refuses each unknown key once", () => {
    assert.deepEqual(problems({ priceClas: "PriceClass_All", sheild: {} }).map((p) => [p.field, p.allowed]), [
      ["priceClas", 'unknown key; allowed: "priceClass", "memoryMb", "enabled" or "apis"; did you mean "priceClass"?'],
      ["sheild", 'unknown key; allowed: "priceClass", "memoryMb", "enabled" or "apis"'],
    ]);
  });

  it("suggests the nearest value of a choice", () => {
    const [p] = problems({ priceClass: "PriceClass_ALL" });
    assert.deepEqual([p.field, p.value, p.allowed], ["priceClass", "PriceClass_ALL", 'allowed: "PriceClass_100", "PriceClass_200" or "PriceClass_All"; did you mean "PriceClass_All"?']);
  });

  it("explains a quoted number or boolean", () => {
    assert.deepEqual(problems({ memoryMb: "256", enabled: "true" }).map((p) => p.allowed), [
      'allowed: a whole number of MB from 128 to 10240 ("256" is quoted, so YAML reads it as text: write 256 without quotes)',
      'allowed: true or false ("true" is quoted, so YAML reads it as text: write true without quotes)',
    ]);
  });

  it("names list entries by their name, and gives one problem for a bad discriminator", () => {
    const found = problems({ apis: [{ name: "shop", stage: "prod" }, { name: "orders", existing: "true", apiId: "a1b2c3d4e5" }, { name: "pay", stage: "b a d" }] });
    assert.deepEqual(found.map((p) => [p.field, p.value, p.path]), [
      ["apis[orders].existing", "true", ["apis", 1, "existing"]],
      ["apis[pay].stage", "b a d", ["apis", 2, "stage"]],
    ]);
    assert.equal(found[0].allowed, 'allowed: false or true ("true" is quoted, so YAML reads it as text: write true without quotes)');
  });

  it("falls back to the index when a name is missing, invalid or repeated", () => {
    const found = problems({ apis: [{ name: "a", stage: "x y" }, { name: "a", stage: "z w" }, { stage: "q r" }] });
    assert.deepEqual(found.map((p) => p.field), ["apis[0].stage", "apis[1].stage", "apis[2].name", "apis[2].stage"]);
  });

  it("places a section's problems under its key in the stack", () => {
    try {
      parseWith(strictObject({ mode: choice(["count", "enforce"]) }), { mode: "cuont" }, "waf", ["waf"]);
      assert.fail("expected a ConfigError");
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.map((p) => [p.field, p.path]), [["waf.mode", ["waf", "mode"]]]);
      assert.match(error.message, /waf.mode: got "cuont"; allowed: "count" or "enforce"; did you mean "count"\?/);
    }
  });

  it("reports the union branch that took the value's type, even when another branch has fewer problems", () => {
    const toggle = strictObject({ logging: z.union([z.boolean({ error: "allowed: true, false or { days, enabled }" }), strictObject({ days: intIn(1, 9, "allowed: 1 to 9"), enabled: flag() })]) });
    const fields = (input: unknown) => {
      try {
        parseWith(toggle, input, "test");
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.problems.map((p) => [p.field, p.allowed]);
      }
      assert.fail("expected a ConfigError");
    };
    assert.deepEqual(fields({ logging: { days: 10, enabled: "yes" } }), [["logging.days", "allowed: 1 to 9"], ["logging.enabled", "allowed: true or false"]]);
    assert.deepEqual(fields({ logging: "yes" }), [["logging", "allowed: true, false or { days, enabled }"]]);
  });

  it("suggests only near misses", () => {
    assert.equal(nearest("eu-wset-1", ["eu-west-1", "eu-west-2", "us-west-1"]), "eu-west-1");
    assert.equal(nearest("PRICECLASS_100", ["PriceClass_100"]), "PriceClass_100");
    assert.equal(nearest("xyz", ["count", "enforce"]), undefined);
    assert.equal(nearest(42, ["count"]), undefined);
  });
});
