import { strict as assert } from "node:assert";
import { isDnsName } from "../../components/shared/dns";

describe("isDnsName", () => {
  it("accepts lowercase multi-label names up to 253 characters", () => {
    for (const name of ["api.example.com", "a.b", "x-1.example.co.uk", `${"a".repeat(63)}.example.com`]) assert.ok(isDnsName(name), name);
  });
  it("refuses single labels, uppercase, edge hyphens, long labels, schemes and paths", () => {
    for (const name of ["localhost", "API.example.com", "-a.example.com", "a-.example.com", `${"a".repeat(64)}.example.com`, "https://a.com", "a.com/x", `${"a.".repeat(127)}com`, 3]) {
      assert.equal(isDnsName(name), false, String(name));
    }
  });
  it("accepts a leading wildcard label only when asked", () => {
    assert.equal(isDnsName("*.example.com"), false);
    assert.equal(isDnsName("*.example.com", { wildcard: true }), true);
    assert.equal(isDnsName("a.*.example.com", { wildcard: true }), false);
  });
});
