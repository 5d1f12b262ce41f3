/** The canary bundle's entry (`edgeCanary.handler`): the handler with the targets the build baked in. */
import { createCanaryHandler } from "./handler";
import type { ProbeTarget } from "./targets";

/** Replaced by the build (esbuild `define`) with the targets as a JSON string. */
declare const __CANARY_TARGETS_JSON__: string;

// CommonJS, like the signer: Synthetics loads the file with require().
module.exports.handler = createCanaryHandler(JSON.parse(__CANARY_TARGETS_JSON__) as ProbeTarget[]);
