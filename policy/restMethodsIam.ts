import * as aws from "@pulumi/aws";
import { configShape, resourcePolicy } from "./definePolicy";

/** Every REST API method requires AWS_IAM, so only SigV4-signed calls (the edge's) reach the backend. */
export const restMethodsIam = resourcePolicy({
  name: "rest-methods-aws-iam",
  description: "Every API Gateway REST method requires AWS_IAM authorization.",
  enforcementLevel: "mandatory",
  severity: "critical",
  config: configShape({}),
  check: (args, _config, report) => {
    const method = args.asType(aws.apigateway.Method);
    if (!method) return;
    if (method.authorization !== "AWS_IAM") {
      report(`REST method ${method.httpMethod} uses authorization ${JSON.stringify(method.authorization)}; every method must require AWS_IAM, which the edge's SigV4 signature satisfies and a direct call does not`);
    }
  },
});
