import { readStackConfig, type StackConfig } from "../../components/config/stackConfig";
import { costJson, describeBillables, estimateCost, formatCost, type CostJson } from "../../components/cost";
import { describePrivatePlan, planPrivateIntegration, type PlannedService } from "../../components/private-integration";
import { describeMonitoringPlan } from "../../components/monitoring/describeMonitoringPlan";
import { filtersFor } from "../../components/monitoring/accessLogFilters";
import type { ApiKind } from "../../components/shared/types";
import { describeShieldPlan } from "../../components/shield";
import { buildWafRules, describeWafPlan, PLACEHOLDER_IP_SET_ARNS } from "../../components/waf";
import { describeRule } from "../../components/waf/describeRule";
import { wcuBudget } from "../../components/waf/wcuEstimate";
import { describeResources, type PlannedResource } from "./describe";
import { iamOf, type IamSection } from "./iam";
import { edgeNotes } from "./notes";
import { routesOf, type RouteRow } from "./routes";
import { EDGE_PROJECT, type ProgramRun } from "./runProgram";
import { maskSecrets } from "./secrets";

export interface WafRuleRow {
  readonly priority: number;
  readonly name: string;
  readonly words: string;
  readonly wcu: number;
}

/** Everything the plan shows, text, JSON, diagram and comparison alike: one model of one stack. */
export interface PlanModel {
  readonly stack: string;
  readonly routes: readonly RouteRow[];
  readonly waf: { readonly summary: readonly string[]; readonly rules: readonly WafRuleRow[] };
  readonly shield: readonly string[];
  /** The monitoring: alarms by Region, dashboard, signer log groups, canary, probe. */
  readonly monitoring: readonly string[];
  readonly iam: IamSection;
  readonly privateIntegration: readonly string[];
  /** How the private integration's API reaches each service (VPC link, NLB, ALB). */
  readonly privateServices: readonly PlannedService[];
  /** The monthly list-price estimate at the stack's traffic assumptions (`cost:`), and its text. */
  readonly cost: CostJson;
  readonly costText: string;
  readonly notes: readonly string[];
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Every resource with all of its inputs as the program registered them, secrets masked. */
  readonly resources: readonly (PlannedResource & { readonly inputs: unknown })[];
}

export function planModel(stack: string, run: ProgramRun, now: Date = new Date()): PlanModel {
  // Scoped as the program was, so the rate-limit probe rule described here carries the deployed token.
  const config = readStackConfig(run.config, { now, stack: { project: EDGE_PROJECT.name, name: stack } });
  const apis = (run.outputs.apis ?? {}) as Record<string, { kind?: string; stage?: string; region?: string }>;
  const described = describeResources(run.recorder.resources);
  const inputsOf = new Map(run.recorder.resources.map((r) => [`${r.type} ${r.name}`, r.inputs]));
  return {
    stack,
    routes: routesOf(run.recorder.resources, apis),
    waf: wafSection(config),
    shield: describeShieldPlan(config.shield, now),
    monitoring: monitoringOf(run, config, apis),
    iam: iamOf(run.recorder.resources),
    ...privateOf(config),
    ...costOf(run, config),
    notes: edgeNotes(config, now),
    outputs: run.outputs,
    resources: described.map((r) => ({ ...r, inputs: sortKeys(maskSecrets(inputsOf.get(`${r.type} ${r.name}`))) })),
  };
}

/** The monitoring's lines, each API with the access-log group its recorded metric filters read. */
function monitoringOf(run: ProgramRun, config: StackConfig, apis: Record<string, { kind?: string; region?: string }>): string[] {
  const filters = new Map(run.recorder.resources.filter((r) => r.type === "aws:cloudwatch/logMetricFilter:LogMetricFilter").map((r) => [r.name, String(r.inputs.logGroupName)]));
  const monitored = Object.entries(apis).map(([name, api]) => {
    const kind = (api.kind ?? "REST") as ApiKind;
    const group = filtersFor(kind).map((f) => filters.get(`monitoring-${name}-${f.metric}`)).find((g) => g !== undefined);
    return { name, kind, region: api.region ?? "", ...(group ? { accessLogGroupName: group } : {}) };
  });
  const shield = config.shield.enabled;
  return describeMonitoringPlan(config.monitoring, monitored, { shieldTopic: shield, webAcl: config.waf.kind === "managed", shieldWatches5xx: shield && config.shield.healthChecks.cloudfront5xx !== false });
}

function privateOf(config: StackConfig): Pick<PlanModel, "privateIntegration" | "privateServices"> {
  if (!config.privateIntegration) return { privateIntegration: [], privateServices: [] };
  const plan = planPrivateIntegration(config.privateIntegration);
  return { privateIntegration: describePrivatePlan(plan), privateServices: plan.services };
}

function costOf(run: ProgramRun, config: StackConfig): Pick<PlanModel, "cost" | "costText"> {
  const estimate = estimateCost(describeBillables(run.recorder.resources), config.cost);
  return { cost: costJson(estimate), costText: formatCost(estimate) };
}

/** The web ACL's summary lines and each rule in words with its capacity. */
function wafSection(config: StackConfig): PlanModel["waf"] {
  const summary = describeWafPlan(config.waf, { rules: false });
  if (config.waf.kind !== "managed") return { summary, rules: [] };
  const rules = buildWafRules(config.waf, PLACEHOLDER_IP_SET_ARNS);
  const budget = wcuBudget(rules, config.waf.capacity.limit, config.waf.capacity.reserve);
  const ipSets = Object.fromEntries(Object.entries(PLACEHOLDER_IP_SET_ARNS).map(([name, arn]) => [arn, name]));
  return { summary, rules: rules.map((rule, i) => ({ ...describeRule(rule, ipSets), wcu: budget.lines[i].wcu })).map(({ priority, name, words, wcu }) => ({ priority, name, words, wcu })) };
}

/** Keys in a stable order at every depth, so JSON plans diff cleanly. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  return value;
}
