import { SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { pathPrefixOf } from "../config/apis";
import { SignerConfig } from "../config/signer";
import { ApiOrigin } from "../shared/types";

/** What the signer bundle must know about the edge: path prefixes CloudFront routes by and the Authorization relocation. */
export function signerSettingsFor(origins: readonly ApiOrigin[], config: SignerConfig): SignerSettings {
  const stripPrefixes = origins.map((o) => pathPrefixOf(o.pathPattern)).filter((p): p is string => p !== undefined).sort();
  return { customDomains: {}, authorizationHeader: config.authorizationHeader, stripPrefixes };
}
