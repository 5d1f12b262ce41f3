import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LoadBalancers } from "./loadBalancers";
import type { PlannedService, PrivatePlan } from "./privatePlan";

export interface PrivateApiArgs {
  readonly name: string;
  readonly plan: PrivatePlan;
  readonly vpcLinkIds: ReadonlyMap<string, pulumi.Output<string>>;
  readonly loadBalancers: LoadBalancers;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** The API as the edge needs it; the stage output resolves once the stage exists. */
export interface PrivateApi {
  readonly apiId: pulumi.Output<string>;
  readonly stage: pulumi.Output<string>;
}

/**
 * HTTP API over VPC links v2: per service one private integration (ALB listener, existing listener
 * or Cloud Map service) and two `AWS_IAM` routes, `ANY <prefix>` and `ANY <prefix>/{proxy+}`.
 * The request path reaches the service unchanged, prefix included.
 */
export function createPrivateHttpApi(args: PrivateApiArgs, parent: pulumi.Resource): PrivateApi {
  const { name, plan, region, tags } = args;
  const api = new aws.apigatewayv2.Api(`${name}-api`, {
    protocolType: "HTTP",
    description: "Private microservices, reachable only through the edge (AWS_IAM on every route)",
    region,
    tags,
  }, { parent });
  for (const s of plan.services) {
    const integration = new aws.apigatewayv2.Integration(`${name}-integration-${s.name}`, {
      apiId: api.id,
      integrationType: "HTTP_PROXY",
      integrationMethod: "ANY",
      connectionType: "VPC_LINK",
      connectionId: args.vpcLinkIds.get(s.vpcLink) as pulumi.Output<string>,
      integrationUri: integrationUri(s, args.loadBalancers),
      payloadFormatVersion: "1.0",
      region,
    }, { parent });
    for (const [suffix, routeKey] of [["", `ANY ${s.routePath}`], ["-proxy", `ANY ${s.routePath}/{proxy+}`]]) {
      new aws.apigatewayv2.Route(`${name}-route-${s.name}${suffix}`, {
        apiId: api.id,
        routeKey,
        authorizationType: "AWS_IAM",
        target: pulumi.interpolate`integrations/${integration.id}`,
        region,
      }, { parent });
    }
  }
  const stage = new aws.apigatewayv2.Stage(`${name}-stage`, { apiId: api.id, name: "$default", autoDeploy: true, region, tags }, { parent });
  return { apiId: api.id, stage: stage.name };
}

/** A listener ARN or Cloud Map service ARN: what a VPC link v2 integration of an HTTP API targets. */
function integrationUri(s: PlannedService, lbs: LoadBalancers): pulumi.Input<string> {
  switch (s.route.via) {
    case "listener": return s.route.listenerArn;
    case "cloudMap": return s.route.serviceArn;
    case "alb": return (lbs.albListeners.get(s.route.alb) as aws.lb.Listener).arn;
    default: throw new Error(`HTTP APIs do not route over ${s.route.via}`);
  }
}
