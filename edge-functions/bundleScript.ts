/**
 * One esbuild setup for the scripts the stack deploys, the signer and the canary: one minified CommonJS file
 * with its settings baked in (esbuild `define`), synchronously, deterministic: the same settings always give
 * byte-identical output (no timestamps, no absolute paths, stable key order in what is baked in).
 */
import { buildSync, type BuildOptions } from "esbuild";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * A script's TypeScript sources: beside its build file in a checkout; in the installed package the build file
 * runs from `dist/edge-functions/<name>/`, and the sources ship at `edge-functions/<name>/` under the package
 * root (package.json `files`), so both bundle the same sources into the same bytes.
 */
export function scriptSourceDir(buildDir: string, name: string): string {
  return existsSync(join(buildDir, "src", "index.ts")) ? buildDir : join(buildDir, "..", "..", "..", "edge-functions", name);
}

/** Bundles `<sourceDir>/src/index.ts` with `define`d constants; `tuning` adds what one script needs (tree-shaking hints). */
export function bundleScript(sourceDir: string, define: Readonly<Record<string, string>>, tuning: Pick<BuildOptions, "mainFields" | "external"> = {}): string {
  const result = buildSync({
    // Paths relative to the sources keep the output independent of where the checkout lives.
    absWorkingDir: sourceDir,
    entryPoints: ["src/index.ts"],
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    // Lambda runs Node.js 22 or later (the signer's runtimes, the Synthetics runtimes); node20 syntax also loads
    // on the Node 20 used for tests.
    target: "node20",
    minify: true,
    legalComments: "none",
    sourcemap: false,
    logLevel: "silent",
    define: { ...define },
    ...tuning,
  });
  return result.outputFiles[0].text;
}
