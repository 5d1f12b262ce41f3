import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiOrigin } from "../shared/types";
import { CreatedApiArgs } from "./createdApiArgs";
import { PetStoreFunction } from "./petStoreFunction";
import { PETSTORE_ROUTES, pathSlug } from "./routes";
import { createV2Stage } from "./v2Stage";

/** An HTTP API with the pet store behind it, `authorizationType: "AWS_IAM"` on every route, and an auto-deployed stage. */
export class IamHttpApi extends pulumi.ComponentResource {
  readonly origin: ApiOrigin;
  /** The stage's JSON access-log group, for the monitoring's signer-403 filters. */
  readonly accessLogGroupName: pulumi.Output<string>;

  constructor(name: string, args: CreatedApiArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:api:IamHttpApi", name, {}, opts);
    const { config } = args;
    const region = config.region;
    const tags = { ...args.tags };

    const api = new aws.apigatewayv2.Api(name, {
      region,
      protocolType: "HTTP",
      description: `${config.name}: pet store behind the edge (AWS_IAM on every route)`,
      tags,
    }, { parent: this });
    const backend = new PetStoreFunction(`${name}-petstore`, {
      api: args,
      invokeSourceArn: pulumi.interpolate`${api.executionArn}/*/*`,
    }, { parent: this });
    const integration = new aws.apigatewayv2.Integration(`${name}-petstore`, {
      region,
      apiId: api.id,
      integrationType: "AWS_PROXY",
      integrationUri: backend.function.arn,
      payloadFormatVersion: "2.0",
    }, { parent: this });
    for (const route of PETSTORE_ROUTES) {
      new aws.apigatewayv2.Route(`${name}-${route.method.toLowerCase()}-${pathSlug(route.path)}`, {
        region,
        apiId: api.id,
        routeKey: `${route.method} ${route.path}`,
        authorizationType: "AWS_IAM",
        target: pulumi.interpolate`integrations/${integration.id}`,
      }, { parent: this });
    }

    const { stage, accessLogGroupName } = createV2Stage(name, api.id, args, this);
    this.accessLogGroupName = accessLogGroupName;

    this.origin = { name: config.name, kind: "HTTP", apiId: api.id, stage: stage.name, region, pathPattern: config.pathPattern };
    this.registerOutputs({ apiId: api.id });
  }
}
