import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { mustGet } from "./mustGet";
import type { PrivatePlan } from "./privatePlan";
import type { VpcPlacement } from "./privateNetwork";
import { ALB_HEALTH_PATH, ALB_LISTENER_PORT, PrivateServiceSettings, serviceTarget } from "./settings";

/** The last of ALB rule priorities 1-50000, so the health rule never takes a service's position. */
const ALB_HEALTH_RULE_PRIORITY = 50_000;

/** What the API and the outputs need from the load balancers. */
export interface LoadBalancers {
  readonly nlbs: ReadonlyMap<string, aws.lb.LoadBalancer>;
  readonly albs: ReadonlyMap<string, aws.lb.LoadBalancer>;
  /** The one HTTP listener of each ALB. */
  readonly albListeners: ReadonlyMap<string, aws.lb.Listener>;
  /** Target group per service with a targetType, for app teams to register tasks or instances. */
  readonly targetGroups: ReadonlyMap<string, aws.lb.TargetGroup>;
  /** The listener in front of each service's target group (NLB listener or ALB listener). */
  readonly listenerArns: ReadonlyMap<string, pulumi.Output<string>>;
}

export interface LoadBalancerArgs {
  readonly name: string;
  readonly plan: PrivatePlan;
  readonly services: readonly PrivateServiceSettings[];
  readonly vpcs: ReadonlyMap<string, VpcPlacement>;
  readonly securityGroups: ReadonlyMap<string, pulumi.Output<string>>;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** Internal NLBs and ALBs, target groups, listeners and ALB path rules, named by their plan keys. */
export function createLoadBalancers(args: LoadBalancerArgs, parent: pulumi.Resource): LoadBalancers {
  const { name, plan, vpcs, securityGroups: sgs, region, tags } = args;
  const opts = { parent };
  const placement = (vpc: string) => mustGet(vpcs, vpc, "VPC");
  const sg = (key: string) => [mustGet(sgs, key, "security group")];

  const nlbs = new Map(plan.nlbs.map((n) => [n.key, new aws.lb.LoadBalancer(`${name}-nlb-${n.key}`, {
    loadBalancerType: "network",
    internal: true,
    subnets: placement(n.vpc).subnetIds,
    securityGroups: sg(`nlb-${n.key}`),
    // Traffic from a v1 VPC link arrives over PrivateLink; the NLB has no inbound rule for anything else.
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: "off",
    enableCrossZoneLoadBalancing: true,
    region,
    tags,
  }, opts)]));
  const albs = new Map(plan.albs.map((a) => [a.key, new aws.lb.LoadBalancer(`${name}-alb-${a.key}`, {
    loadBalancerType: "application",
    internal: true,
    subnets: placement(a.vpc).subnetIds,
    securityGroups: sg(`alb-${a.key}`),
    dropInvalidHeaderFields: true,
    region,
    tags,
  }, opts)]));
  const albListeners = new Map([...albs].map(([key, alb]) => [key, new aws.lb.Listener(`${name}-alb-${key}-http`, {
    loadBalancerArn: alb.arn,
    port: ALB_LISTENER_PORT,
    protocol: "HTTP",
    defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not Found", statusCode: "404" } }],
    region,
    tags,
  }, opts)]));

  // An ALB behind NLBs answers their health checks itself: without this rule the check of `/`
  // gets the listener's default 404 and the NLB never marks the ALB healthy.
  for (const a of plan.albs) {
    if (a.nlbs.length === 0) continue;
    new aws.lb.ListenerRule(`${name}-alb-${a.key}-health`, {
      listenerArn: mustGet(albListeners, a.key, "ALB listener").arn,
      priority: ALB_HEALTH_RULE_PRIORITY,
      conditions: [{ pathPattern: { values: [ALB_HEALTH_PATH] } }],
      actions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "OK", statusCode: "200" } }],
      region,
      tags,
    }, opts);
  }

  const settingsOf = new Map(args.services.map((s) => [s.name, s]));
  const targetGroups = new Map<string, aws.lb.TargetGroup>();
  const listenerArns = new Map<string, pulumi.Output<string>>();
  for (const planned of plan.services) {
    const { route } = planned;
    const s = mustGet(settingsOf, planned.name, "service settings");
    const target = serviceTarget(s);
    if (target.kind !== "targetGroup") continue;
    const behindAlb = route.via === "alb" || route.via === "nlb-alb";
    const tg = new aws.lb.TargetGroup(`${name}-tg-${s.name}`, {
      vpcId: placement(s.vpc).vpcId,
      targetType: target.targetType,
      port: s.port,
      protocol: behindAlb ? s.protocol : "TCP",
      ...(behindAlb ? { healthCheck: { path: s.healthCheckPath, protocol: s.protocol, matcher: "200-399" } } : {}),
      region,
      tags,
    }, opts);
    targetGroups.set(s.name, tg);
    if (route.via === "alb" || route.via === "nlb-alb") {
      const listener = mustGet(albListeners, route.alb, "ALB listener");
      new aws.lb.ListenerRule(`${name}-rule-${s.name}`, {
        listenerArn: listener.arn,
        priority: planned.rulePriority,
        conditions: [{ pathPattern: { values: [s.pathPrefix, `${s.pathPrefix}/*`] } }],
        actions: [{ type: "forward", targetGroupArn: tg.arn }],
        region,
        tags,
      }, opts);
      listenerArns.set(s.name, listener.arn);
    }
  }

  for (const n of plan.nlbs) {
    for (const l of n.listeners) {
      const forwardTo = l.target.kind === "service"
        ? mustGet(targetGroups, l.target.service, "target group").arn
        : albTargetGroup(args, n.key, l.target.alb, albs, albListeners, opts).arn;
      const listener = new aws.lb.Listener(`${name}-nlb-${n.key}-${l.target.kind === "service" ? l.target.service : `alb-${l.target.alb}`}`, {
        loadBalancerArn: mustGet(nlbs, n.key, "NLB").arn,
        port: l.port,
        protocol: "TCP",
        defaultActions: [{ type: "forward", targetGroupArn: forwardTo }],
        region,
        tags,
      }, opts);
      if (l.target.kind === "service") listenerArns.set(l.target.service, listener.arn);
    }
  }
  return { nlbs, albs, albListeners, targetGroups, listenerArns };
}

/**
 * NLB -> ALB: a target group of type `alb`, TCP on the ALB listener port, with the ALB as its one
 * target. Its health check is HTTP (type `alb` allows only HTTP or HTTPS) on the path the ALB
 * answers with 200 itself, so the ALB counts as healthy whatever its services' state.
 */
function albTargetGroup(
  args: LoadBalancerArgs,
  nlb: string,
  alb: string,
  albs: ReadonlyMap<string, aws.lb.LoadBalancer>,
  albListeners: ReadonlyMap<string, aws.lb.Listener>,
  opts: pulumi.CustomResourceOptions,
): aws.lb.TargetGroup {
  const { name, plan, region, tags } = args;
  const vpc = mustGet(new Map(plan.albs.map((a) => [a.key, a.vpc])), alb, "ALB");
  const tg = new aws.lb.TargetGroup(`${name}-tg-${nlb}-to-alb-${alb}`, {
    vpcId: mustGet(args.vpcs, vpc, "VPC").vpcId,
    targetType: "alb",
    protocol: "TCP",
    port: ALB_LISTENER_PORT,
    healthCheck: { protocol: "HTTP", path: ALB_HEALTH_PATH, matcher: "200" },
    region,
    tags,
  }, opts);
  // The ALB can be registered only once it has a listener on the target group's port.
  new aws.lb.TargetGroupAttachment(`${name}-tg-${nlb}-to-alb-${alb}`, {
    targetGroupArn: tg.arn,
    targetId: mustGet(albs, alb, "ALB").arn,
    port: ALB_LISTENER_PORT,
    region,
  }, { ...opts, dependsOn: [mustGet(albListeners, alb, "ALB listener")] });
  return tg;
}
