import { strict as assert } from "node:assert";

// The demo backend is plain JavaScript deployed as is; exercise it with each API Gateway event shape.
const { handler } = require("../../components/api/petstore/index.js") as { handler: (event: unknown) => Promise<{ statusCode: number; body?: string }> };

const rest = (httpMethod: string, path: string, body?: unknown) => ({ httpMethod, path, body: body === undefined ? null : JSON.stringify(body), isBase64Encoded: false, requestContext: {} });
const http = (method: string, rawPath: string, body?: string, isBase64Encoded = false) => ({ rawPath, body, isBase64Encoded, requestContext: { http: { method } } });

describe("pet store demo backend", () => {
  it("serves GET /, GET /pets and GET /pets/{petId} to REST proxy events", async () => {
    assert.equal((await handler(rest("GET", "/"))).statusCode, 200);
    const pets = JSON.parse((await handler(rest("GET", "/pets"))).body!);
    assert.deepEqual(pets[0], { id: 1, type: "dog", price: 249.99 });
    assert.deepEqual(JSON.parse((await handler(rest("GET", "/pets/2"))).body!), { id: 2, type: "cat", price: 124.99 });
    assert.equal((await handler(rest("GET", "/pets/999"))).statusCode, 404);
    assert.equal((await handler(rest("DELETE", "/pets/1"))).statusCode, 404);
  });

  it("creates a pet from a base64 JSON body of an HTTP API event and validates it", async () => {
    const body = Buffer.from(JSON.stringify({ type: "bird", price: 15 })).toString("base64");
    const created = await handler(http("POST", "/pets", body, true));
    assert.equal(created.statusCode, 201);
    assert.equal(JSON.parse(created.body!).type, "bird");
    assert.equal((await handler(http("POST", "/pets", JSON.stringify({ type: "dragon", price: 1 })))).statusCode, 400);
    assert.equal((await handler(http("POST", "/pets", "not json"))).statusCode, 400);
  });

  it("routes an HTTP API's named stage, which API Gateway leaves in rawPath", async () => {
    const event = { rawPath: "/v1/pets/2", requestContext: { stage: "v1", http: { method: "GET" } } };
    assert.deepEqual(JSON.parse((await handler(event)).body!), { id: 2, type: "cat", price: 124.99 });
    const root = { rawPath: "/v1", requestContext: { stage: "v1", http: { method: "GET" } } };
    assert.equal((await handler(root)).statusCode, 200);
    const defaultStage = { rawPath: "/pets/1", requestContext: { stage: "$default", http: { method: "GET" } } };
    assert.equal(JSON.parse((await handler(defaultStage)).body!).id, 1);
  });

  it("accepts WebSocket connects and answers messages", async () => {
    assert.deepEqual(await handler({ requestContext: { eventType: "CONNECT", routeKey: "$connect" } }), { statusCode: 200 });
    const reply = await handler({ requestContext: { eventType: "MESSAGE", routeKey: "$default" }, body: JSON.stringify({ path: "/pets/1" }) });
    assert.deepEqual(JSON.parse(reply.body!), { id: 1, type: "dog", price: 249.99 });
  });

  it("never writes the signer's Authorization or session token anywhere, not even when it fails", async () => {
    const secret = { authorization: "AWS4-HMAC-SHA256 Credential=ASIASECRET/...", "x-amz-security-token": "TOKEN-SECRET" };
    const written: string[] = [];
    const methods = ["log", "info", "warn", "error", "debug"] as const;
    const originals = methods.map((m) => console[m]);
    const stdout = process.stdout.write.bind(process.stdout);
    methods.forEach((m) => (console[m] = (...args: unknown[]) => void written.push(args.map(String).join(" "))));
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await handler({ ...rest("GET", "/pets"), headers: secret });
      await handler({ ...http("POST", "/pets", "not json"), headers: secret });
      await handler({ requestContext: { eventType: "CONNECT", routeKey: "$connect" }, headers: secret });
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]));
      process.stdout.write = stdout;
    }
    assert.deepEqual(written.filter((line) => /SECRET/.test(line)), []);
  });
});
