/**
 * The signer's log groups, made before CloudFront runs it so that its logs expire: Lambda@Edge writes
 * `/aws/lambda/us-east-1.<function>` in the Region of each regional edge cache that runs it, and a group
 * Lambda creates itself keeps logs forever.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { parseArn } from "../shared/arn";
import { EDGE_REGION } from "../shared/region";

export interface SignerLogGroupsArgs {
  /** The published version CloudFront runs (`arn:aws:lambda:us-east-1:<account>:function:<name>:<version>`). */
  readonly signerVersionArn: pulumi.Input<string>;
  readonly regions: readonly string[];
  readonly retentionDays: number;
  readonly tags?: Readonly<Record<string, string>>;
}

/** The function name of a Lambda function or version ARN. */
export function functionNameOf(functionArn: string): string {
  const arn = parseArn(functionArn);
  const match = arn?.service === "lambda" ? /^function:([A-Za-z0-9_-]{1,64})(:[^:]+)?$/.exec(arn.resource) : null;
  if (!match) throw new Error(`not a Lambda function ARN: ${functionArn}`);
  return match[1];
}

/** Where a Lambda@Edge function created in us-east-1 logs in every Region. */
export function signerLogGroupName(functionName: string): string {
  return `/aws/lambda/${EDGE_REGION}.${functionName}`;
}

export class SignerLogGroups extends pulumi.ComponentResource {
  /** Per Region, the log group's name. */
  readonly names: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: SignerLogGroupsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:monitoring:SignerLogGroups", name, {}, opts);
    const groupName = pulumi.output(args.signerVersionArn).apply((arn) => signerLogGroupName(functionNameOf(arn)));
    const names: Record<string, pulumi.Output<string>> = {};
    for (const region of args.regions) {
      names[region] = new aws.cloudwatch.LogGroup(`${name}-${region}`, {
        region,
        name: groupName,
        retentionInDays: args.retentionDays,
        tags: { ...args.tags },
      }, { parent: this }).name;
    }
    this.names = names;
    this.registerOutputs({ names });
  }
}
