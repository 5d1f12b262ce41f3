"use strict";
// The demo pet store behind every API the stack creates. One handler serves the three event shapes
// API Gateway sends: REST proxy (v1), HTTP API (payload 2.0) and WebSocket.

const pets = [
  { id: 1, type: "dog", price: 249.99 },
  { id: 2, type: "cat", price: 124.99 },
  { id: 3, type: "fish", price: 0.99 },
];
const PET_TYPES = ["dog", "cat", "fish", "bird"];

function respond(statusCode, body) {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function parseBody(event) {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function route(method, path, event) {
  if (method === "GET" && path === "/") return respond(200, { message: "Welcome to the pet store", links: ["/pets", "/pets/{petId}"] });
  if (method === "GET" && path === "/pets") return respond(200, pets);
  if (method === "POST" && path === "/pets") {
    const body = parseBody(event);
    if (!body || !PET_TYPES.includes(body.type) || typeof body.price !== "number" || body.price < 0) {
      return respond(400, { message: `expected JSON { "type": one of ${PET_TYPES.join(", ")}, "price": a number >= 0 }` });
    }
    const pet = { id: pets.length + 1, type: body.type, price: body.price };
    pets.push(pet);
    return respond(201, pet);
  }
  const match = /^\/pets\/([^/]+)$/.exec(path);
  if (method === "GET" && match) {
    const pet = pets.find((p) => String(p.id) === decodeURIComponent(match[1]));
    return pet ? respond(200, pet) : respond(404, { message: `no pet ${match[1]}` });
  }
  return respond(404, { message: `no route ${method} ${path}` });
}

exports.handler = async (event) => {
  const context = event.requestContext || {};
  if (context.eventType) {
    // WebSocket: accept connects and disconnects; answer messages like the HTTP routes.
    if (context.eventType !== "MESSAGE") return { statusCode: 200 };
    const message = parseBody(event) || {};
    const reply = route(message.method || "GET", message.path || "/pets", { body: JSON.stringify(message.body || null) });
    return { statusCode: 200, body: reply.body };
  }
  if (context.http) {
    // HTTP APIs put a named stage in rawPath (/v1/pets); only $default stages are served at the root.
    const stagePrefix = context.stage && context.stage !== "$default" ? `/${context.stage}` : "";
    const path = stagePrefix && (event.rawPath === stagePrefix || event.rawPath.startsWith(`${stagePrefix}/`)) ? event.rawPath.slice(stagePrefix.length) : event.rawPath;
    return route(context.http.method, path.replace(/\/+$/, "") || "/", event);
  }
  return route(event.httpMethod, (event.path || "/").replace(/\/+$/, "") || "/", event);
};
