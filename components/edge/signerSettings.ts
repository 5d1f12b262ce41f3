import * as pulumi from "@pulumi/pulumi";
import { SignerOrigin, SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { pathPrefixOf } from "../config/apis";
import { SignerConfig } from "../config/signer";
import { ApiOrigin } from "../shared/types";
import { executeApiDomain, originPath } from "./distributionInputs";

/**
 * An API's origin as the signer sees it in the origin-request event: the domain, origin path and
 * `X-Forwarded-Prefix` that `originFor` gives the distribution's origin (the same three functions), and
 * the signing region.
 */
export function signerOriginOf(origin: ApiOrigin): pulumi.Output<SignerOrigin> {
  return pulumi.all([executeApiDomain(origin), pulumi.output(origin.stage)]).apply(([domain, stage]) => ({
    domain,
    path: originPath(stage),
    prefix: pathPrefixOf(origin.pathPattern) ?? "",
    region: origin.region,
  }));
}

/**
 * What the signer bundle must know: the stack's own origins (the only ones it signs for) and where the
 * viewer's Authorization goes. Created APIs' IDs are outputs, so the settings are one; the bundle is built
 * from them inside the signer's `apply`.
 */
export function signerSettingsFor(config: SignerConfig, origins: readonly ApiOrigin[]): pulumi.Output<SignerSettings> {
  return pulumi.all(origins.map(signerOriginOf)).apply((list) => ({ origins: list, authorizationHeader: config.authorizationHeader }));
}
