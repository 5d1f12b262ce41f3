import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCESS_LOG_FORMATS } from "../api/accessLogFormats";
import { definitionHash } from "../api/routes";
import { signerOnlyPolicy } from "../api/signerOnlyPolicy";
import { tlsHostnameOf } from "./topologyFit";
import { mustGet } from "./mustGet";
import { createAccessLogGroup, type PrivateApi, type PrivateApiArgs } from "./privateHttpApi";
import type { PlannedService } from "./privatePlan";
import { restPathKey, restResourceTree } from "./restResourceTree";
import type { PrivateServiceSettings, PrivateTopology } from "./settings";

/**
 * Integration request mappings that keep the signer's credentials from the service. API Gateway
 * already drops an `Authorization` header that carries a SigV4 signature before HTTP integrations;
 * the session token would pass through, so it is overwritten with an empty static value. Every
 * other header, the viewer's relocated `x-forwarded-authorization` included, passes unchanged.
 */
export const DROP_SIGNER_CREDENTIALS: Readonly<Record<string, string>> = { "integration.request.header.X-Amz-Security-Token": "''" };

export interface PrivateRestStageArgs {
  readonly stageName: string;
  /** The only principal the resource policy admits. */
  readonly signerRoleArn: pulumi.Input<string>;
  /** API Gateway's account setting of the region (its CloudWatch role), which a REST stage needs to write access logs. */
  readonly accountSetting?: pulumi.Resource;
}

/**
 * REGIONAL REST API with `ANY` + `AWS_IAM` on `<prefix>` and `<prefix>/{proxy+}` of every service,
 * each an `HTTP_PROXY` integration over its VPC link: v1 links reach the NLB by its DNS name and
 * listener port; v2 links name the ALB in `integrationTarget`. The path keeps the service prefix. Its
 * resource policy admits only the signer's role on the stage, in force from the first deployment.
 * HTTPS through an NLB uses the service's `tlsHostname` as the URI host instead: the link still
 * carries the connection to the NLB, and API Gateway verifies the certificate against that name.
 * The stage logs each request in the REST access-log format and throttles every method, as a created
 * REST API's stage does (api/restApi.ts).
 */
export function createPrivateRestApi(args: PrivateApiArgs, stageArgs: PrivateRestStageArgs, parent: pulumi.Resource): PrivateApi {
  const { name, plan, region, tags } = args;
  const { stageName, signerRoleArn } = stageArgs;
  const opts = { parent };
  const api = new aws.apigateway.RestApi(`${name}-api`, {
    description: "Private microservices, reachable only through the edge (AWS_IAM on every method)",
    endpointConfiguration: { types: "REGIONAL" },
    region,
    tags,
  }, opts);
  const resources = new Map<string, aws.apigateway.Resource>();
  for (const node of restResourceTree(plan.services.map((s) => s.routePath))) {
    resources.set(node.path, new aws.apigateway.Resource(`${name}-resource-${restPathKey(node.path)}`, {
      restApi: api.id,
      parentId: node.parent === "" ? api.rootResourceId : mustGet(resources, node.parent, "REST resource").id,
      pathPart: node.pathPart,
      region,
    }, opts));
  }

  const settingsOf = new Map(args.services.map((s) => [s.name, s]));
  const dependsOn: pulumi.Resource[] = [];
  /** Everything that shapes each method and integration, as the provider resolved it. */
  const shapes: pulumi.Output<unknown>[] = [];
  for (const s of plan.services) {
    const target = integrationTarget(s, mustGet(settingsOf, s.name, "service settings"), plan.topology, args);
    for (const path of [s.routePath, `${s.routePath}/{proxy+}`]) {
      const proxy = path.endsWith("{proxy+}");
      const resource = mustGet(resources, path, "REST resource");
      const method = new aws.apigateway.Method(`${name}-method-${restPathKey(path)}`, {
        restApi: api.id,
        resourceId: resource.id,
        httpMethod: "ANY",
        authorization: "AWS_IAM",
        ...(proxy ? { requestParameters: { "method.request.path.proxy": true } } : {}),
        region,
      }, opts);
      const integration = new aws.apigateway.Integration(`${name}-integration-${restPathKey(path)}`, {
        restApi: api.id,
        resourceId: resource.id,
        httpMethod: method.httpMethod,
        type: "HTTP_PROXY",
        integrationHttpMethod: "ANY",
        connectionType: "VPC_LINK",
        connectionId: mustGet(args.vpcLinkIds, s.vpcLink, "VPC link"),
        ...(target.albArn ? { integrationTarget: target.albArn } : {}),
        uri: pulumi.interpolate`${target.origin}${s.routePath}${proxy ? "/{proxy}" : ""}`,
        requestParameters: { ...(proxy ? { "integration.request.path.proxy": "method.request.path.proxy" } : {}), ...DROP_SIGNER_CREDENTIALS },
        region,
      }, opts);
      dependsOn.push(method, integration);
      shapes.push(pulumi.output({
        path,
        resource: resource.id,
        method: [method.id, method.httpMethod, method.authorization, method.requestParameters],
        integration: [integration.id, integration.type, integration.connectionType, integration.connectionId, integration.integrationTarget, integration.uri, integration.requestParameters],
      }));
    }
  }

  const policy = signerOnlyPolicy(name, api, stageName, signerRoleArn, parent);
  // A new deployment whenever a method, an integration or the resource policy changes, resolved values
  // included (protocol, host, NLB DNS name, VPC link, ALB, signer role): the stage serves a snapshot, so
  // an updated integration or policy alone would never reach it. Unchanged config and resources keep it.
  const deployment = new aws.apigateway.Deployment(`${name}-deployment`, {
    restApi: api.id,
    description: "Private microservices",
    triggers: { definition: pulumi.all(shapes).apply(definitionHash), resourcePolicy: policy.policy },
    region,
  }, { parent, dependsOn: [...dependsOn, policy] });
  const accessLog = createAccessLogGroup(args, parent);
  const stage = new aws.apigateway.Stage(`${name}-stage`, {
    restApi: api.id,
    deployment: deployment.id,
    stageName,
    accessLogSettings: { destinationArn: accessLog.arn, format: ACCESS_LOG_FORMATS.REST },
    region,
    tags,
  }, { parent, dependsOn: stageArgs.accountSetting ? [stageArgs.accountSetting] : [] });
  const { throttle } = args.stageSettings;
  new aws.apigateway.MethodSettings(`${name}-throttle`, {
    restApi: api.id,
    stageName: stage.stageName,
    methodPath: "*/*",
    settings: { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit, metricsEnabled: true },
    region,
  }, opts);
  return { apiId: api.id, stage: stage.stageName, restApiName: api.name, accessLogGroupName: accessLog.name };
}

/** Scheme, host and port the integration URI starts with, and the ALB a v2 link must target. */
function integrationTarget(
  s: PlannedService,
  settings: PrivateServiceSettings,
  topology: PrivateTopology,
  args: PrivateApiArgs,
): { origin: pulumi.Output<string>; albArn?: pulumi.Output<string> } {
  const { nlbs, albs } = args.loadBalancers;
  switch (s.route.via) {
    case "nlb": {
      const nlb = mustGet(nlbs, s.route.nlb, "NLB");
      const tlsHostname = tlsHostnameOf(settings, topology);
      return {
        origin: tlsHostname === undefined
          ? pulumi.interpolate`http://${nlb.dnsName}:${s.route.port}`
          : pulumi.interpolate`https://${tlsHostname}:${s.route.port}`,
      };
    }
    case "nlb-alb": {
      const nlb = mustGet(nlbs, s.route.nlb, "NLB");
      return { origin: pulumi.interpolate`http://${nlb.dnsName}:${s.route.port}` };
    }
    case "alb": {
      const alb = mustGet(albs, s.route.alb, "ALB");
      return { origin: pulumi.interpolate`http://${alb.dnsName}`, albArn: alb.arn };
    }
    default: throw new Error(`REST APIs do not route over ${s.route.via}`);
  }
}
