/** The signer README documents what the code does: every dropped header, every limit, every failure. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ORIGIN_KEEPALIVE_TIMEOUT, ORIGIN_READ_TIMEOUT } from "../../components/config/distribution";
import { MAX_HEADER_NAMES } from "../../edge-functions/sigv4-signer/src/cloudfront";
import { DROPPED_HEADER_NAMES, DROPPED_HEADER_PREFIXES } from "../../edge-functions/sigv4-signer/src/droppedHeaders";
import { FAILURE_STATUS } from "../../edge-functions/sigv4-signer/src/failure";
import { MAX_PATH_SEGMENTS } from "../../edge-functions/sigv4-signer/src/path";
import { MAX_QUERY_PARAMETERS } from "../../edge-functions/sigv4-signer/src/query";

const README = readFileSync(join(__dirname, "../../edge-functions/sigv4-signer/README.md"), "utf8");

describe("sigv4-signer README", () => {
  it("lists every dropped header with its reason, in the table", () => {
    const table = README.slice(README.indexOf("**Dropped**"), README.indexOf("`X-Amz-Cf-*` is left alone"));
    for (const name of DROPPED_HEADER_NAMES) assert.match(table, new RegExp(`\\| [^\\n]*\`${name}\`[^\\n]*\\| \\w`), name);
    for (const prefix of DROPPED_HEADER_PREFIXES) assert.match(table, new RegExp(`\\| \`${prefix}\\*\``), prefix);
  });

  it("states each cost limit with its status", () => {
    assert.match(README, new RegExp(`at most \\*\\*${MAX_QUERY_PARAMETERS}\\*\\* parameters, else \\*\\*414\\*\\*`));
    assert.match(README, new RegExp(`more than ${MAX_PATH_SEGMENTS} segments \\| \\*\\*414\\*\\*`));
    assert.match(README, new RegExp(`At most \\*\\*${MAX_HEADER_NAMES}\\*\\*\\s+distinct header names \\(CloudFront's own included\\), else \\*\\*431\\*\\*`));
  });

  it("names every failure with its status", () => {
    // "400 `A`", or one of several codes that share a status: "500 `A` / `B` / `C`".
    for (const [code, status] of Object.entries(FAILURE_STATUS)) assert.match(README, new RegExp(`${status}\\s+(?:\`[A-Z_]+\`\\s*/\\s*)*\`${code}\``), code);
  });

  it("gives the origin timeouts the config accepts", () => {
    assert.ok(README.includes(`\`originReadTimeout\` ${ORIGIN_READ_TIMEOUT.min}-${ORIGIN_READ_TIMEOUT.max}, \`originKeepaliveTimeout\` ${ORIGIN_KEEPALIVE_TIMEOUT.min}-${ORIGIN_KEEPALIVE_TIMEOUT.max}`));
  });
});
