import { ApiKind } from "../shared/types";
import { EDGE_REGION } from "../shared/region";

/** What the signer may invoke on one API: everything on its stage, or only `$connect` on a WebSocket stage. */
export function invokeArn(kind: ApiKind, region: string, accountId: string, apiId: string, stage: string): string {
  const stageArn = `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}`;
  // The edge signs only the WebSocket upgrade, which API Gateway authorizes as the $connect route.
  return kind === "WEBSOCKET" ? `${stageArn}/$connect` : `${stageArn}/*/*`;
}

/** Trust for a Lambda@Edge role: Lambda runs it in us-east-1, Lambda@Edge replicates and runs it at the edge. */
export const EDGE_TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] },
      Action: "sts:AssumeRole",
    },
  ],
});

/**
 * The signer role's only permissions: invoke the protected stages, and write its own logs, which
 * replicas write in every region as `/aws/lambda/us-east-1.<function>`.
 */
export function signerPolicy(invokeArns: readonly string[], accountId: string, functionName: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "InvokeProtectedApis", Effect: "Allow", Action: "execute-api:Invoke", Resource: [...invokeArns] },
      {
        Sid: "WriteOwnLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: [
          `arn:aws:logs:*:${accountId}:log-group:/aws/lambda/${EDGE_REGION}.${functionName}:*`,
          `arn:aws:logs:${EDGE_REGION}:${accountId}:log-group:/aws/lambda/${functionName}:*`,
        ],
      },
    ],
  });
}

/**
 * A REST resource policy that admits only the signer's role, and it only on the fronted stage (exactly what
 * its identity policy allows): defence in depth on top of AWS_IAM. The deny covers the whole API, every
 * stage, so no other principal of the account can call any stage directly.
 */
export function signerOnlyResourcePolicy(roleArn: string, region: string, accountId: string, apiId: string, stage: string): string {
  const apiArn = `arn:aws:execute-api:${region}:${accountId}:${apiId}/*`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowEdgeSignerOnStage", Effect: "Allow", Principal: { AWS: roleArn }, Action: "execute-api:Invoke", Resource: invokeArn("REST", region, accountId, apiId, stage) },
      {
        Sid: "DenyEveryoneElse",
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: apiArn,
        Condition: { ArnNotEquals: { "aws:PrincipalArn": roleArn } },
      },
    ],
  });
}
