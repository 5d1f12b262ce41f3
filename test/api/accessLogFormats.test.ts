import { strict as assert } from "node:assert";
import { ACCESS_LOG_FORMATS } from "../../components/api/accessLogFormats";

// The $context variables each API kind documents for access logging; a stage rejects any other.
const DOCUMENTED = {
  REST: ["requestId", "identity.sourceIp", "identity.caller", "identity.userArn", "requestTime", "httpMethod", "resourcePath", "status", "protocol", "responseLength", "integrationErrorMessage", "authorize.error"],
  HTTP: ["requestId", "identity.sourceIp", "identity.userArn", "requestTime", "httpMethod", "routeKey", "status", "protocol", "responseLength", "integrationErrorMessage", "authorizer.error"],
  WEBSOCKET: ["requestId", "identity.sourceIp", "identity.userArn", "requestTime", "eventType", "routeKey", "connectionId", "status", "error.message"],
};

describe("access log formats", () => {
  for (const kind of ["REST", "HTTP", "WEBSOCKET"] as const) {
    it(`${kind} names only variables its kind has`, () => {
      const variables = Object.values(JSON.parse(ACCESS_LOG_FORMATS[kind]) as Record<string, string>).map((v) => v.replace(/^\$context\./, ""));
      assert.deepEqual(variables.filter((v) => !DOCUMENTED[kind].includes(v)), []);
      assert.ok(variables.includes("requestId"));
    });
  }
});
