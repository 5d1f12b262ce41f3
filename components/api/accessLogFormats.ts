import { ApiKind } from "../shared/types";

/**
 * One JSON access-log line per request or WebSocket event. Each API kind has its own set of
 * `$context` variables, and a stage refuses a format that names one its kind does not have.
 */
export const ACCESS_LOG_FORMATS: Readonly<Record<ApiKind, string>> = {
  REST: JSON.stringify({
    requestId: "$context.requestId",
    ip: "$context.identity.sourceIp",
    caller: "$context.identity.caller",
    userArn: "$context.identity.userArn",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    resourcePath: "$context.resourcePath",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    integrationError: "$context.integrationErrorMessage",
    authorizeError: "$context.authorize.error",
  }),
  HTTP: JSON.stringify({
    requestId: "$context.requestId",
    ip: "$context.identity.sourceIp",
    userArn: "$context.identity.userArn",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    routeKey: "$context.routeKey",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    integrationError: "$context.integrationErrorMessage",
    authorizerError: "$context.authorizer.error",
  }),
  WEBSOCKET: JSON.stringify({
    requestId: "$context.requestId",
    ip: "$context.identity.sourceIp",
    userArn: "$context.identity.userArn",
    requestTime: "$context.requestTime",
    eventType: "$context.eventType",
    routeKey: "$context.routeKey",
    connectionId: "$context.connectionId",
    status: "$context.status",
    error: "$context.error.message",
  }),
};
