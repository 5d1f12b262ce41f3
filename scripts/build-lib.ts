/**
 * `npm run build:lib [-- --out <dir>]`: compiles the components and the signer to `dist/` (JavaScript with
 * declarations) and copies the files they read at deploy time: the pet store's JavaScript. The signer's
 * TypeScript sources ship as they are (package.json `files`): the signer component bundles them with
 * esbuild at deploy time, so equal settings give the same bytes from a checkout and from the package.
 */
import { execFileSync } from "node:child_process";
import { cpSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.join(__dirname, "..");

export function buildLibrary(outDir = path.join(ROOT, "dist")): void {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.lib.json"), "--outDir", outDir], { stdio: "inherit" });
  cpSync(path.join(ROOT, "components", "api", "petstore"), path.join(outDir, "components", "api", "petstore"), { recursive: true });
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  buildLibrary(values.out ? path.resolve(values.out) : undefined);
}
