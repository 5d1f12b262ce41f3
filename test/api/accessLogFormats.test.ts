import { strict as assert } from "node:assert";
import { ACCESS_LOG_FORMATS } from "../../components/api/accessLogFormats";

// The $context variables the API Gateway developer guide lists for each kind's access logs (the subset
// this project uses); a stage rejects a variable its kind does not have, so a format may not drift.
// error.responseType: REST "Variables for access logging", HTTP "Customize HTTP API access logs", WebSocket
// "Configure logging for WebSocket APIs" (docs/aws-facts.md).
const DOCUMENTED = {
  REST: ["requestId", "identity.sourceIp", "identity.caller", "identity.userArn", "requestTime", "httpMethod", "resourcePath", "status", "protocol", "responseLength", "integrationErrorMessage", "authorize.error", "error.responseType"],
  HTTP: ["requestId", "identity.sourceIp", "identity.userArn", "requestTime", "httpMethod", "routeKey", "status", "protocol", "responseLength", "integrationErrorMessage", "authorizer.error", "error.responseType"],
  WEBSOCKET: ["requestId", "identity.sourceIp", "identity.userArn", "requestTime", "eventType", "routeKey", "connectionId", "status", "error.message", "error.responseType"],
};

describe("access log formats", () => {
  for (const kind of ["REST", "HTTP", "WEBSOCKET"] as const) {
    it(`${kind} stays within the variables documented for its kind`, () => {
      const variables = Object.values(JSON.parse(ACCESS_LOG_FORMATS[kind]) as Record<string, string>).map((v) => v.replace(/^\$context\./, ""));
      assert.deepEqual(variables.filter((v) => !DOCUMENTED[kind].includes(v)), []);
      assert.ok(variables.includes("requestId"));
      // What the monitoring's 403 filters read (components/monitoring/accessLogFilters.ts).
      assert.deepEqual(["status", "userArn", "errorType"].map((k) => (JSON.parse(ACCESS_LOG_FORMATS[kind]) as Record<string, string>)[k]),
        ["$context.status", "$context.identity.userArn", "$context.error.responseType"]);
    });
  }
});
