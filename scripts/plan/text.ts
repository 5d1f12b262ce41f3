import type { PlanModel } from "./model";
import { shortType, type PlannedResource } from "./describe";

export interface TextStyle {
  /** Headings in bold: only on a terminal, and never under NO_COLOR. */
  readonly color: boolean;
}

/** The plan as a reviewer reads it: routes, WAF in words, Shield, monitoring, IAM, private integration, resources, notes, outputs. */
export function formatPlanText(model: PlanModel, style: TextStyle = { color: false }): string {
  const heading = (text: string) => (style.color ? `\x1b[1m${text}\x1b[0m` : text);
  const lines = [heading(`Plan for stack "${model.stack}" (offline, Pulumi mock runtime): ${model.resources.length} resources`), ""];
  const section = (title: string, body: readonly string[]) => {
    if (body.length > 0) lines.push(heading(title), ...body, "");
  };
  section("Routes (CloudFront evaluates them top to bottom)", routeLines(model));
  section("WAF", [...model.waf.summary.map((l) => (l.startsWith("WAF: ") ? `  ${l.slice(5)}` : l)), ...model.waf.rules.flatMap((r) => [`  ${String(r.priority).padStart(7)}  ${r.name}  (${r.wcu} WCU)`, `           ${r.words}`])]);
  section("Shield", model.shield.map((l) => `  ${l.replace(/^shield: /, "")}`));
  section("Monitoring", model.monitoring.map((l) => `  ${l.replace(/^monitoring: /, "")}`));
  section("IAM", iamLines(model));
  section("Private integration", model.privateIntegration.map((l) => `  ${l.replace(/^private integration: /, "")}`));
  section("Cost", model.costText.split("\n").map((l) => `  ${l}`.trimEnd()));
  section("Resources by component", resourceLines(model.resources));
  section("Notes", model.notes.map((n) => `  ${n.replace(/^Note: /, "")}`));
  lines.push(heading("Outputs"), ...outputLines(model.outputs));
  return lines.join("\n");
}

function routeLines(model: PlanModel): string[] {
  return model.routes.flatMap((r) => [
    `  ${r.pathPattern.padEnd(18)} -> ${r.origin} (${[r.kind, r.region, r.stage && `stage ${r.stage}`].filter(Boolean).join(", ")}), the API receives ${r.apiReceives}`,
    `  ${"".padEnd(18)}    cache ${r.cachePolicy}; origin request ${r.originRequestPolicy}; response headers ${r.responseHeadersPolicy}; ${r.originRequestFunction}`,
  ]);
}

function iamLines(model: PlanModel): string[] {
  const { roles, resourcePolicies, invokePermissions, securityGroups } = model.iam;
  const statement = (s: { effect: string; principal?: string; actions: readonly string[]; resources: readonly string[]; condition?: string; sid?: string }) =>
    `      ${s.effect} ${s.actions.join(", ")}${s.principal ? ` for ${s.principal}` : ""}${s.resources.length > 0 ? ` on ${s.resources.join(", ")}` : ""}${s.condition ? ` if ${s.condition}` : ""}${s.sid ? `  [${s.sid}]` : ""}`;
  return [
    ...roles.flatMap((r) => [
      `  role ${r.name}, assumed by ${r.trustedBy.join("; ")}`,
      ...r.inlinePolicies.flatMap((p) => [`    inline policy ${p.name}:`, ...p.statements.map(statement)]),
      ...r.managedPolicies.map((arn) => `    managed policy ${arn}`),
    ]),
    ...resourcePolicies.flatMap((p) => [`  resource policy ${p.name} on ${p.on}:`, ...p.statements.map(statement)]),
    ...invokePermissions.map((p) => `  ${p.principal} may invoke ${p.fn} from ${p.sourceArn}`),
    ...securityGroups.flatMap((g) => [`  security group ${g.name} (${g.description})`, ...g.ingress.map((r) => `    in:  ${r}`), ...g.egress.map((r) => `    out: ${r}`)]),
  ];
}

/** Resources grouped by the component that made them, each with its type, name, region and key settings. */
export function resourceLines(resources: readonly PlannedResource[]): string[] {
  const byComponent = new Map<string, PlannedResource[]>();
  for (const r of [...resources].sort((a, b) => a.component.localeCompare(b.component))) byComponent.set(r.component, [...(byComponent.get(r.component) ?? []), r]);
  return [...byComponent].flatMap(([component, members]) => [
    `  ${component} (${members.length})`,
    ...members.map((r) => {
      const settings = Object.entries(r.settings).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ");
      return `    ${shortType(r.type).padEnd(34)} ${r.name.padEnd(44)} ${r.region.padEnd(12)} ${settings}`.trimEnd();
    }),
  ]);
}

/** Each stack output, pretty-printed under its name. */
export function outputLines(outputs: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(outputs).map(([key, value]) => `  ${key}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`);
}
