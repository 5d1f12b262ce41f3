import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_NODE_RUNTIME } from "../shared/lambdaRuntimes";
import { CreatedApiArgs } from "./createdApiArgs";

export interface PetStoreFunctionArgs {
  /** The created API this function serves: its region, log retention and tags apply. */
  readonly api: CreatedApiArgs;
  /** Source ARN pattern allowed to invoke it, e.g. the API's `executionArn` + `/*`. */
  readonly invokeSourceArn: pulumi.Input<string>;
}

const BASIC_EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

/** The demo pet store Lambda behind an API the stack creates: role, log group, function, invoke permission. */
export class PetStoreFunction extends pulumi.ComponentResource {
  readonly function: aws.lambda.Function;

  constructor(name: string, args: PetStoreFunctionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:api:PetStoreFunction", name, {}, opts);
    const { region, logRetentionDays } = args.api.config;
    const tags = { ...args.api.tags };
    const role = new aws.iam.Role(`${name}-role`, {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
      tags,
    }, { parent: this });
    const logs = new aws.iam.RolePolicyAttachment(`${name}-logs`, { role: role.name, policyArn: BASIC_EXECUTION_POLICY }, { parent: this });
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-log`, { region, retentionInDays: logRetentionDays, tags }, { parent: this });
    this.function = new aws.lambda.Function(`${name}-fn`, {
      region,
      runtime: DEFAULT_NODE_RUNTIME,
      architectures: ["arm64"],
      handler: "index.handler",
      code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset(path.join(__dirname, "petstore", "index.js")) }),
      role: role.arn,
      memorySize: 128,
      timeout: 5,
      loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
      tags,
    }, { parent: this, dependsOn: [logs] });
    new aws.lambda.Permission(`${name}-invoke`, {
      region,
      action: "lambda:InvokeFunction",
      function: this.function.name,
      principal: "apigateway.amazonaws.com",
      sourceArn: args.invokeSourceArn,
    }, { parent: this });
    this.registerOutputs({ functionArn: this.function.arn });
  }
}
