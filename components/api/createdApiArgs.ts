import * as pulumi from "@pulumi/pulumi";
import { CreatedApiConfig } from "../config/apis";

/** Arguments shared by the APIs the stack creates. */
export interface CreatedApiArgs {
  readonly config: CreatedApiConfig;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** The API Gateway account setting that must exist before a REST or WebSocket stage can write access logs. @default none */
  readonly accountSetting?: pulumi.Resource;
}
