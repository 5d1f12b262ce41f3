import type { PlanModel } from "./model";

/**
 * The plan as JSON for CI (`npm run -s plan -- --json`): the model without its text renderings, keys in a
 * fixed order. The shape is documented in the README ("The plan as JSON").
 */
export function planJson(model: PlanModel): Omit<PlanModel, "costText"> {
  const { costText: _text, ...json } = model;
  return {
    stack: json.stack,
    routes: json.routes,
    waf: json.waf,
    shield: json.shield,
    monitoring: json.monitoring,
    iam: json.iam,
    privateIntegration: json.privateIntegration,
    privateServices: json.privateServices,
    cost: json.cost,
    notes: json.notes,
    outputs: json.outputs,
    resources: json.resources,
  };
}
