/** What the monitoring can check only against the APIs it is given: every problem at once, before any resource. */
import { Problems } from "../shared/validation";
import type { MonitoredApi } from "./monitoredApis";
import type { MonitoringSettings } from "./monitoringConfig";

/** What the checks read of each API: the stack's config can answer it before any resource exists. */
export type CheckedApi = Pick<MonitoredApi, "name" | "kind" | "probe" | "restApiName">;

export function validateMonitoringArgs(settings: MonitoringSettings, apis: readonly CheckedApi[]): Problems {
  const problems = new Problems();
  if (!settings.enabled) return problems;
  const names = apis.map((a) => a.name);
  for (const name of Object.keys(settings.apis)) {
    problems.check(names.includes(name), `monitoring.apis.${name}`, name, `allowed: the name of an API behind the edge: ${names.join(", ")}`, ["monitoring", "apis", name]);
  }
  for (const api of apis) {
    problems.check(
      api.kind !== "REST" || api.restApiName !== undefined,
      `monitoring.apis.${api.name}.restApiName`,
      undefined,
      "required for a REST API the stack does not create: REST metrics are keyed by the API's name (dimension ApiName)",
      ["monitoring", "apis", api.name, "restApiName"],
    );
  }
  problems.check(!settings.canary.enabled || apis.length > 0, "monitoring.canary.enabled", true, "allowed only with at least one API to probe", ["monitoring", "canary", "enabled"]);
  if (settings.canary.enabled) {
    // An unknown path proves nothing directly: REST answers 403 there to anyone, HTTP APIs 404 (signed or not).
    for (const api of apis.filter((a) => a.kind !== "WEBSOCKET" && a.probe.path === "" && a.probe.expectStatus === undefined)) {
      problems.add(`monitoring.apis.${api.name}.path`, undefined, "required with the canary: a path where the API has a method (and its expectStatus), so that the direct call's 403 is IAM's", ["monitoring", "apis", api.name, "path"]);
    }
  }
  return problems;
}
