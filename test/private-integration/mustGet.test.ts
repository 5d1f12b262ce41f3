import * as assert from "node:assert/strict";
import { mustGet } from "../../components/private-integration/mustGet";

describe("mustGet", () => {
  it("returns the value of a present key, falsy values included", () => {
    const map = new Map<string, number | string>([["a", 0], ["b", ""]]);
    assert.equal(mustGet(map, "a", "NLB"), 0);
    assert.equal(mustGet(map, "b", "NLB"), "");
  });

  it("throws an internal error naming what is missing, the key and the keys there are", () => {
    assert.throws(() => mustGet(new Map([["main", 1], ["b", 2]]), "core", "NLB"),
      { message: 'private integration internal error: no NLB "core" in the plan (known: "main", "b")' });
    assert.throws(() => mustGet(new Map<string, number>(), "main", "VPC link"), { message: /no VPC link "main" in the plan \(known: none\)/ });
  });
});
