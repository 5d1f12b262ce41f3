import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { isAwsRegion } from "../components/shared/region";
import { configShape, dependenciesOf, stackPolicy } from "./definePolicy";
import { listOf, Statement, statementsOf, trustsService } from "./policyDocument";

const ROLE = "aws:iam/role:Role";
/** Resources that attach managed policies to a role (`role`) or to several (`roles`). */
const MANAGED_ATTACHMENTS = ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment"];
/** What a Lambda@Edge function may write about itself, in every region its replicas run. */
const LOG_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];
/** `arn:aws:execute-api:<region>:<account>:<api id>/<stage>/...`, the region, account, API and stage spelled out. */
const INVOKE_ARN = /^arn:aws[\w-]*:execute-api:([a-z0-9-]+):(\d{12}):([A-Za-z0-9-]+)\/([A-Za-z0-9_$.-]+)\/.+$/;
const OWN_LOGS_ARN = /^arn:aws[\w-]*:logs:(\*|[a-z0-9-]+):\d{12}:log-group:\/aws\/lambda\/[\w.-]+:\*$/;

/**
 * The signer's role (trusted by edgelambda.amazonaws.com) grants only `execute-api:Invoke` on concrete stage
 * ARNs (region, account, API and stage named; only the method and path may be wildcards) and writing its own
 * Lambda logs (in its inline policies, `inlinePolicies` or `aws.iam.RolePolicy`); it has no managed policies,
 * whose permissions the stack does not control.
 */
export const signerInvokeOnly = stackPolicy({
  name: "signer-invoke-only",
  description: "The Lambda@Edge signer's role grants only execute-api:Invoke on concrete stage ARNs (plus writing its own logs).",
  enforcementLevel: "mandatory",
  severity: "critical",
  config: configShape({}),
  check: (resources, _config, report) => {
    const edgeRoles = resources.filter((r) => r.type === ROLE && trustsService(r.props.assumeRolePolicy, "edgelambda.amazonaws.com"));
    const dependsOn = (r: PolicyResource, role: PolicyResource) => ["role", "roles"].some((p) => dependenciesOf(r, p, ROLE).some((d) => d.urn === role.urn));
    for (const role of edgeRoles) {
      const props = role.asType(aws.iam.Role);
      if ((props?.managedPolicyArns ?? []).length > 0) report(`edge role ${role.name} has managed policies ${JSON.stringify(props?.managedPolicyArns)}; grant only the inline invoke policy`, role.urn);
      for (const attachment of resources.filter((r) => MANAGED_ATTACHMENTS.includes(r.type) && dependsOn(r, role))) {
        report(`edge role ${role.name} has the managed policy ${JSON.stringify(attachment.props.policyArn)} attached; grant only the inline invoke policy`, attachment.urn);
      }
      const documents = [
        ...(props?.inlinePolicies ?? []).map((p) => ({ name: `${role.name} (inline ${p.name})`, urn: role.urn, policy: p.policy })),
        ...resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && dependsOn(r, role)).map((r) => ({ name: r.name, urn: r.urn, policy: r.props.policy })),
      ];
      for (const document of documents) {
        const statements = statementsOf(document.policy);
        if (!statements) {
          report(`policy ${document.name} of edge role ${role.name} is not a policy document`, document.urn);
          continue;
        }
        statements.flatMap((s) => statementProblems(s)).forEach((p) => report(`policy ${document.name} of edge role ${role.name}: ${p}`, document.urn));
      }
    }
  },
});

/** What is wrong with one statement of the signer's policy, one line each. */
export function statementProblems(s: Statement): string[] {
  if (s.Effect !== "Allow") return [];
  if (s.NotAction !== undefined || s.NotResource !== undefined) return ["NotAction/NotResource grants everything not listed"];
  const actions = listOf(s.Action);
  const resources = listOf(s.Resource);
  if (actions.length > 0 && actions.every((a) => a === "execute-api:Invoke")) {
    return resources.filter((r) => !isConcreteInvokeArn(r)).map((r) => `execute-api:Invoke on ${JSON.stringify(r)}, which is not a concrete stage ARN`);
  }
  if (actions.length > 0 && actions.every((a) => LOG_ACTIONS.includes(a))) {
    return resources.filter((r) => !OWN_LOGS_ARN.test(r)).map((r) => `log actions on ${JSON.stringify(r)}, which is not a Lambda log group`);
  }
  return [`grants ${JSON.stringify(actions)}; allowed: execute-api:Invoke (and ${LOG_ACTIONS.join(", ")} on its own log groups) in separate statements`];
}

function isConcreteInvokeArn(arn: string): boolean {
  const match = INVOKE_ARN.exec(arn);
  return match !== null && isAwsRegion(match[1]);
}
