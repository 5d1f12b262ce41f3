import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface ApiGatewayAccountArgs {
  readonly region: string;
  readonly tags?: Readonly<Record<string, string>>;
}

const PUSH_TO_LOGS_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

/**
 * API Gateway's per-region account setting that lets REST and WebSocket stages write access logs.
 * It is one setting per account and region, so only one stack should manage it (`manageApiGatewayAccount`).
 */
export class ApiGatewayAccount extends pulumi.ComponentResource {
  readonly account: aws.apigateway.Account;

  constructor(name: string, args: ApiGatewayAccountArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:api:ApiGatewayAccount", name, {}, opts);
    const role = new aws.iam.Role(`${name}-role`, {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
      tags: { ...args.tags },
    }, { parent: this });
    const attachment = new aws.iam.RolePolicyAttachment(`${name}-logs`, { role: role.name, policyArn: PUSH_TO_LOGS_POLICY }, { parent: this });
    this.account = new aws.apigateway.Account(name, { region: args.region, cloudwatchRoleArn: role.arn }, { parent: this, dependsOn: [attachment] });
    this.registerOutputs({});
  }
}
