import { ExistingApiConfig } from "../config/apis";
import { ApiOrigin } from "../shared/types";

/** An API an application team owns reduces to its origin; the stack changes nothing on it but the opt-in resource policy. */
export function existingApiOrigin(config: ExistingApiConfig): ApiOrigin {
  return {
    name: config.name,
    kind: config.kind,
    apiId: config.apiId,
    stage: config.stage,
    region: config.region,
    pathPattern: config.pathPattern,
    restrictToSigner: config.restrictToSigner,
  };
}
