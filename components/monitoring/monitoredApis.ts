/** What the monitoring needs of each API behind the edge, from the edge's origins and the monitoring config. */
import * as pulumi from "@pulumi/pulumi";
import { directUrlOf } from "../api/apiUrls";
import { edgeUrlOf } from "../contract/apiEndpoints";
import type { ApiKind, ApiOrigin } from "../shared/types";
import type { MonitoringSettings } from "./monitoringConfig";
import { apiProbe, type ApiProbe } from "./verification";

export interface MonitoredApi {
  readonly name: string;
  readonly kind: ApiKind;
  /** The API's own Region: its metrics, access logs and signer-403 alarms are there. */
  readonly region: string;
  readonly apiId: pulumi.Input<string>;
  readonly stage: pulumi.Input<string>;
  /** Where the canary calls it through the edge and directly. */
  readonly edgeUrl: pulumi.Input<string>;
  readonly directUrl: pulumi.Input<string>;
  readonly probe: ApiProbe;
  /** REST only, required there: the API's name (dimension ApiName of REST metrics). */
  readonly restApiName?: pulumi.Input<string>;
  /** The API's JSON access-log group; without it no signer-403 filters or alarms are made for the API. */
  readonly accessLogGroupName?: pulumi.Input<string>;
}

/** Per API name, what the program knows of the APIs it created: their REST names and access-log groups. */
export interface CreatedApiDetails {
  /** The pet store demo (probed at /pets for 200), rather than another API the stack made (the private integration's). */
  readonly petStore: boolean;
  readonly restApiName?: pulumi.Input<string>;
  readonly accessLogGroupName?: pulumi.Input<string>;
}

/**
 * One MonitoredApi per origin. `created` holds the APIs this stack made; for the others the monitoring config
 * (`monitoring.apis.<name>`) gives the REST name and log group. Probes come from the config, else pet stores
 * are probed at /pets.
 */
export function monitoredApis(
  origins: readonly ApiOrigin[],
  distributionDomainName: pulumi.Input<string>,
  created: Readonly<Record<string, CreatedApiDetails>>,
  settings: MonitoringSettings,
): MonitoredApi[] {
  return origins.map((origin) => {
    const own = created[origin.name];
    const configured = settings.apis[origin.name];
    const restApiName = own?.restApiName ?? configured?.restApiName;
    const accessLogGroupName = configured?.accessLogGroupName ?? own?.accessLogGroupName;
    return {
      name: origin.name,
      kind: origin.kind,
      region: origin.region,
      apiId: origin.apiId,
      stage: origin.stage,
      edgeUrl: pulumi.output(distributionDomainName).apply((domain) => edgeUrlOf(origin, domain)),
      directUrl: pulumi.all([origin.apiId, origin.stage]).apply(([apiId, stage]) => directUrlOf(origin.kind, apiId, origin.region, stage)),
      probe: apiProbe({ kind: origin.kind, petStore: own?.petStore ?? false }, configured),
      ...(restApiName !== undefined ? { restApiName } : {}),
      ...(accessLogGroupName !== undefined ? { accessLogGroupName } : {}),
    };
  });
}
