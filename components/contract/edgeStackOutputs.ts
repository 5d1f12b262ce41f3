import * as pulumi from "@pulumi/pulumi";
import type { VerificationOutput } from "../monitoring/verification";
import type { PrivateServiceOutput } from "../private-integration";
import { ApiKind } from "../shared/types";

/** One API behind the edge, as the stack exports it. */
export interface ApiEndpoint {
  readonly kind: ApiKind;
  readonly apiId: string;
  readonly stage: string;
  readonly region: string;
  /** Where clients call the API: the CloudFront URL of its path prefix (wss:// for WebSocket APIs). */
  readonly edgeUrl: string;
  /** The execute-api URL, which answers 403 to anyone without a valid SigV4 signature. */
  readonly directUrl: string;
}

/** One private microservice behind the edge: where to register its targets and where clients reach it. */
export interface PrivateServiceEndpoint extends PrivateServiceOutput {
  /** `https://<distribution domain><private pathPrefix><routePath>`. */
  readonly url: string;
}

/** What the monitoring made, for runbooks and app teams' own alarms. */
export interface MonitoringOutput {
  /** The CloudWatch dashboard in us-east-1, when `monitoring.dashboard` is on. */
  readonly dashboardName?: string;
  /** Per Region with alarms, the SNS topic they notify (in us-east-1 Shield's, when Shield is on). */
  readonly topicArns: Readonly<Record<string, string>>;
  /** The synthetic canary in us-east-1, when `monitoring.canary.enabled`. */
  readonly canaryName?: string;
}

/**
 * The stack outputs: a contract for application teams, who read them through a StackReference.
 * Fields are only added, never renamed or removed, within a major version of this project.
 */
export interface EdgeStackOutputs {
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly distributionDomainName: string;
  /** `https://<distributionDomainName>`. */
  readonly edgeUrl: string;
  /** Per API name; the private integration's API is listed too, under its component name. */
  readonly apis: Readonly<Record<string, ApiEndpoint>>;
  readonly signerRoleArn: string;
  /** The published Lambda@Edge version CloudFront runs. */
  readonly signerVersionArn: string;
  /** The web ACL on the distribution, when WAF is enabled. */
  readonly webAclArn?: string;
  /** Shield Advanced, when enabled: the protection, the alarm topic (us-east-1) and the health check it watches. */
  readonly shield?: { readonly protectionId?: string; readonly alarmTopicArn?: string; readonly healthCheckId?: string };
  /** Per microservice name, with a private integration. */
  readonly privateServices?: Readonly<Record<string, PrivateServiceEndpoint>>;
  /** VPC link IDs, per NLB (REST, v1 links) or per VPC (v2 links), with a private integration. */
  readonly vpcLinks?: Readonly<Record<string, string>>;
  /**
   * What `npm run verify` expects of the deployed edge beyond the other outputs: the web ACL's rules and mode, the
   * rate-limit probe (its header and token, which guard nothing), Shield's settings, how to probe each API.
   */
  readonly verification?: VerificationOutput;
  /** With `monitoring.enabled` (the default): the dashboard, the alarm topics and the canary. */
  readonly monitoring?: MonitoringOutput;
}

export type EdgeStackOutputKey = keyof EdgeStackOutputs;

/** Every output of the contract, each as a typed Output, read from an edge stack by its fully qualified name. */
export type EdgeStackReference = { readonly [K in EdgeStackOutputKey]-?: pulumi.Output<EdgeStackOutputs[K]> };

const REQUIRED: readonly EdgeStackOutputKey[] = ["distributionId", "distributionArn", "distributionDomainName", "edgeUrl", "apis", "signerRoleArn", "signerVersionArn"];
const OPTIONAL: readonly EdgeStackOutputKey[] = ["webAclArn", "shield", "privateServices", "vpcLinks", "verification", "monitoring"];

/** Reads the edge stack's outputs with their types, e.g. `readEdgeStack(new pulumi.StackReference("acme/edge-security/prod"))`. */
export function readEdgeStack(ref: pulumi.StackReference): EdgeStackReference {
  const entries = [
    ...REQUIRED.map((key) => [key, ref.requireOutput(key)] as const),
    ...OPTIONAL.map((key) => [key, ref.getOutput(key)] as const),
  ];
  return Object.fromEntries(entries) as unknown as EdgeStackReference;
}

/** The edge URL of one API, failing loudly when the edge stack does not front an API of that name. */
export function apiEdgeUrl(edge: EdgeStackReference, apiName: string): pulumi.Output<string> {
  return edge.apis.apply((apis) => {
    const api = apis[apiName];
    if (!api) throw new Error(`the edge stack fronts no API named "${apiName}"; it fronts: ${Object.keys(apis).join(", ")}`);
    return api.edgeUrl;
  });
}
