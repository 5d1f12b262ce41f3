import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCESS_LOG_FORMATS } from "../api/accessLogFormats";
import { tlsHostnameOf } from "./topologyFit";
import type { LoadBalancers } from "./loadBalancers";
import { mustGet } from "./mustGet";
import type { PlannedService, PrivatePlan } from "./privatePlan";
import type { PrivateApiStageSettings, PrivateServiceSettings } from "./settings";

export interface PrivateApiArgs {
  readonly name: string;
  readonly plan: PrivatePlan;
  /** The settings of the planned services, by which the plan was made. */
  readonly services: readonly PrivateServiceSettings[];
  readonly vpcLinkIds: ReadonlyMap<string, pulumi.Output<string>>;
  readonly loadBalancers: LoadBalancers;
  /** The stage's access-log retention and throttling. */
  readonly stageSettings: PrivateApiStageSettings;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** The API as the edge needs it; the stage output resolves once the stage exists. */
export interface PrivateApi {
  readonly apiId: pulumi.Output<string>;
  readonly stage: pulumi.Output<string>;
  /** REST only: the API's name, which REST metrics are keyed by. */
  readonly restApiName?: pulumi.Output<string>;
  /** The stage's JSON access-log group, for the monitoring's signer-403 filters. */
  readonly accessLogGroupName: pulumi.Output<string>;
}

/** The stage's access-log group: a created API's (same name suffix, the configured retention). */
export function createAccessLogGroup(args: PrivateApiArgs, parent: pulumi.Resource): aws.cloudwatch.LogGroup {
  const { name, region, tags } = args;
  return new aws.cloudwatch.LogGroup(`${name}-access`, { region, retentionInDays: args.stageSettings.logRetentionDays, tags }, { parent });
}

/**
 * HTTP API over VPC links v2: per service one private integration (ALB listener, existing listener
 * or Cloud Map service) and two `AWS_IAM` routes, `ANY <prefix>` and `ANY <prefix>/{proxy+}`.
 * The request path reaches the service unchanged, prefix included. An HTTPS existing listener or
 * Cloud Map service gets a TLS config: API Gateway then speaks HTTPS and verifies the certificate
 * against the service's `tlsHostname` (a created ALB's listener is plain HTTP inside the VPC).
 * The `$default` stage logs each request in the HTTP access-log format and throttles every route, as
 * a created HTTP API's stage does (api/v2Stage.ts); HTTP APIs need no account-level logging role.
 */
export function createPrivateHttpApi(args: PrivateApiArgs, parent: pulumi.Resource): PrivateApi {
  const { name, plan, region, tags } = args;
  const api = new aws.apigatewayv2.Api(`${name}-api`, {
    protocolType: "HTTP",
    description: "Private microservices, reachable only through the edge (AWS_IAM on every route)",
    region,
    tags,
  }, { parent });
  const settingsOf = new Map(args.services.map((s) => [s.name, s]));
  for (const s of plan.services) {
    const tlsHostname = tlsHostnameOf(mustGet(settingsOf, s.name, "service settings"), plan.topology);
    const integration = new aws.apigatewayv2.Integration(`${name}-integration-${s.name}`, {
      apiId: api.id,
      integrationType: "HTTP_PROXY",
      integrationMethod: "ANY",
      connectionType: "VPC_LINK",
      connectionId: mustGet(args.vpcLinkIds, s.vpcLink, "VPC link"),
      integrationUri: integrationUri(s, args.loadBalancers),
      payloadFormatVersion: "1.0",
      ...(tlsHostname === undefined ? {} : { tlsConfig: { serverNameToVerify: tlsHostname } }),
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
  const accessLog = createAccessLogGroup(args, parent);
  const { throttle } = args.stageSettings;
  const stage = new aws.apigatewayv2.Stage(`${name}-stage`, {
    apiId: api.id,
    name: "$default",
    autoDeploy: true,
    accessLogSettings: { destinationArn: accessLog.arn, format: ACCESS_LOG_FORMATS.HTTP },
    defaultRouteSettings: { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit },
    region,
    tags,
  }, { parent });
  return { apiId: api.id, stage: stage.name, accessLogGroupName: accessLog.name };
}

/** A listener ARN or Cloud Map service ARN: what a VPC link v2 integration of an HTTP API targets. */
function integrationUri(s: PlannedService, lbs: LoadBalancers): pulumi.Input<string> {
  switch (s.route.via) {
    case "listener": return s.route.listenerArn;
    case "cloudMap": return s.route.serviceArn;
    case "alb": return mustGet(lbs.albListeners, s.route.alb, "ALB listener").arn;
    default: throw new Error(`HTTP APIs do not route over ${s.route.via}`);
  }
}
