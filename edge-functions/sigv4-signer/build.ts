/**
 * Bundles the signer into one minified CommonJS file with its settings baked in. Used by the Pulumi
 * signer component, `npm run build:edge`, the tests and the bench, so all of them run the same code.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleScript, scriptSourceDir } from "../bundleScript";
import { ConfigError } from "../../components/shared/validation";
import { canonicalSignerSettings, DEFAULT_AUTHORIZATION_HEADER, signerSettingsProblems, type SignerSettings } from "./src/settings";

const SOURCE_DIR = scriptSourceDir(__dirname, "sigv4-signer");

/** Bundles the handler with `settings` baked in: the same settings always give byte-identical output. */
export function buildSignerBundle(settings: SignerSettings): string {
  const problems = signerSettingsProblems(settings);
  if (problems.length > 0) throw new ConfigError("signer settings", problems);
  return bundleScript(SOURCE_DIR, { __SIGNER_SETTINGS_JSON__: JSON.stringify(JSON.stringify(canonicalSignerSettings(settings))) }, {
    // ES module builds of the smithy packages let esbuild drop everything the signer does not call.
    mainFields: ["module", "main"],
    // Reached only through a dynamic import in smithy code the signer never calls; bundling it would wrap
    // every smithy module in a lazy initializer and defeat tree-shaking (the bundle test checks no import() remains).
    external: ["@smithy/core/event-streams"],
  });
}

/** An example origin list, shaped like the dev stack's three APIs, for `npm run build:edge` (which reports the size). */
export const EXAMPLE_SIGNER_SETTINGS: SignerSettings = {
  origins: [
    { domain: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", path: "/dev", prefix: "", region: "eu-west-1" },
    { domain: "f6g7h8i9j0.execute-api.eu-west-1.amazonaws.com", path: "", prefix: "/http", region: "eu-west-1" },
    { domain: "k1l2m3n4o5.execute-api.eu-west-1.amazonaws.com", path: "/dev", prefix: "/ws", region: "eu-west-1" },
  ],
  authorizationHeader: DEFAULT_AUTHORIZATION_HEADER,
};

/** Writes the bundle to a file (used by `npm run build:edge` and the tests/bench). */
export function writeSignerBundle(outFile: string, settings: SignerSettings = EXAMPLE_SIGNER_SETTINGS): void {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, buildSignerBundle(settings));
}

/** Where `npm run build:edge` writes the bundle. */
export const DEFAULT_BUNDLE_FILE = join(__dirname, "dist", "index.js");
