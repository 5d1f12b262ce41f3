/**
 * Pulumi mock runtime for unit tests and the offline plan: records every resource with its exact
 * inputs, answers computed attributes deterministically, and throws on unknown invoke tokens.
 */
import * as pulumi from "@pulumi/pulumi";
import GOVERNANCE_STACKS from "../fixtures/governance-stacks.json";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

export const ACCOUNT_ID = "123456789012";

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
}

export interface RecordedCall {
  readonly token: string;
  readonly inputs: Record<string, any>;
}

export interface MockRecorder {
  readonly resources: RecordedResource[];
  readonly calls: RecordedCall[];
  /** All recorded resources of one type token, e.g. `aws:lambda/function:Function`. */
  ofType(type: string): RecordedResource[];
  /** The one resource with this type and name; throws if absent. */
  one(type: string, name: string): RecordedResource;
  reset(): void;
}

const CALLS: Record<string, (inputs: Record<string, any>) => Record<string, any>> = {
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    accountId: ACCOUNT_ID,
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/test`,
    userId: "AIDATEST",
    id: ACCOUNT_ID,
  }),
  "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
  // AWS-managed prefix lists by name, e.g. S3's `com.amazonaws.<region>.s3`.
  "aws:ec2/getManagedPrefixList:getManagedPrefixList": (inputs) => ({ id: `pl-mock-${inputs.name}`, name: inputs.name, addressFamily: "IPv4", region: inputs.region ?? "eu-west-1" }),
  "aws:index/getRegion:getRegion": (inputs) => ({ name: inputs.region ?? "eu-west-1", region: inputs.region ?? "eu-west-1", id: inputs.region ?? "eu-west-1" }),
};

/**
 * Outputs of the stacks a program may reference, by `project/stack` of the referenced `org/project/stack` (any
 * org): the governance program's dev and prod stacks as its offline plan computes them
 * (test/governance/program.test.ts checks they are current).
 */
const STACK_OUTPUTS: Readonly<Record<string, object>> = GOVERNANCE_STACKS;

/** A `StackReference` read: the referenced stack's outputs from STACK_OUTPUTS, or a clear error. */
function stackReference(name: string): { id: string; state: Record<string, unknown> } {
  const outputs = STACK_OUTPUTS[name.split("/").slice(-2).join("/")];
  if (!outputs) {
    const known = Object.keys(STACK_OUTPUTS).map((key) => `<org>/${key}`).join(", ");
    throw new Error(`the mock runtime cannot read stack ${name}: it answers ${known} (test/fixtures/governance-stacks.json)`);
  }
  return { id: name, state: { name, outputs, secretOutputNames: [] } };
}

/** Computed attributes a real provider would return, derived from name and inputs. */
function computed(type: string, name: string, inputs: Record<string, any>): Record<string, any> {
  const region = inputs.region ?? "eu-west-1";
  const id = `${name}-id`;
  switch (type) {
    case "aws:lambda/function:Function":
      return {
        name: inputs.name ?? name,
        arn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`,
        qualifiedArn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}:1`,
        version: "1",
        invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}/invocations`,
      };
    case "aws:cloudfront/distribution:Distribution":
      return { arn: `arn:aws:cloudfront::${ACCOUNT_ID}:distribution/${id}`, domainName: `${name}.cloudfront.net`, hostedZoneId: "Z2FDTNDATAQYW2" };
    case "aws:apigateway/restApi:RestApi":
      return { arn: `arn:aws:apigateway:${region}::/restapis/${id}`, rootResourceId: `${name}-root`, executionArn: `arn:aws:execute-api:${region}:${ACCOUNT_ID}:${id}`, name: inputs.name ?? name };
    case "aws:apigatewayv2/api:Api":
      return { arn: `arn:aws:apigateway:${region}::/apis/${id}`, apiEndpoint: `https://${id}.execute-api.${region}.amazonaws.com`, executionArn: `arn:aws:execute-api:${region}:${ACCOUNT_ID}:${id}` };
    case "aws:ec2/vpc:Vpc":
      return { mainRouteTableId: `${name}-rtb` };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`, name };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return { arn: `arn:aws:cloudwatch:${region}:${ACCOUNT_ID}:alarm:${inputs.name ?? name}`, name: inputs.name ?? name };
    case "aws:lb/loadBalancer:LoadBalancer":
      return { arn: `arn:aws:elasticloadbalancing:${region}:${ACCOUNT_ID}:loadbalancer/${inputs.loadBalancerType === "network" ? "net" : "app"}/${name}/0123456789abcdef`, dnsName: `${name}.elb.${region}.amazonaws.com` };
    case "aws:wafv2/webAcl:WebAcl":
      return { arn: `arn:aws:wafv2:${region}:${ACCOUNT_ID}:global/webacl/${inputs.name ?? name}/${id}` };
    case "aws:wafv2/ipSet:IpSet":
      return { arn: `arn:aws:wafv2:${region}:${ACCOUNT_ID}:global/ipset/${inputs.name ?? name}/${id}` };
    case "aws:cloudwatch/logDeliverySource:LogDeliverySource":
      return { arn: `arn:aws:logs:${region}:${ACCOUNT_ID}:delivery-source:${inputs.name ?? name}`, name: inputs.name ?? name };
    case "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination":
      return { arn: `arn:aws:logs:${region}:${ACCOUNT_ID}:delivery-destination:${inputs.name ?? name}`, name: inputs.name ?? name };
    case "aws:s3/bucket:Bucket":
      return { arn: `arn:aws:s3:::${inputs.bucket ?? id}`, bucket: inputs.bucket ?? id };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:${inputs.name ?? name}`, name: inputs.name ?? name };
    default:
      return { arn: `arn:aws:mock:${region}:${ACCOUNT_ID}:${type.split(":").pop()}/${name}` };
  }
}

export function installMocks(project = "edge-security", stack = "test"): MockRecorder {
  const resources: RecordedResource[] = [];
  const calls: RecordedCall[] = [];
  pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        resources.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (args.type === "pulumi:pulumi:StackReference") return stackReference(args.inputs.name);
        return { id: `${args.name}-id`, state: { ...args.inputs, ...computed(args.type, args.name, args.inputs) } };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        calls.push({ token: args.token, inputs: args.inputs });
        const answer = CALLS[args.token];
        if (!answer) throw new Error(`unexpected invoke ${args.token} in a mock test; add it to test/support/mocks.ts`);
        return answer(args.inputs);
      },
    },
    project,
    stack,
    false,
  );
  return {
    resources,
    calls,
    ofType: (type) => resources.filter((r) => r.type === type),
    one(type, name) {
      const found = resources.find((r) => r.type === type && r.name === name);
      if (!found) throw new Error(`no ${type} named ${name}; have: ${resources.map((r) => `${r.type} ${r.name}`).join(", ")}`);
      return found;
    },
    reset() {
      resources.length = 0;
      calls.length = 0;
    },
  };
}

/**
 * Resolves an Output for assertions, and rejects when computing it failed (mocks resolve every value,
 * so this never hangs on unknowns). It uses the Output's own promise, which Pulumi keeps internal.
 */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/** Lets pending registrations settle before reading the recorder. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

/** How the mock runtime hands over a secret input: Pulumi's secret signature beside the value. */
export const SECRET_SIG = { key: specialSigKey, value: specialSecretSig } as const;
export const secretInput = (value: unknown) => ({ [SECRET_SIG.key]: SECRET_SIG.value, value });
