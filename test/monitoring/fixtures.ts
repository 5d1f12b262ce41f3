/** The APIs and identifiers the monitoring component tests share. */
import type { MonitoredApi } from "../../components/monitoring/monitoredApis";
import { ACCOUNT_ID } from "../support/mocks";

export const SIGNER_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/edge-signer-role`;
export const DISTRIBUTION_ID = "E2EXAMPLE";
export const DISTRIBUTION_ARN = `arn:aws:cloudfront::${ACCOUNT_ID}:distribution/E2EXAMPLE`;
export const WEB_ACL_ARN = `arn:aws:wafv2:us-east-1:${ACCOUNT_ID}:global/webacl/edge-waf-edge-security-test/1111-2222`;
export const SHIELD_TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT_ID}:edge-shield-alarms`;

/** The dev stack's three pet stores in eu-west-1, each with its access-log group. */
export const DEV_APIS: MonitoredApi[] = [
  {
    name: "petstore-rest", kind: "REST", region: "eu-west-1", apiId: "r1", stage: "dev", restApiName: "apis-petstore-rest-1a2b",
    edgeUrl: "https://edge-cdn.cloudfront.net/", directUrl: "https://r1.execute-api.eu-west-1.amazonaws.com/dev/",
    probe: { path: "pets", expectStatus: 200 }, accessLogGroupName: "apis-petstore-rest-access-1a2b",
  },
  {
    name: "petstore-http", kind: "HTTP", region: "eu-west-1", apiId: "h1", stage: "$default",
    edgeUrl: "https://edge-cdn.cloudfront.net/http/", directUrl: "https://h1.execute-api.eu-west-1.amazonaws.com/",
    probe: { path: "pets", expectStatus: 200 }, accessLogGroupName: "apis-petstore-http-access-3c4d",
  },
  {
    name: "petstore-ws", kind: "WEBSOCKET", region: "eu-west-1", apiId: "w1", stage: "dev",
    edgeUrl: "wss://edge-cdn.cloudfront.net/ws", directUrl: "wss://w1.execute-api.eu-west-1.amazonaws.com/dev",
    probe: { path: "" }, accessLogGroupName: "apis-petstore-ws-access-5e6f",
  },
];

/** An application team's REST API in us-east-2, with no access-log group given. */
export const ORDERS_API: MonitoredApi = {
  name: "orders", kind: "REST", region: "us-east-2", apiId: "o1", stage: "live", restApiName: "orders-api",
  edgeUrl: "https://edge-cdn.cloudfront.net/orders/", directUrl: "https://o1.execute-api.us-east-2.amazonaws.com/live/",
  probe: { path: "health", expectStatus: 200 },
};
