/** Builders for private-integration tests: settings for N services without going through YAML. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as load } from "yaml";
import { DEFAULT_THROTTLE } from "../../components/config/apis";
import { DEFAULT_LOG_RETENTION_DAYS } from "../../components/shared/logRetention";
import {
  CreatedVpcSettings, DEFAULT_QUOTAS, ExistingVpcSettings, PrivateIntegrationSettings, PrivateServiceSettings, PrivateTopology, TargetType,
} from "../../components/private-integration/settings";

export const REGION = "eu-west-1";
/** The edge signer's role, the only principal a REST topology's API admits. */
export const SIGNER_ROLE_ARN = "arn:aws:iam::123456789012:role/edge-signer-role";

export const MAIN_VPC: CreatedVpcSettings = { name: "main", cidrBlock: "10.20.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], vpcEndpoints: true };
export const EXISTING_VPC: ExistingVpcSettings = { name: "other", vpcId: "vpc-0a1b2c3d", subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3e"], cidrBlock: "10.9.0.0/16" };

/** What a test may change in a service: its fields, and one target (a target group of `ip` unless it names another). */
export type ServiceChanges = Partial<Pick<PrivateServiceSettings, "name" | "pathPrefix" | "vpc" | "port" | "protocol" | "tlsHostname" | "nlb" | "alb" | "listenerPort" | "healthCheckPath">> & {
  readonly targetType?: TargetType;
  readonly listenerArn?: string;
  readonly cloudMapServiceArn?: string;
};

/** Service `svc<i>` at `/svc<i>` in VPC main, port 8000 + i, with a target group of IPs. */
export function service(i: number, extra: ServiceChanges = {}): PrivateServiceSettings {
  const { targetType, listenerArn, cloudMapServiceArn, ...fields } = extra;
  const base = { name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 8000 + i, protocol: "HTTP" as const, healthCheckPath: "/", ...fields };
  if (listenerArn !== undefined) return { ...base, listenerArn };
  if (cloudMapServiceArn !== undefined) return { ...base, cloudMapServiceArn };
  return { ...base, targetType: targetType ?? "ip" };
}

export function services(count: number, extra: (i: number) => ServiceChanges = () => ({})): PrivateServiceSettings[] {
  return Array.from({ length: count }, (_, i) => service(i, extra(i)));
}

export function settings(topology: PrivateTopology, list: readonly PrivateServiceSettings[], extra: Partial<PrivateIntegrationSettings> = {}): PrivateIntegrationSettings {
  return { topology, region: REGION, pathPrefix: "/services", stageName: "live", vpcs: [MAIN_VPC], services: [...list], quotas: DEFAULT_QUOTAS,
    api: { logRetentionDays: DEFAULT_LOG_RETENTION_DAYS, throttle: DEFAULT_THROTTLE }, ...extra };
}

/** The `privateIntegration` value of an example stack file under examples/private-service. */
export function exampleConfig(file: string): unknown {
  const text = fs.readFileSync(path.join(__dirname, "../../examples/private-service", file), "utf8");
  return (load(text) as Record<string, unknown>)["edge-security:privateIntegration"];
}
