/**
 * Bundles the canary script with its targets baked in (esbuild `define`, like the signer) and packs it the
 * way Synthetics loads Node.js canaries: `nodejs/node_modules/<file>.js`, handler `<file>.handler`. Equal
 * targets give byte-identical zips (fixed timestamps, canonical order), named by their hash.
 */
import { zipSync } from "fflate";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleScript, scriptSourceDir } from "../bundleScript";
import { ConfigError } from "../../components/shared/validation";
import { targetProblems, type ProbeTarget } from "./src/targets";

const SOURCE_DIR = scriptSourceDir(__dirname, "canary");

/** The script's file name inside the zip; Synthetics resolves the handler `edgeCanary.handler` to it. */
export const CANARY_FILE = "edgeCanary";
export const CANARY_HANDLER = `${CANARY_FILE}.handler`;
/** The folder layout Synthetics requires for Node.js canaries (CanaryCodeInput, "Packaging your Node.js canary files"). */
export const CANARY_ZIP_PATH = `nodejs/node_modules/${CANARY_FILE}.js`;
/** Synthetics takes a zip passed inline only below 225 KB (CanaryCodeInput.ZipFile). */
export const MAX_INLINE_ZIP_BYTES = 225 * 1000;
/** Zip timestamps carry no build time (the DOS epoch; fflate writes local time, so the date is given in local time). */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Targets in a canonical form: sorted by name, keys in a fixed order, so equal targets give equal bytes. */
export function canonicalTargets(targets: readonly ProbeTarget[]): ProbeTarget[] {
  return [...targets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({
      name: t.name,
      kind: t.kind,
      edgeUrl: t.edgeUrl,
      directUrl: t.directUrl,
      path: t.path,
      ...(t.expectStatus !== undefined ? { expectStatus: t.expectStatus } : {}),
    }));
}

/** The minified CommonJS script; throws one ConfigError naming every bad target. */
export function buildCanaryScript(targets: readonly ProbeTarget[]): string {
  const problems = targetProblems(targets);
  if (targets.length === 0) problems.push({ field: "targets", value: [], allowed: "required: at least one API to probe" });
  if (problems.length > 0) throw new ConfigError("canary targets", problems);
  return bundleScript(SOURCE_DIR, { __CANARY_TARGETS_JSON__: JSON.stringify(JSON.stringify(canonicalTargets(targets))) });
}

/** The zip Synthetics runs. */
export function buildCanaryZip(targets: readonly ProbeTarget[]): Uint8Array {
  const script = new TextEncoder().encode(buildCanaryScript(targets));
  const zip = zipSync({ [CANARY_ZIP_PATH]: [script, { mtime: FIXED_MTIME, level: 9 }] });
  if (zip.length >= MAX_INLINE_ZIP_BYTES) throw new Error(`canary zip is ${zip.length} bytes; Synthetics takes at most ${MAX_INLINE_ZIP_BYTES} inline`);
  return zip;
}

/** Writes the zip to `dir` as `canary-<hash>.zip` and returns its path: a new file name whenever the code changes. */
export function writeCanaryZip(targets: readonly ProbeTarget[], dir: string): string {
  const zip = buildCanaryZip(targets);
  const file = join(dir, `canary-${createHash("sha256").update(zip).digest("hex").slice(0, 16)}.zip`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, zip);
  return file;
}

/** Where the monitoring component writes zips by default (ignored by git, like the signer's dist/). */
export const DEFAULT_CANARY_DIR = join(__dirname, "dist");
