import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiGatewayAccount } from "../api/apiGatewayAccount";
import { parseWith } from "../shared/schema/parse";
import type { ApiOrigin } from "../shared/types";
import { createLoadBalancers } from "./loadBalancers";
import { mustGet } from "./mustGet";
import { planPrivateIntegration } from "./planPrivateIntegration";
import { privateIntegrationSchema } from "./privateIntegrationSchema";
import { createPrivateHttpApi } from "./privateHttpApi";
import { createVpcs } from "./privateNetwork";
import type { PrivatePlan } from "./privatePlan";
import { createPrivateRestApi } from "./privateRestApi";
import { createSecurityGroups } from "./securityGroups";
import { PrivateIntegrationInput, serviceTarget, TargetType } from "./settings";
import { createVpcEndpoints } from "./vpcEndpoints";

export interface PrivateMicroservicesArgs {
  /**
   * The `privateIntegration` section as the stack file writes it, checked by the same schema with the same
   * defaults (parsed settings are accepted again); `region` is required, there being no stack region here.
   */
  readonly settings: PrivateIntegrationInput;
  /** Tags on every taggable child. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The edge signer's role (`edgeSignerRole(edgeName).arn`): a REST topology's API admits only it, on its stage,
   * from its first deployment. An HTTP API has no resource policy; AWS_IAM alone guards it.
   */
  readonly signerRoleArn: pulumi.Input<string>;
  /**
   * REST topologies: API Gateway's account setting (CloudWatch role) of the integration's region, managed
   * elsewhere, which the stage waits for before it writes access logs: `ProtectedApis.accountSettings.get(region)`
   * where that component manages the region. @default created here when `manageApiGatewayAccount`
   */
  readonly accountSetting?: pulumi.Resource;
  /**
   * REST topologies without `accountSetting`: create the region's account setting here. It is one setting per
   * account and region, so turn this off where another stack manages it. HTTP APIs need none. @default true
   */
  readonly manageApiGatewayAccount?: boolean;
}

/** What an app team needs to plug its microservice in. */
export interface PrivateServiceOutput {
  /** Target group to register tasks or instances in (services with a targetType). */
  readonly targetGroupArn?: string;
  /** Listener in front of the target group, or the existing listener integrated. */
  readonly listenerArn?: string;
  /** Route prefix on the API, without the edge prefix. */
  readonly routePath: string;
  /** Port the service's tasks or instances listen on (the target group's port). */
  readonly port: number;
  readonly vpcLinkId: string;
  /**
   * Security group to attach to the backends: it admits only their load balancer, on the service
   * port, and lets them open HTTPS to their VPC's endpoints and S3, nothing else.
   */
  readonly backendSecurityGroupId?: string;
  /** How tasks or instances are registered in the target group; Fargate tasks need `ip`. */
  readonly targetType?: TargetType;
  /** The private subnets of the service's VPC (those of its load balancers), for its tasks. */
  readonly subnetIds?: string[];
}

/**
 * Private microservices behind one IAM-authorized API Gateway API over VPC links, in one of five
 * topologies. Load balancers are internal; each hop admits only the hop before it.
 */
export class PrivateMicroservices extends pulumi.ComponentResource {
  /** The one API, for the edge to front at `<pathPrefix>/*`. */
  readonly origins: ApiOrigin[];
  /** The edge path prefix the API is served under, e.g. `/services`. */
  readonly pathPrefix: string;
  readonly services: pulumi.Output<Record<string, PrivateServiceOutput>>;
  /** VPC link ids by key: the NLB's key (v1) or the VPC's name (v2). */
  readonly vpcLinks: pulumi.Output<Record<string, string>>;
  readonly plan: PrivatePlan;
  /** REST topologies: the API's name, which REST metrics are keyed by (for the monitoring). */
  readonly restApiName?: pulumi.Output<string>;
  /** The stage's JSON access-log group (for the monitoring's signer-403 filters). */
  readonly accessLogGroupName: pulumi.Output<string>;

  constructor(name: string, args: PrivateMicroservicesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Checked and planned before registering anything: bad settings or a plan that breaks a quota create nothing at all.
    const settings = parseWith(privateIntegrationSchema(), args.settings, `${name}: invalid PrivateMicroservices arguments`, ["settings"]);
    const plan = planPrivateIntegration(settings);
    super("edge-security:private-integration:PrivateMicroservices", name, {}, opts);
    this.plan = plan;
    this.pathPrefix = settings.pathPrefix;
    const { region } = settings;
    const tags = args.tags ?? {};

    const vpcs = createVpcs(name, settings.vpcs, region, tags, this);
    const securityGroups = createSecurityGroups({ name, plan, services: settings.services, vpcSettings: settings.vpcs, vpcs, region, tags }, this);
    createVpcEndpoints(name, settings.vpcs, vpcs, securityGroups, region, tags, this);
    const loadBalancers = createLoadBalancers({ name, plan, services: settings.services, vpcs, securityGroups, region, tags }, this);

    const vpcLinkIds = new Map(plan.vpcLinks.map((l) => {
      const link = l.version === "v1"
        ? new aws.apigateway.VpcLink(`${name}-link-${l.key}`, {
            description: `REST API to NLB ${l.key}`,
            targetArn: mustGet(loadBalancers.nlbs, l.nlb, "NLB").arn,
            region,
            tags,
          }, { parent: this })
        : new aws.apigatewayv2.VpcLink(`${name}-link-${l.key}`, {
            subnetIds: mustGet(vpcs, l.vpc, "VPC").subnetIds,
            securityGroupIds: [mustGet(securityGroups, `link-${l.vpc}`, "security group")],
            region,
            tags,
          }, { parent: this });
      return [l.key, link.id] as const;
    }));

    const apiArgs = { name, plan, services: settings.services, vpcLinkIds, loadBalancers, stageSettings: settings.api, region, tags };
    const api = plan.apiKind === "HTTP"
      ? createPrivateHttpApi(apiArgs, this)
      : createPrivateRestApi(apiArgs, { stageName: settings.stageName, signerRoleArn: args.signerRoleArn, accountSetting: this.accountSetting(name, args, region, tags) }, this);
    this.origins = [{ name, kind: plan.apiKind, apiId: api.apiId, stage: api.stage, region, pathPattern: `${settings.pathPrefix}/*` }];
    this.restApiName = api.restApiName;
    this.accessLogGroupName = api.accessLogGroupName;

    const listenerOf = new Map(plan.services.map((s) => [s.name, s.route.via === "listener" ? s.route.listenerArn : loadBalancers.listenerArns.get(s.name)]));
    const settingsOf = new Map(settings.services.map((s) => [s.name, s]));
    this.services = pulumi.output(Object.fromEntries(plan.services.map((s) => {
      const service = mustGet(settingsOf, s.name, "service");
      const { port } = service;
      const target = serviceTarget(service);
      const targetGroup = loadBalancers.targetGroups.get(s.name);
      const listenerArn = listenerOf.get(s.name);
      const backend = securityGroups.get(`backend-${s.name}`);
      return [s.name, {
        routePath: s.routePath,
        port,
        vpcLinkId: mustGet(vpcLinkIds, s.vpcLink, "VPC link"),
        ...(targetGroup ? { targetGroupArn: targetGroup.arn } : {}),
        ...(listenerArn ? { listenerArn } : {}),
        ...(backend ? { backendSecurityGroupId: backend } : {}),
        ...(target.kind === "targetGroup" ? { targetType: target.targetType, subnetIds: mustGet(vpcs, s.vpc, "VPC").subnetIds } : {}),
      }];
    })));
    this.vpcLinks = pulumi.output(Object.fromEntries(vpcLinkIds));
    this.registerOutputs({ origins: this.origins, services: this.services, vpcLinks: this.vpcLinks });
  }

  /** The account setting a REST stage waits for: the one given, else one created here unless that is turned off. */
  private accountSetting(name: string, args: PrivateMicroservicesArgs, region: string, tags: Readonly<Record<string, string>>): pulumi.Resource | undefined {
    if (args.accountSetting) return args.accountSetting;
    if (!(args.manageApiGatewayAccount ?? true)) return undefined;
    return new ApiGatewayAccount(`${name}-account-${region}`, { region, tags }, { parent: this }).account;
  }
}
