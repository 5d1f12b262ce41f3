import type { RecordedResource } from "../../test/support/mocks";
import { ofType, resourceNamer } from "./refs";

export interface Statement {
  readonly sid?: string;
  readonly effect: string;
  readonly principal?: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: string;
}

export interface RoleRow {
  readonly name: string;
  /** The principals that may assume the role. */
  readonly trustedBy: readonly string[];
  readonly inlinePolicies: readonly { readonly name: string; readonly statements: readonly Statement[] }[];
  readonly managedPolicies: readonly string[];
}

export interface IamSection {
  readonly roles: readonly RoleRow[];
  /** Resource policies the stack writes (REST APIs' signer-only policies, endpoint policies). */
  readonly resourcePolicies: readonly { readonly name: string; readonly on: string; readonly statements: readonly Statement[] }[];
  /** Who may invoke the stack's Lambda functions. */
  readonly invokePermissions: readonly { readonly name: string; readonly fn: string; readonly principal: string; readonly sourceArn: string }[];
  readonly securityGroups: readonly { readonly name: string; readonly description: string; readonly ingress: readonly string[]; readonly egress: readonly string[] }[];
}

/** Every permission the stack grants, from the exact inputs the program registered. */
export function iamOf(resources: readonly RecordedResource[]): IamSection {
  const name = resourceNamer(resources);
  const policies = ofType(resources, "aws:iam/rolePolicy:RolePolicy");
  const attachments = ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
  const roles = ofType(resources, "aws:iam/role:Role").map((role): RoleRow => ({
    name: role.name,
    trustedBy: statementsOf(role.inputs.assumeRolePolicy).flatMap((s) => (s.principal ? [s.principal] : [])),
    inlinePolicies: policies.filter((p) => name(p.inputs.role) === role.name).map((p) => ({ name: p.name, statements: statementsOf(p.inputs.policy) })),
    managedPolicies: attachments.filter((a) => name(a.inputs.role) === role.name).map((a) => String(a.inputs.policyArn)),
  }));
  const resourcePolicies = [
    ...ofType(resources, "aws:apigateway/restApiPolicy:RestApiPolicy").map((p) => ({ name: p.name, on: `REST API ${name(p.inputs.restApiId)}`, statements: statementsOf(p.inputs.policy) })),
    ...ofType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.policy).map((e) => ({ name: e.name, on: `VPC endpoint ${e.inputs.serviceName}`, statements: statementsOf(e.inputs.policy) })),
  ];
  const invokePermissions = ofType(resources, "aws:lambda/permission:Permission").map((p) => ({
    name: p.name,
    fn: name(p.inputs.function),
    principal: String(p.inputs.principal),
    sourceArn: String(p.inputs.sourceArn ?? "any"),
  }));
  const rules = [...ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), ...ofType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")];
  const securityGroups = ofType(resources, "aws:ec2/securityGroup:SecurityGroup").map((sg) => {
    const mine = rules.filter((r) => name(r.inputs.securityGroupId) === sg.name);
    const describe = (r: RecordedResource, direction: "from" | "to") => {
      const peer = r.inputs.referencedSecurityGroupId ? `security group ${name(r.inputs.referencedSecurityGroupId)}` : r.inputs.prefixListId ? `prefix list ${r.inputs.prefixListId}` : r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6;
      const ports = r.inputs.fromPort === r.inputs.toPort ? `${r.inputs.fromPort}` : `${r.inputs.fromPort}-${r.inputs.toPort}`;
      return `${r.inputs.ipProtocol} ${ports} ${direction} ${peer}`;
    };
    return {
      name: sg.name,
      description: String(sg.inputs.description ?? ""),
      ingress: mine.filter((r) => r.type.endsWith("IngressRule")).map((r) => describe(r, "from")),
      egress: mine.filter((r) => r.type.endsWith("EgressRule")).map((r) => describe(r, "to")),
    };
  });
  return { roles, resourcePolicies, invokePermissions, securityGroups };
}

/** A policy document's statements, each action, resource and principal listed. */
export function statementsOf(document: unknown): Statement[] {
  if (typeof document !== "string") return [];
  const parsed = JSON.parse(document) as { Statement?: Record<string, unknown>[] };
  return (parsed.Statement ?? []).map((s) => ({
    ...(s.Sid ? { sid: String(s.Sid) } : {}),
    effect: String(s.Effect),
    ...(s.Principal !== undefined ? { principal: principalText(s.Principal) } : {}),
    actions: list(s.Action),
    resources: list(s.Resource),
    ...(s.Condition ? { condition: JSON.stringify(s.Condition) } : {}),
  }));
}

function principalText(principal: unknown): string {
  if (typeof principal === "string") return principal;
  return Object.entries(principal as Record<string, unknown>).map(([kind, who]) => `${kind}: ${list(who).join(", ")}`).join("; ");
}

function list(value: unknown): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
}
