import { ApiKind } from "../shared/types";

/**
 * One JSON access-log line per request or WebSocket event. Each API kind has its own set of
 * `$context` variables, and a stage refuses a format that names one its kind does not have.
 * `errorType` ($context.error.responseType, which all three kinds log: docs/aws-facts.md) tells a
 * rejected signature and an unsigned call apart for the monitoring's 403 filters.
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
    errorType: "$context.error.responseType",
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
    errorType: "$context.error.responseType",
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
    errorType: "$context.error.responseType",
  }),
};
