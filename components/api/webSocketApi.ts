import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiOrigin } from "../shared/types";
import { CreatedApiArgs } from "./createdApiArgs";
import { PetStoreFunction } from "./petStoreFunction";
import { createV2Stage } from "./v2Stage";

/**
 * A WebSocket API with the pet store behind it. Only `$connect` can carry authorization on a WebSocket
 * API, and it requires AWS_IAM, so no connection opens without a valid signature.
 */
export class IamWebSocketApi extends pulumi.ComponentResource {
  readonly origin: ApiOrigin;
  /** The stage's JSON access-log group, for the monitoring's signer-403 filters. */
  readonly accessLogGroupName: pulumi.Output<string>;

  constructor(name: string, args: CreatedApiArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:api:IamWebSocketApi", name, {}, opts);
    const { config } = args;
    const region = config.region;
    const tags = { ...args.tags };

    const api = new aws.apigatewayv2.Api(name, {
      region,
      protocolType: "WEBSOCKET",
      routeSelectionExpression: "$request.body.action",
      description: `${config.name}: pet store over WebSocket behind the edge ($connect requires AWS_IAM)`,
      tags,
    }, { parent: this });
    const backend = new PetStoreFunction(`${name}-petstore`, {
      api: args,
      invokeSourceArn: pulumi.interpolate`${api.executionArn}/*`,
    }, { parent: this });
    const integration = new aws.apigatewayv2.Integration(`${name}-petstore`, {
      region,
      apiId: api.id,
      integrationType: "AWS_PROXY",
      // WebSocket Lambda integrations must call the function with POST.
      integrationMethod: "POST",
      integrationUri: backend.function.invokeArn,
    }, { parent: this });
    const target = pulumi.interpolate`integrations/${integration.id}`;

    new aws.apigatewayv2.Route(`${name}-connect`, { region, apiId: api.id, routeKey: "$connect", authorizationType: "AWS_IAM", target }, { parent: this });
    new aws.apigatewayv2.Route(`${name}-disconnect`, { region, apiId: api.id, routeKey: "$disconnect", target }, { parent: this });
    const messages = new aws.apigatewayv2.Route(`${name}-default`, {
      region,
      apiId: api.id,
      routeKey: "$default",
      routeResponseSelectionExpression: "$default",
      target,
    }, { parent: this });
    new aws.apigatewayv2.RouteResponse(`${name}-default`, { region, apiId: api.id, routeId: messages.id, routeResponseKey: "$default" }, { parent: this });

    const { stage, accessLogGroupName } = createV2Stage(name, api.id, args, this);
    this.accessLogGroupName = accessLogGroupName;

    this.origin = { name: config.name, kind: "WEBSOCKET", apiId: api.id, stage: stage.name, region, pathPattern: config.pathPattern };
    this.registerOutputs({ apiId: api.id });
  }
}
