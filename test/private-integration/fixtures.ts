/** Builders for private-integration tests: settings for N services without going through YAML. */
import * as fs from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { DEFAULT_QUOTAS, PrivateIntegrationSettings, PrivateServiceSettings, PrivateTopology, PrivateVpcSettings } from "../../components/private-integration/settings";

export const REGION = "eu-west-1";

export const MAIN_VPC: Extract<PrivateVpcSettings, { kind: "create" }> = { kind: "create", name: "main", cidrBlock: "10.20.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], vpcEndpoints: true };

/** Service `svc<i>` at `/svc<i>` in VPC main, port 8000 + i, with a target group of IPs. */
export function service(i: number, extra: Partial<PrivateServiceSettings> = {}): PrivateServiceSettings {
  return {
    name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 8000 + i, protocol: "HTTP",
    target: { kind: "targetGroup", targetType: "ip" }, healthCheckPath: "/", ...extra,
  };
}

export function services(count: number, extra: (i: number) => Partial<PrivateServiceSettings> = () => ({})): PrivateServiceSettings[] {
  return Array.from({ length: count }, (_, i) => service(i, extra(i)));
}

export function settings(topology: PrivateTopology, list: readonly PrivateServiceSettings[], extra: Partial<PrivateIntegrationSettings> = {}): PrivateIntegrationSettings {
  return { topology, region: REGION, pathPrefix: "/services", stageName: "live", vpcs: [MAIN_VPC], services: list, quotas: DEFAULT_QUOTAS, ...extra };
}

/** The `privateIntegration` value of an example stack file under examples/private-service. */
export function exampleConfig(file: string): unknown {
  const text = fs.readFileSync(path.join(__dirname, "../../examples/private-service", file), "utf8");
  return (load(text) as Record<string, unknown>)["edge-security:privateIntegration"];
}
