/** What the monitoring can check only against the APIs it is given: every problem at once, before any resource. */
import { Problems } from "../shared/validation";
import type { MonitoredApi } from "./monitoredApis";
import type { MonitoringSettings } from "./monitoringConfig";

/** What the checks read of each API: the stack's config can answer it before any resource exists. */
export type CheckedApi = Pick<MonitoredApi, "name" | "kind" | "probe" | "restApiName">;

/**
 * The canary's requirement. `npm run verify` probes the same path but is not gated on it (stack files with existing APIs
 * and no probe stay valid): there a stage root without a method fails the edge check, naming this same fix.
 */
export const PATH_REQUIRED = "required with the canary: a route with a method (e.g. /health) answering 2xx, or its expectStatus; the stage root "
  + "may have none (REST answers 403 there to anyone, an HTTP API 404), which proves nothing either way (npm run verify probes the same path)";

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
    // At an API's stage root REST may have no method (403 to anyone, signed or not) and an HTTP API no route (404
    // before the signature is checked): neither tells a signing edge from one that lost its signer. Pet stores: /pets.
    const unprobed = (a: CheckedApi) => a.kind !== "WEBSOCKET" && a.probe.path === "" && a.probe.expectStatus === undefined && settings.apis[a.name]?.path === undefined;
    for (const api of apis.filter(unprobed)) {
      problems.add(`monitoring.apis.${api.name}.path`, undefined, PATH_REQUIRED, ["monitoring", "apis", api.name, "path"]);
    }
  }
  return problems;
}
