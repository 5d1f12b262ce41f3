import * as pulumi from "@pulumi/pulumi";
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
}

export type EdgeStackOutputKey = keyof EdgeStackOutputs;

/** Every output of the contract, each as a typed Output, read from an edge stack by its fully qualified name. */
export type EdgeStackReference = { readonly [K in EdgeStackOutputKey]-?: pulumi.Output<EdgeStackOutputs[K]> };

const REQUIRED: readonly EdgeStackOutputKey[] = ["distributionId", "distributionArn", "distributionDomainName", "edgeUrl", "apis", "signerRoleArn", "signerVersionArn"];
const OPTIONAL: readonly EdgeStackOutputKey[] = ["webAclArn", "shield", "privateServices", "vpcLinks"];

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
