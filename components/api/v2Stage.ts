import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CreatedApiArgs } from "./createdApiArgs";
import { ACCESS_LOG_FORMATS } from "./accessLogFormats";

/** An auto-deployed HTTP or WebSocket stage with JSON access logs (in its kind's format) and the configured throttling. */
export function createV2Stage(name: string, apiId: pulumi.Input<string>, args: CreatedApiArgs, parent: pulumi.Resource): { stage: aws.apigatewayv2.Stage; accessLogGroupName: pulumi.Output<string> } {
  const { config } = args;
  const region = config.region;
  const tags = { ...args.tags };
  const accessLog = new aws.cloudwatch.LogGroup(`${name}-access`, { region, retentionInDays: config.logRetentionDays, tags }, { parent });
  const stage = new aws.apigatewayv2.Stage(`${name}-stage`, {
    region,
    apiId,
    name: config.stage,
    autoDeploy: true,
    accessLogSettings: { destinationArn: accessLog.arn, format: ACCESS_LOG_FORMATS[config.kind] },
    defaultRouteSettings: { throttlingRateLimit: config.throttle.rateLimit, throttlingBurstLimit: config.throttle.burstLimit },
    tags,
  }, { parent, dependsOn: args.accountSetting ? [args.accountSetting] : [] });
  return { stage, accessLogGroupName: accessLog.name };
}
