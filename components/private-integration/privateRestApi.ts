import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import type { PrivateApi, PrivateApiArgs } from "./privateHttpApi";
import type { PlannedService } from "./privatePlan";
import { restPathKey, restResourceTree } from "./restResourceTree";
import type { PrivateServiceSettings } from "./settings";

/**
 * REGIONAL REST API with `ANY` + `AWS_IAM` on `<prefix>` and `<prefix>/{proxy+}` of every service,
 * each an `HTTP_PROXY` integration over its VPC link: v1 links reach the NLB by its DNS name and
 * listener port; v2 links name the ALB in `integrationTarget`. The path keeps the service prefix.
 */
export function createPrivateRestApi(args: PrivateApiArgs, services: readonly PrivateServiceSettings[], stageName: string, parent: pulumi.Resource): PrivateApi {
  const { name, plan, region, tags } = args;
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
      parentId: node.parent === "" ? api.rootResourceId : (resources.get(node.parent) as aws.apigateway.Resource).id,
      pathPart: node.pathPart,
      region,
    }, opts));
  }

  const protocolOf = new Map(services.map((s) => [s.name, s.protocol]));
  const dependsOn: pulumi.Resource[] = [];
  for (const s of plan.services) {
    const target = integrationTarget(s, args, protocolOf.get(s.name) ?? "HTTP");
    for (const path of [s.routePath, `${s.routePath}/{proxy+}`]) {
      const proxy = path.endsWith("{proxy+}");
      const resource = resources.get(path) as aws.apigateway.Resource;
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
        connectionId: args.vpcLinkIds.get(s.vpcLink) as pulumi.Output<string>,
        ...(target.albArn ? { integrationTarget: target.albArn } : {}),
        uri: pulumi.interpolate`${target.origin}${s.routePath}${proxy ? "/{proxy}" : ""}`,
        ...(proxy ? { requestParameters: { "integration.request.path.proxy": "method.request.path.proxy" } } : {}),
        region,
      }, opts);
      dependsOn.push(method, integration);
    }
  }

  // A new deployment whenever the routes or their wiring change; unchanged config keeps the deployment.
  const definition = JSON.stringify(plan.services.map((s) => [s.name, s.routePath, s.vpcLink, s.route]));
  const deployment = new aws.apigateway.Deployment(`${name}-deployment`, {
    restApi: api.id,
    description: "Private microservices",
    triggers: { definition: createHash("sha256").update(definition).digest("hex") },
    region,
  }, { parent, dependsOn });
  const stage = new aws.apigateway.Stage(`${name}-stage`, { restApi: api.id, deployment: deployment.id, stageName, region, tags }, opts);
  return { apiId: api.id, stage: stage.stageName };
}

/** Scheme, host and port the integration URI starts with, and the ALB a v2 link must target. */
function integrationTarget(s: PlannedService, args: PrivateApiArgs, protocol: string): { origin: pulumi.Output<string>; albArn?: pulumi.Output<string> } {
  const { nlbs, albs } = args.loadBalancers;
  switch (s.route.via) {
    case "nlb": {
      const nlb = nlbs.get(s.route.nlb) as aws.lb.LoadBalancer;
      return { origin: pulumi.interpolate`${protocol.toLowerCase()}://${nlb.dnsName}:${s.route.port}` };
    }
    case "nlb-alb": {
      const nlb = nlbs.get(s.route.nlb) as aws.lb.LoadBalancer;
      return { origin: pulumi.interpolate`http://${nlb.dnsName}:${s.route.port}` };
    }
    case "alb": {
      const alb = albs.get(s.route.alb) as aws.lb.LoadBalancer;
      return { origin: pulumi.interpolate`http://${alb.dnsName}`, albArn: alb.arn };
    }
    default: throw new Error(`REST APIs do not route over ${s.route.via}`);
  }
}
