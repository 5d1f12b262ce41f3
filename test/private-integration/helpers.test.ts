import * as assert from "node:assert/strict";
import fc from "fast-check";
import { cidrsOverlap, isCidr } from "../../components/private-integration/configRules";
import { restPathKey, restResourceTree } from "../../components/private-integration/restResourceTree";
import { subnetCidrs } from "../../components/private-integration/subnetCidrs";

describe("restResourceTree", () => {
  it("creates each segment once, parents first, with a proxy under every prefix", () => {
    assert.deepEqual(restResourceTree(["/v1/orders", "/v1/users", "/health"]), [
      { path: "/v1", parent: "", pathPart: "v1" },
      { path: "/v1/orders", parent: "/v1", pathPart: "orders" },
      { path: "/v1/orders/{proxy+}", parent: "/v1/orders", pathPart: "{proxy+}" },
      { path: "/v1/users", parent: "/v1", pathPart: "users" },
      { path: "/v1/users/{proxy+}", parent: "/v1/users", pathPart: "{proxy+}" },
      { path: "/health", parent: "", pathPart: "health" },
      { path: "/health/{proxy+}", parent: "/health", pathPart: "{proxy+}" },
    ]);
  });

  it("keys paths without collisions between a proxy and a literal segment", () => {
    assert.deepEqual(["/v1/orders", "/v1/orders/{proxy+}", "/v1/orders/proxy", "/v1-orders"].map(restPathKey),
      ["v1.orders", "v1.orders._proxy", "v1.orders.proxy", "v1-orders"]);
  });
});

describe("subnetCidrs", () => {
  const TABLE: [string, number, string[]][] = [
    ["10.20.0.0/16", 3, ["10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"]],
    ["192.168.4.0/24", 2, ["192.168.4.0/28", "192.168.4.16/28"]],
    ["10.0.0.0/16", 16, Array.from({ length: 16 }, (_, i) => `10.0.${i * 16}.0/20`)],
  ];
  for (const [cidr, count, expected] of TABLE) {
    it(`carves ${count} subnets from ${cidr}`, () => assert.deepEqual(subnetCidrs(cidr, count), expected));
  }
  it("refuses more than 16 subnets or subnets smaller than /28", () => {
    assert.throws(() => subnetCidrs("10.0.0.0/16", 17), RangeError);
    assert.throws(() => subnetCidrs("10.0.0.0/25", 2), RangeError);
  });
});

describe("isCidr", () => {
  const TABLE: [unknown, boolean][] = [
    ["10.0.0.0/16", true], ["10.0.0.0/24", true], ["10.0.1.0/16", false], ["10.0.0.0/15", false], ["10.0.0.0/25", false],
    ["256.0.0.0/16", false], ["10.0.0/16", false], [16, false],
    // Forms an address parser may read as octal, hex or a 32-bit number are not what EC2 takes.
    ["010.0.0.0/16", false], ["0x0a.0.0.0/16", false], ["167772160/16", false], ["10.0.0.0/016", false], [" 10.0.0.0/16", false],
  ];
  for (const [value, ok] of TABLE) it(`${JSON.stringify(value)} in /16-/24: ${ok}`, () => assert.equal(isCidr(value, 16, 24), ok));
});

describe("cidrsOverlap", () => {
  const TABLE: [string, string, boolean][] = [
    ["10.20.0.0/16", "10.20.128.0/17", true], ["10.20.128.0/17", "10.20.0.0/16", true], ["10.0.0.0/16", "10.0.0.0/16", true],
    ["10.20.0.0/17", "10.20.128.0/17", false], ["10.20.0.0/16", "10.21.0.0/16", false], ["10.0.0.0/8", "10.255.255.240/28", true],
  ];
  for (const [a, b, overlap] of TABLE) it(`${a} and ${b}: ${overlap}`, () => assert.equal(cidrsOverlap(a, b), overlap));

  it("agrees with comparing the address ranges as integers", () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 8, max: 28 })).map(([address, prefix]) => {
      const size = 2 ** (32 - prefix);
      const start = Math.floor(address / size) * size;
      return { text: `${[24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join(".")}/${prefix}`, start, end: start + size - 1 };
    });
    fc.assert(fc.property(cidr, cidr, (a, b) => cidrsOverlap(a.text, b.text) === (a.start <= b.end && b.start <= a.end)), { numRuns: 500 });
  });
});
