/**
 * The core's canonical query, built from ordered encoded pairs in one sort, against smithy's own getCanonicalQuery
 * (the implementation it replaces) as the oracle, and on the orderings SigV4 defines.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { getCanonicalQuery } from "@smithy/signature-v4";
import type { QueryPair } from "../../edge-functions/sigv4-signer/src/query";
import { canonicalQuery as canonicalOfEncoded } from "../../edge-functions/sigv4-signer/src/sign";
import { encodeRfc3986 } from "./support/percentOracle";

/** The core's canonical query of decoded pairs (the core takes them encoded, as parseQuery gives them). */
const canonicalQuery = (pairs: readonly QueryPair[]) => canonicalOfEncoded(pairs.map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)]));

/** The query map smithy signs: one value, or every value of a repeated key. */
function smithyQuery(pairs: readonly QueryPair[]): string {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(typeof seen === "string" ? [seen] : seen), value];
  }
  return getCanonicalQuery({ method: "GET", protocol: "https:", hostname: "h", path: "/", headers: {}, query });
}

describe("sigv4-signer canonical query", () => {
  const CASES: [string, QueryPair[], string][] = [
    ["names in byte order, a name before its extensions", [["a-b", "1"], ["a0", "2"], ["a", "3"], ["B", "4"], ["_", "5"]], "B=4&_=5&a=3&a-b=1&a0=2"],
    ["a repeated name in value order", [["k", "b"], ["k", ""], ["k", "a"], ["k", "a"]], "k=&k=a&k=a&k=b"],
    ["names and values RFC 3986-encoded before sorting", [["é", "x y"], ["%", "+"], ["~", "*"]], "%25=%2B&%C3%A9=x%20y&~=%2A"],
    ["nothing", [], ""],
  ];
  for (const [what, pairs, expected] of CASES) {
    it(what, () => {
      assert.equal(canonicalQuery(pairs), expected);
      assert.equal(canonicalQuery(pairs), smithyQuery(pairs));
    });
  }

  it("equals smithy's getCanonicalQuery for random pairs, repeated names included", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "A", "-", ".", "_", "~", "0", "%", "=", "&", " ", "é", "\u{1F436}", ""), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text.filter((k) => k !== "" && k.toLowerCase() !== "x-amz-signature"), text), { maxLength: 12 }), (pairs) => {
        assert.equal(canonicalQuery(pairs), smithyQuery(pairs));
      }),
      { numRuns: 500 },
    );
  });
});
