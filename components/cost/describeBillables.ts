/**
 * What the offline plan's recorded resources bill for: the input of `estimateCost`. Reads only recorded inputs
 * (the program's own, outputs resolved by the mocks), so it prices exactly what `npm run plan` lists.
 */
import { PRIVATE_API_NAME } from "../config/stackConfig";
import { managedGroupFacts } from "../waf";
import type { BillableApi, BillableApiKind, Billables, BillableWebAcl, LogDestination } from "./billables";
import { asArray, asNumber, asObject, asString, at, planId, type RecordedResourceLike } from "./recordedInputs";
import { ruleWcu } from "./pulumiRuleWcu";
import { describeMonitoring } from "./describeMonitoring";

const T = {
  distribution: "aws:cloudfront/distribution:Distribution",
  function: "aws:lambda/function:Function",
  webAcl: "aws:wafv2/webAcl:WebAcl",
  wafLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  protection: "aws:shield/protection:Protection",
  automaticResponse: "aws:shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse",
  subscription: "aws:shield/subscription:Subscription",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  deliverySource: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
  deliveryDestination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
  restApi: "aws:apigateway/restApi:RestApi",
  v2Api: "aws:apigatewayv2/api:Api",
  restStage: "aws:apigateway/stage:Stage",
  v2Stage: "aws:apigatewayv2/stage:Stage",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  healthCheck: "aws:route53/healthCheck:HealthCheck",
  loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
  vpcLinkV1: "aws:apigateway/vpcLink:VpcLink",
  vpcLinkV2: "aws:apigatewayv2/vpcLink:VpcLink",
  vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
} as const;

/** A resource without a `region` input is in the provider's (the stack's) region. */
const STACK_REGION = "stack region";

export function describeBillables(resources: readonly RecordedResourceLike[]): Billables {
  const of = (type: string) => resources.filter((r) => r.type === type);
  const regionOf = (r: RecordedResourceLike) => asString(r.inputs.region) ?? STACK_REGION;
  const distribution = of(T.distribution)[0];
  const acl = of(T.webAcl)[0];
  const signer = signerOf(distribution, of(T.function));
  return {
    ...(distribution ? { distribution: { priceClass: asString(distribution.inputs.priceClass) ?? "PriceClass_All" } } : {}),
    ...(signer ? { signer: { memoryMb: asNumber(signer.inputs.memorySize) ?? 128 } } : {}),
    ...(acl ? { webAcl: webAclOf(acl, of(T.wafLogging)[0], resources) } : {}),
    existingWebAcl: !acl && asString(distribution?.inputs.webAclId) !== undefined,
    shield: {
      protectsDistribution: of(T.protection).some((p) => (asString(p.inputs.resourceArn) ?? "").includes(":distribution/")),
      automaticResponse: of(T.automaticResponse).length > 0,
      subscriptionCreated: of(T.subscription).length > 0,
    },
    ...accessLogsOf(of(T.deliverySource), of(T.deliveryDestination), resources),
    apis: distribution ? apisOf(distribution, resources) : [],
    dashboards: of(T.dashboard).length,
    ...describeMonitoring(resources, signer?.name, STACK_REGION),
    healthChecks: of(T.healthCheck).map((h) => ({ type: asString(h.inputs.type) ?? "HTTPS", fast: asNumber(h.inputs.requestInterval) === 10 })),
    loadBalancers: of(T.loadBalancer).map((lb) => ({ type: asString(lb.inputs.loadBalancerType) === "network" ? "network" : "application", region: regionOf(lb) })),
    vpcLinks: [...of(T.vpcLinkV1).map((l) => ({ version: 1 as const, region: regionOf(l) })), ...of(T.vpcLinkV2).map((l) => ({ version: 2 as const, region: regionOf(l) }))],
    interfaceEndpoints: of(T.vpcEndpoint)
      .filter((e) => asString(e.inputs.vpcEndpointType) === "Interface")
      .map((e) => ({ service: (asString(e.inputs.serviceName) ?? "").replace(/^com\.amazonaws\.[a-z0-9-]+\./, ""), azs: asArray(e.inputs.subnetIds).length, region: regionOf(e) })),
    gatewayEndpoints: of(T.vpcEndpoint).filter((e) => asString(e.inputs.vpcEndpointType) !== "Interface").length,
  };
}

/** The function the distribution's origin-request associations run (by the name in its ARN). */
function signerOf(distribution: RecordedResourceLike | undefined, functions: readonly RecordedResourceLike[]): RecordedResourceLike | undefined {
  const behaviours = [at(distribution?.inputs, "defaultCacheBehavior"), ...asArray(distribution?.inputs.orderedCacheBehaviors)];
  const arns = behaviours.flatMap((b) => asArray(at(b, "lambdaFunctionAssociations")).map((a) => asString(at(a, "lambdaArn")) ?? ""));
  const names = new Set(arns.map((arn) => /:function:([^:]+)/.exec(arn)?.[1]));
  return functions.find((f) => names.has(f.name));
}

function webAclOf(acl: RecordedResourceLike, logging: RecordedResourceLike | undefined, resources: readonly RecordedResourceLike[]): BillableWebAcl {
  const rules = asArray(acl.inputs.rules);
  const wcus = rules.map(ruleWcu);
  const groups = rules.map((rule) => asObject(at(rule, "statement", "managedRuleGroupStatement"))).filter((g) => g !== undefined);
  const kindOf = (group: Readonly<Record<string, unknown>>) => (asString(group.vendorName) === "AWS" ? managedGroupFacts(asString(group.name) ?? "")?.config : undefined);
  const bot = groups.find((g) => kindOf(g) === "botControl");
  const level = asString(at(bot?.managedRuleGroupConfigs, 0, "awsManagedRulesBotControlRuleSet", "inspectionLevel"));
  const limit = asString(at(acl.inputs.associationConfig, "requestBodies", 0, "cloudfront", "defaultSizeInspectionLimit")) ?? "KB_16";
  const destination = asString(at(logging?.inputs, "logDestinationConfigs", 0));
  return {
    rules: rules.length,
    wcu: wcus.reduce((sum, r) => sum + r.wcu, 0),
    unknownWcuGroups: wcus.flatMap((r) => (r.unknownGroup ? [r.unknownGroup] : [])),
    ...(bot ? { botControl: level === "TARGETED" ? ("TARGETED" as const) : ("COMMON" as const) } : {}),
    antiDdos: groups.some((g) => kindOf(g) === "antiDdos"),
    fraudControl: groups.filter((g) => kindOf(g) === "atp" || kindOf(g) === "acfp").map((g) => asString(g.name) ?? ""),
    bodyInspectionLimitKb: Number(/^KB_(\d+)$/.exec(limit)?.[1] ?? 16),
    ...(destination ? { logging: { ...destinationOf(destination, resources), filtered: logging?.inputs.loggingFilter !== undefined } } : {}),
  };
}

/** A log destination ARN: a log group (with its retention when the stack creates it), an S3 bucket or a Firehose stream. */
function destinationOf(arn: string, resources: readonly RecordedResourceLike[]): LogDestination {
  const [, , service, region] = arn.split(":");
  if (service === "s3") return { kind: "s3" };
  if (service === "firehose") return { kind: "firehose" };
  const groupName = /:log-group:([^:]+)/.exec(arn)?.[1];
  const group = resources.find((r) => r.type === T.logGroup && (asString(r.inputs.name) ?? r.name) === groupName);
  return { kind: "cloudwatch", region: region || STACK_REGION, retentionDays: asNumber(group?.inputs.retentionInDays) ?? null };
}

function accessLogsOf(sources: readonly RecordedResourceLike[], destinations: readonly RecordedResourceLike[], resources: readonly RecordedResourceLike[]): Pick<Billables, "accessLogs"> {
  const fromDistribution = sources.some((s) => (asString(s.inputs.resourceArn) ?? "").includes(":distribution/"));
  const arn = asString(at(destinations[0]?.inputs, "deliveryDestinationConfiguration", "destinationResourceArn"));
  return fromDistribution && arn ? { accessLogs: destinationOf(arn, resources) } : {};
}

/** One API per origin (`<api id>.execute-api.<region>.amazonaws.com`); an ID no recorded API has is an existing API. */
function apisOf(distribution: RecordedResourceLike, resources: readonly RecordedResourceLike[]): BillableApi[] {
  return asArray(distribution.inputs.origins).map((origin) => {
    const name = asString(at(origin, "originId")) ?? "";
    const [apiId, , region] = (asString(at(origin, "domainName")) ?? "").split(".");
    const created = resources.find((r) => (r.type === T.restApi || r.type === T.v2Api) && planId(r) === apiId);
    const protocol = asString(created?.inputs.protocolType);
    const kind: BillableApiKind = !created ? "EXISTING" : created.type === T.restApi ? "REST" : protocol === "WEBSOCKET" ? "WEBSOCKET" : "HTTP";
    const stage = resources.find((r) => (r.type === T.restStage && r.inputs.restApi === apiId) || (r.type === T.v2Stage && r.inputs.apiId === apiId));
    const logArn = asString(at(stage?.inputs, "accessLogSettings", "destinationArn"));
    return { name, kind, region: region ?? STACK_REGION, ...(logArn ? { accessLog: destinationOf(logArn, resources) } : {}), private: name === PRIVATE_API_NAME };
  });
}
