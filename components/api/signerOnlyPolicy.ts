import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { parseArn } from "../shared/arn";
import { signerOnlyResourcePolicy } from "../signer/invokePolicy";

/**
 * The resource policy of a REST API the stack creates: only the signer's role, only on `stage`; every other
 * principal of the account is denied, whatever its identity policy allows. API Gateway applies a REST resource
 * policy with the next deployment (docs/aws-facts.md), so the API's Deployment must depend on this resource and
 * name its `policy` among its triggers: then the first deployment has it, and a new role redeploys.
 */
export function signerOnlyPolicy(name: string, api: aws.apigateway.RestApi, stage: string, signerRoleArn: pulumi.Input<string>, parent: pulumi.Resource): aws.apigateway.RestApiPolicy {
  return new aws.apigateway.RestApiPolicy(`${name}-signer-only`, {
    region: api.region,
    restApiId: api.id,
    // The execution ARN (arn:aws:execute-api:<region>:<account>:<api id>) names the account: no lookup needed.
    policy: pulumi.all([signerRoleArn, api.executionArn, api.id]).apply(([roleArn, executionArn, apiId]) => {
      const arn = parseArn(executionArn);
      if (arn === undefined) throw new Error(`unexpected execution ARN ${executionArn} of REST API ${name}`);
      return signerOnlyResourcePolicy(roleArn, arn.region, arn.account, apiId, stage);
    }),
  }, { parent });
}
