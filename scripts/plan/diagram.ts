import { PRIVATE_API_NAME } from "../../components/config/stackConfig";
import type { PlanModel } from "./model";

/**
 * The stack as a Mermaid flowchart: viewers -> CloudFront (with WAF and Shield) -> the signer -> each API by
 * its behaviours -> the private integration's VPC links, NLBs, ALBs and services. Drawn from the same model as
 * the plan's text, so the picture cannot disagree with it.
 */
export function mermaidDiagram(model: PlanModel): string {
  const id = (kind: string, name: string) => `${kind}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
  const label = (text: string) => `"${text.replace(/"/g, "'")}"`;
  const has = (type: string) => model.resources.some((r) => r.type === type);
  const lines = ["flowchart LR", `  viewers([${label("Viewers (HTTPS)")}]) --> cdn[${label("CloudFront distribution")}]`];
  if (has("aws:wafv2/webAcl:WebAcl")) lines.push(`  waf{{${label(`AWS WAF web ACL: ${model.waf.rules.length} rules`)}}} -. inspects every request .- cdn`);
  if (has("aws:shield/protection:Protection")) lines.push(`  shield{{${label("Shield Advanced")}}} -. protects .- cdn`);
  lines.push(`  cdn -->|origin-request| signer[[${label("Lambda@Edge SigV4 signer")}]]`);

  const byOrigin = new Map<string, PlanModel["routes"][number][]>();
  for (const r of model.routes) byOrigin.set(r.origin, [...(byOrigin.get(r.origin) ?? []), r]);
  for (const [origin, routes] of byOrigin) {
    const first = routes[0];
    const what = [first.kind, first.region, first.stage && `stage ${first.stage}`].filter(Boolean).join(", ");
    lines.push(`  signer -->|${label(routes.map((r) => r.pathPattern).join(" "))}| ${id("api", origin)}[${label(`${origin} (${what})`)}]`);
  }

  const api = id("api", PRIVATE_API_NAME);
  const seen = new Set<string>();
  const edge = (from: string, to: string, text?: string) => {
    const key = `${from}>${to}`;
    if (!seen.has(key)) lines.push(`  ${from} -->${text ? `|${label(text)}|` : ""} ${to}`);
    seen.add(key);
  };
  for (const svc of model.privateServices) {
    const link = `${id("link", svc.vpcLink)}[${label(`VPC link ${svc.vpcLink}`)}]`;
    const service = `${id("svc", svc.name)}([${label(`${svc.name} (${svc.routePath})`)}])`;
    edge(api, link);
    const route = svc.route;
    if (route.via === "nlb") {
      edge(link, `${id("nlb", route.nlb)}[${label(`NLB ${route.nlb}`)}]`);
      edge(id("nlb", route.nlb), service, `:${route.port}`);
    } else if (route.via === "nlb-alb") {
      edge(link, `${id("nlb", route.nlb)}[${label(`NLB ${route.nlb}`)}]`);
      edge(id("nlb", route.nlb), `${id("alb", route.alb)}[${label(`ALB ${route.alb}`)}]`, `:${route.port}`);
      edge(id("alb", route.alb), service);
    } else if (route.via === "alb") {
      edge(link, `${id("alb", route.alb)}[${label(`ALB ${route.alb}`)}]`);
      edge(id("alb", route.alb), service);
    } else {
      edge(link, service, route.via === "listener" ? "existing listener" : "Cloud Map");
    }
  }
  const defaultOrigin = model.routes.find((r) => r.pathPattern === "*")?.origin;
  if (defaultOrigin) lines.push(`  direct([${label("Direct calls to execute-api")}]) -. 403: no valid signature .-x ${id("api", defaultOrigin)}`);
  return lines.join("\n");
}
