import type { RecordedResource } from "../../test/support/mocks";
import { maskSecrets } from "./secrets";

export interface PlannedResource {
  readonly component: string;
  readonly type: string;
  readonly name: string;
  readonly region: string;
  readonly settings: Record<string, unknown>;
}

/** The inputs worth a glance per resource type; everything else is in `--json`. */
const KEY_SETTINGS: Record<string, readonly string[]> = {
  "aws:lambda/function:Function": ["runtime", "architectures", "memorySize", "timeout", "publish", "skipDestroy"],
  "aws:cloudfront/distribution:Distribution": ["priceClass", "httpVersion", "aliases", "webAclId"],
  "aws:apigateway/restApi:RestApi": ["endpointConfiguration"],
  "aws:apigateway/method:Method": ["httpMethod", "authorization"],
  "aws:apigateway/stage:Stage": ["stageName"],
  "aws:apigateway/methodSettings:MethodSettings": ["methodPath", "settings"],
  "aws:apigatewayv2/api:Api": ["protocolType"],
  "aws:apigatewayv2/route:Route": ["routeKey", "authorizationType"],
  "aws:apigatewayv2/stage:Stage": ["name", "autoDeploy"],
  "aws:cloudwatch/logGroup:LogGroup": ["name", "retentionInDays"],
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["policyArn"],
  "aws:wafv2/webAcl:WebAcl": ["scope", "defaultAction"],
  "aws:wafv2/ipSet:IpSet": ["scope", "ipAddressVersion"],
  "aws:shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse": ["action"],
  "aws:cloudwatch/metricAlarm:MetricAlarm": ["metricName", "namespace", "threshold"],
  "aws:lb/loadBalancer:LoadBalancer": ["loadBalancerType", "internal"],
  "aws:lb/targetGroup:TargetGroup": ["targetType", "protocol", "port"],
  "aws:lb/listener:Listener": ["protocol", "port"],
  "aws:apigateway/vpcLink:VpcLink": ["name"],
  "aws:apigatewayv2/vpcLink:VpcLink": ["name"],
};

/**
 * Groups recorded resources under their component. Child names are derived from their component's
 * name, so the owner is the component with the longest name that prefixes the child's.
 */
export function describeResources(resources: readonly RecordedResource[]): PlannedResource[] {
  const components = resources.filter((r) => !r.type.startsWith("aws:")).map((r) => r.name);
  const ownerOf = (name: string) =>
    components.filter((c) => name === c || name.startsWith(`${c}-`)).sort((a, b) => b.length - a.length)[0] ?? "(stack)";
  return resources
    .filter((r) => r.type.startsWith("aws:"))
    .sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type))
    .map((r) => ({
      component: ownerOf(r.name),
      type: r.type,
      name: r.name,
      region: typeof r.inputs.region === "string" ? r.inputs.region : "global",
      settings: Object.fromEntries((KEY_SETTINGS[r.type] ?? []).filter((k) => r.inputs[k] !== undefined).map((k) => [k, maskSecrets(r.inputs[k])])),
    }));
}

/** `aws:lambda/function:Function` -> `lambda.Function`. */
export function shortType(type: string): string {
  const [, module, name] = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type) ?? [];
  return module ? `${module}.${name}` : type;
}
