import * as pulumi from "@pulumi/pulumi";
import { ApiInput, CreatedApiConfig, apisSchema } from "../config/apis";
import { parseWith } from "../shared/schema/parse";
import type { CreatedApiDetails } from "../monitoring/monitoredApis";
import { ApiOrigin } from "../shared/types";
import { ApiGatewayAccount } from "./apiGatewayAccount";
import { existingApiOrigin } from "./existingApi";
import { IamHttpApi } from "./httpApi";
import { IamRestApi } from "./restApi";
import { IamWebSocketApi } from "./webSocketApi";

export interface ProtectedApisArgs {
  /** Checked like the stack file's `apis` entries, with the same defaults. */
  readonly apis: readonly ApiInput[];
  /** The region of every API that names none. @default none: each API names its region */
  readonly region?: string;
  /** Manage API Gateway's per-region CloudWatch role setting, needed for REST and WebSocket access logs. @default true */
  readonly manageApiGatewayAccount?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The edge signer's role (`edgeSignerRole(edgeName).arn`): each REST API created here admits only it, on its
   * stage, from its first deployment. HTTP and WebSocket APIs have no resource policy; AWS_IAM alone guards them.
   */
  readonly signerRoleArn: pulumi.Input<string>;
}

/** The APIs behind the edge: the ones the stack creates (pet store demos) and the ones it only fronts. */
export class ProtectedApis extends pulumi.ComponentResource {
  readonly origins: readonly ApiOrigin[];
  /** Per name, what the monitoring needs of the APIs created here (pet stores all): REST names, access-log groups. */
  readonly created: Readonly<Record<string, CreatedApiDetails>>;
  /** API Gateway's account setting per region where this component manages it, for other REST stages there to wait for. */
  readonly accountSettings: ReadonlyMap<string, pulumi.Resource>;

  constructor(name: string, args: ProtectedApisArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const apis = parseWith(apisSchema(args.region), args.apis, `${name}: invalid ProtectedApis arguments`, ["apis"]);
    super("edge-security:api:ProtectedApis", name, {}, opts);
    const tags = args.tags;
    const accounts = new Map<string, ApiGatewayAccount>();
    if (args.manageApiGatewayAccount ?? true) {
      const regions = new Set(apis.filter((a) => !a.existing && a.kind !== "HTTP").map((a) => a.region));
      for (const region of [...regions].sort()) accounts.set(region, new ApiGatewayAccount(`${name}-account-${region}`, { region, tags }, { parent: this }));
    }

    this.accountSettings = new Map([...accounts].map(([region, a]) => [region, a.account]));

    const created: Record<string, CreatedApiDetails> = {};
    this.origins = apis.map((api) => {
      if (api.existing) return existingApiOrigin(api);
      const component = this.create(`${name}-${api.name}`, api, args.signerRoleArn, accounts.get(api.region)?.account, tags);
      created[api.name] = {
        petStore: true,
        accessLogGroupName: component.accessLogGroupName,
        ...(component instanceof IamRestApi ? { restApiName: component.restApiName } : {}),
      };
      return component.origin;
    });
    this.created = created;
    this.registerOutputs({});
  }

  private create(name: string, config: CreatedApiConfig, signerRoleArn: pulumi.Input<string>, accountSetting: pulumi.Resource | undefined, tags?: Readonly<Record<string, string>>) {
    const opts = { parent: this };
    switch (config.kind) {
      case "REST":
        return new IamRestApi(name, { config, tags, accountSetting, signerRoleArn }, opts);
      case "HTTP":
        return new IamHttpApi(name, { config, tags }, opts);
      case "WEBSOCKET":
        return new IamWebSocketApi(name, { config, tags, accountSetting }, opts);
    }
  }
}
