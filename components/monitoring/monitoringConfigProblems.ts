/**
 * The monitoring section against the rest of the stack file, so that the program refuses it before any resource
 * exists (EdgeMonitoring checks the same of its arguments, but is made last). Pure.
 */
import type { ApiKind } from "../shared/types";
import type { Problem } from "../shared/validation";
import type { WafSettings } from "../waf/types";
import type { MonitoringSettings } from "./monitoringConfig";
import { validateMonitoringArgs } from "./validateMonitoringArgs";
import { apiProbe } from "./verification";

/** An API behind the edge as the config knows it. */
export interface ConfiguredApi {
  readonly name: string;
  readonly kind: ApiKind;
  /** The stack makes it (a pet store, the private integration's API), so it knows its REST name. */
  readonly created: boolean;
  /** The pet store demo, probed at /pets. */
  readonly petStore: boolean;
}

export function monitoringConfigProblems(settings: MonitoringSettings, apis: readonly ConfiguredApi[], waf: WafSettings): readonly Problem[] {
  const problems = validateMonitoringArgs(settings, apis.map((api) => {
    const configured = settings.apis[api.name];
    const restApiName = api.created ? `(the name of ${api.name})` : configured?.restApiName;
    return { name: api.name, kind: api.kind, probe: apiProbe(api, configured), ...(restApiName !== undefined ? { restApiName } : {}) };
  }));
  problems.check(
    !(settings.enabled && settings.rateLimitProbe.enabled) || waf.kind === "managed",
    "monitoring.rateLimitProbe.enabled",
    true,
    "allowed only with a web ACL this stack manages (waf not disabled, no existingWebAclArn): the probe is one of its rules",
    ["monitoring", "rateLimitProbe", "enabled"],
  );
  return problems.all;
}
