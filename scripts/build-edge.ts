/** `npm run build:edge`: writes the signer bundle with default settings and reports its size. */
import { statSync } from "node:fs";
import { relative } from "node:path";
import { DEFAULT_BUNDLE_FILE, writeSignerBundle } from "../edge-functions/sigv4-signer/build";

writeSignerBundle(DEFAULT_BUNDLE_FILE);
console.log(`wrote ${relative(process.cwd(), DEFAULT_BUNDLE_FILE)} (${statSync(DEFAULT_BUNDLE_FILE).size} bytes)`);
