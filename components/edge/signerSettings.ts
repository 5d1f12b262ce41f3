import { SignerSettings } from "../../edge-functions/sigv4-signer/src/settings";
import { SignerConfig } from "../config/signer";

/**
 * What the signer bundle must know: only where the viewer's Authorization goes. Routing reaches it per
 * origin (the `X-Forwarded-Prefix` origin header), so adding an API does not change the bundle.
 */
export function signerSettingsFor(config: SignerConfig): SignerSettings {
  return { customDomains: {}, authorizationHeader: config.authorizationHeader };
}
