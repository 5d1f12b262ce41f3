/** The bundle entry (`index.handler`): the handler with the settings that the build baked in. */
import { createHandler } from "./handler";
import type { SignerSettings } from "./settings";

/** Replaced by the build (esbuild `define`) with the settings as a JSON string (a string keeps the bundle flat). */
declare const __SIGNER_SETTINGS_JSON__: string;

// Assigned CommonJS-style: the bundle is CommonJS, and an ES export would add esbuild's interop helpers.
module.exports.handler = createHandler(JSON.parse(__SIGNER_SETTINGS_JSON__) as SignerSettings);
