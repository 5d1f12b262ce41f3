import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiOrigin } from "../shared/types";
import { CreatedApiArgs } from "./createdApiArgs";
import { PetStoreFunction } from "./petStoreFunction";
import { ACCESS_LOG_FORMATS } from "./accessLogFormats";
import { signerOnlyPolicy } from "./signerOnlyPolicy";
import { PETSTORE_ROUTES, definitionHash, pathSlug, resourcePaths } from "./routes";

export interface IamRestApiArgs extends CreatedApiArgs {
  /** The edge signer's role (`edgeSignerRole`): the only principal the API's resource policy admits. */
  readonly signerRoleArn: pulumi.Input<string>;
}

/**
 * A REGIONAL REST API with the pet store behind it and AWS_IAM on every method, the catch-all ANY
 * included; a resource policy that admits only the signer's role on the stage; a stage with JSON access
 * logs and throttling. The deployment is re-created whenever the definition (routes, authorization,
 * integration), the integrated function or the resource policy changes.
 */
export class IamRestApi extends pulumi.ComponentResource {
  readonly origin: ApiOrigin;
  /** The API's name: REST metrics are keyed by it (dimension ApiName). */
  readonly restApiName: pulumi.Output<string>;
  /** The stage's JSON access-log group, for the monitoring's signer-403 filters. */
  readonly accessLogGroupName: pulumi.Output<string>;

  constructor(name: string, args: IamRestApiArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:api:IamRestApi", name, {}, opts);
    const { config } = args;
    const region = config.region;
    const tags = { ...args.tags };

    const api = new aws.apigateway.RestApi(name, {
      region,
      description: `${config.name}: pet store behind the edge (AWS_IAM on every method)`,
      endpointConfiguration: { types: "REGIONAL" },
      tags,
    }, { parent: this });
    const backend = new PetStoreFunction(`${name}-petstore`, {
      api: args,
      invokeSourceArn: pulumi.interpolate`${api.executionArn}/*/*`,
    }, { parent: this });

    const resourceIds = new Map<string, pulumi.Input<string>>([["/", api.rootResourceId]]);
    for (const path of resourcePaths(PETSTORE_ROUTES)) {
      const parentPath = path.slice(0, path.lastIndexOf("/")) || "/";
      const resource = new aws.apigateway.Resource(`${name}-${pathSlug(path)}`, {
        region,
        restApi: api.id,
        parentId: resourceIds.get(parentPath)!,
        pathPart: path.slice(path.lastIndexOf("/") + 1),
      }, { parent: this });
      resourceIds.set(path, resource.id);
    }

    const integrations = PETSTORE_ROUTES.map((route) => {
      const slug = `${name}-${route.method.toLowerCase()}-${pathSlug(route.path)}`;
      const method = new aws.apigateway.Method(slug, {
        region,
        restApi: api.id,
        resourceId: resourceIds.get(route.path)!,
        httpMethod: route.method,
        authorization: "AWS_IAM",
      }, { parent: this });
      return new aws.apigateway.Integration(slug, {
        region,
        restApi: api.id,
        resourceId: method.resourceId,
        httpMethod: method.httpMethod,
        type: "AWS_PROXY",
        integrationHttpMethod: "POST",
        uri: backend.function.invokeArn,
      }, { parent: this });
    });

    const policy = signerOnlyPolicy(name, api, config.stage, args.signerRoleArn, this);
    const deployment = new aws.apigateway.Deployment(`${name}-deployment`, {
      region,
      restApi: api.id,
      description: `${config.name} pet store`,
      // A new snapshot whenever the routes, their authorization, the integrated function or the resource policy change.
      triggers: {
        definition: definitionHash({ routes: PETSTORE_ROUTES, authorization: "AWS_IAM", integration: "AWS_PROXY" }),
        integrationUri: backend.function.invokeArn,
        resourcePolicy: policy.policy,
      },
    }, { parent: this, dependsOn: [...integrations, policy] });

    const accessLog = new aws.cloudwatch.LogGroup(`${name}-access`, { region, retentionInDays: config.logRetentionDays, tags }, { parent: this });
    const stage = new aws.apigateway.Stage(`${name}-stage`, {
      region,
      restApi: api.id,
      deployment: deployment.id,
      stageName: config.stage,
      accessLogSettings: { destinationArn: accessLog.arn, format: ACCESS_LOG_FORMATS.REST },
      tags,
    }, { parent: this, dependsOn: args.accountSetting ? [args.accountSetting] : [] });
    new aws.apigateway.MethodSettings(`${name}-throttle`, {
      region,
      restApi: api.id,
      stageName: stage.stageName,
      methodPath: "*/*",
      settings: {
        throttlingRateLimit: config.throttle.rateLimit,
        throttlingBurstLimit: config.throttle.burstLimit,
        metricsEnabled: true,
      },
    }, { parent: this });

    this.origin = { name: config.name, kind: "REST", apiId: api.id, stage: stage.stageName, region, pathPattern: config.pathPattern };
    this.restApiName = api.name;
    this.accessLogGroupName = accessLog.name;
    this.registerOutputs({ apiId: api.id });
  }
}
