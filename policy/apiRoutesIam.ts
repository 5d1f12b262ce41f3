import * as aws from "@pulumi/aws";
import { configShape, dependenciesOf, stackPolicy } from "./definePolicy";

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";

/**
 * Every HTTP API route requires AWS_IAM, and every WebSocket API's `$connect` (the only WebSocket route that
 * carries authorization: a connection that passed it is authorized for its messages), which every WebSocket
 * API of the stack must have. The route's API, read
 * through its `apiId` dependency, tells the two apart; a route of an API outside the stack counts as HTTP.
 */
export const apiRoutesIam = stackPolicy({
  name: "api-routes-aws-iam",
  description: "Every HTTP API route and every WebSocket API's $connect route requires AWS_IAM authorization.",
  enforcementLevel: "mandatory",
  severity: "critical",
  config: configShape({}),
  check: (resources, _config, report) => {
    const routes = resources.filter((r) => r.type === ROUTE);
    // Without a $connect route a WebSocket API opens every connection without authorization.
    for (const api of resources.filter((r) => r.type === API && r.asType(aws.apigatewayv2.Api)?.protocolType === "WEBSOCKET")) {
      const connect = routes.some((r) => r.props.routeKey === "$connect" && dependenciesOf(r, "apiId", API).some((d) => d.urn === api.urn));
      if (!connect) report(`WebSocket API ${api.name} has no $connect route, so connections open without authorization; add $connect with AWS_IAM`, api.urn);
    }
    for (const resource of routes) {
      const route = resource.asType(aws.apigatewayv2.Route);
      if (!route) continue;
      const api = dependenciesOf(resource, "apiId", API)[0]?.asType(aws.apigatewayv2.Api);
      const webSocket = api?.protocolType === "WEBSOCKET";
      if (webSocket && route.routeKey !== "$connect") continue;
      if (route.authorizationType !== "AWS_IAM") {
        const what = webSocket ? "WebSocket $connect route" : `HTTP route ${JSON.stringify(route.routeKey)}`;
        report(`${what} uses authorizationType ${JSON.stringify(route.authorizationType ?? "NONE")}; it must require AWS_IAM so that only the edge's signed requests get through`, resource.urn);
      }
    }
  },
});
