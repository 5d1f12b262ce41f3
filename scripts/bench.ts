/**
 * `npm run bench`: speed, size, cold start and memory of the signer, as ratios against a baseline
 * measured in the same run (a minimal SigV4 signer on node:crypto; an aws4 bundle for cold start).
 * Prints one table and exits non-zero when a target is missed.
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import aws4 from "aws4";
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { buildSignerBundle, EXAMPLE_SIGNER_SETTINGS, writeSignerBundle } from "../edge-functions/sigv4-signer/build";
import type { SignerSettings } from "../edge-functions/sigv4-signer/src/settings";
import { BENCH_DOMAIN, BENCH_ENV, BENCH_SETTINGS, benchEvent } from "./bench/events";
import { compare, median } from "./bench/compare";
import { minimalSign } from "./bench/minimalSigner";
import { worstCaseRows } from "./bench/worstCase";

type Row = { readonly group: string; readonly name: string; readonly value: string; readonly ratio?: number; readonly target?: number };
const rows: Row[] = [];
const NOW = new Date("2026-03-01T10:20:30Z");
const REGION = "eu-west-1";
const CREDS = { accessKeyId: BENCH_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: BENCH_ENV.AWS_SECRET_ACCESS_KEY, sessionToken: BENCH_ENV.AWS_SESSION_TOKEN };
const QUERY = [["limit", "10"], ["sort", "name"], ["tag", "a b"]] as const;

async function speed(group: string, body: Buffer | undefined, iterations: number, target: number, handler: (e: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>) {
  const event = benchEvent(body ? "POST" : "GET", body);
  const data = event.Records[0].cf.request.body?.data;
  const method = body ? "POST" : "GET";
  // Every signer starts from what the event holds: the body arrives base64-encoded, so all decode it.
  const bytes = () => (data ? Buffer.from(data, "base64") : undefined);
  const smithyJs = new SignatureV4({ credentials: CREDS, region: REGION, service: "execute-api", sha256: Sha256, applyChecksum: false });
  const candidates: [string, () => unknown, number?][] = [
    ["baseline: minimal node:crypto signer", () => minimalSign({ method, host: BENCH_DOMAIN, path: "/prod/pets/42", query: QUERY, body: bytes() }, CREDS, REGION, NOW)],
    ["reference: @smithy/signature-v4 + sha256-js", () => smithyJs.sign({ method, protocol: "https:", hostname: BENCH_DOMAIN, path: "/prod/pets/42", query: { limit: "10", sort: "name", tag: "a b" }, headers: { host: BENCH_DOMAIN }, body: bytes() }, { signingDate: NOW })],
    ["reference: aws4", () => aws4.sign({ host: BENCH_DOMAIN, method, path: "/prod/pets/42?limit=10&sort=name&tag=a%20b", service: "execute-api", region: REGION, body: bytes() ?? "", headers: { "X-Amz-Date": "20260301T102030Z" } }, CREDS)],
    ["bundled handler (whole event)", () => handler(event), target],
  ];
  if (body) candidates.splice(1, 0, ["info: baseline given decoded bytes (no base64)", () => minimalSign({ method, host: BENCH_DOMAIN, path: "/prod/pets/42", query: QUERY, body }, CREDS, REGION, NOW)]);
  const results = await compare(candidates.map(([, run]) => ({ run, iterations })));
  candidates.forEach(([name, , t], i) => rows.push({ group, name, value: `${results[i].us.toFixed(1)} us`, ratio: results[i].ratio, target: t }));
}

/** `count` origins, each an API behind its own prefix, as the stack would bake them. */
function manyOrigins(count: number): SignerSettings {
  const origins = Array.from({ length: count }, (_, i) => ({
    domain: `${String(i).padStart(10, "a")}.execute-api.ap-southeast-2.amazonaws.com`, path: `/stage-${i}`, prefix: i === 0 ? "" : `/service-${i}`, region: "ap-southeast-2",
  }));
  return { origins, authorizationHeader: "x-forwarded-authorization" };
}

function runNode(args: string[], env: Record<string, string>): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return { ms, stdout: child.stdout };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "signer-bench-"));
  try {
    const ourFile = join(dir, "index.js");
    writeSignerBundle(ourFile, BENCH_SETTINGS);
    const aws4File = join(dir, "aws4.js");
    writeFileSync(aws4File, buildSync({ absWorkingDir: __dirname, entryPoints: ["bench/aws4Handler.ts"], bundle: true, write: false, platform: "node", format: "cjs", target: "node20", minify: true, mainFields: ["module", "main"], legalComments: "none" }).outputFiles[0].text);

    Object.assign(process.env, BENCH_ENV);
    const { handler } = require(ourFile) as { handler: (e: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult> };
    const probe = await handler(benchEvent("GET"));
    if (!probe || "status" in probe || probe.uri !== "/prod/pets/42") throw new Error(`bench event was not forwarded to /prod/pets/42: ${JSON.stringify(probe)}`);

    await speed("GET", undefined, 2000, 3, handler);
    await speed("POST 1 MB", Buffer.alloc(1024 * 1024, 7), 20, 1.2, handler);
    for (const row of await worstCaseRows(handler)) rows.push({ group: "worst case", ...row });

    const size = Buffer.byteLength(buildSignerBundle(EXAMPLE_SIGNER_SETTINGS));
    const aws4Size = statSync(aws4File).size;
    rows.push({ group: "bundle", name: "aws4 reference bundle", value: `${aws4Size} B` });
    rows.push({ group: "bundle", name: "signer bundle, minified, three origins (limit 20,000 B)", value: `${size} B`, ratio: size / 20_000, target: 1 });
    const most = Buffer.byteLength(buildSignerBundle(manyOrigins(25)));
    rows.push({ group: "bundle", name: "signer bundle, 25 origins (CloudFront's default quota)", value: `${most} B`, ratio: most / 20_000, target: 1 });

    // Cold start: a fresh node process loads the bundle and handles one event; runs alternate, medians compared.
    const eventFile = join(dir, "get.json");
    writeFileSync(eventFile, JSON.stringify(benchEvent("GET")));
    const probeCode = (file: string) => `const t=process.hrtime.bigint();const e=JSON.parse(require("fs").readFileSync(${JSON.stringify(eventFile)},"utf8"));require(${JSON.stringify(file)}).handler(e).then(r=>{if(!r.headers.authorization)process.exit(2);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))})`;
    const wall: Record<string, number[]> = { ours: [], aws4: [] };
    const inside: Record<string, number[]> = { ours: [], aws4: [] };
    for (let i = 0; i < 21; i++) {
      for (const [key, file] of [["ours", ourFile], ["aws4", aws4File]] as const) {
        const run = runNode(["-e", probeCode(file)], BENCH_ENV);
        wall[key].push(run.ms);
        inside[key].push(Number(run.stdout));
      }
    }
    rows.push({ group: "cold start", name: "aws4 bundle: process start to signed event", value: `${median(wall.aws4).toFixed(1)} ms`, ratio: 1 });
    rows.push({ group: "cold start", name: "signer bundle: process start to signed event", value: `${median(wall.ours).toFixed(1)} ms`, ratio: median(wall.ours) / median(wall.aws4), target: 1.5 });
    rows.push({ group: "cold start", name: "aws4 bundle: load + first event (in process)", value: `${median(inside.aws4).toFixed(2)} ms`, ratio: 1 });
    rows.push({ group: "cold start", name: "signer bundle: load + first event (in process)", value: `${median(inside.ours).toFixed(2)} ms`, ratio: median(inside.ours) / median(inside.aws4) });

    // Memory: peak RSS growth from a warm handler to after one 1 MB body, counting the event itself
    // (read and parsed inside the window), so the figure is an upper bound for the handling. The peak is
    // VmHWM of the child's own memory: getrusage's maxRSS carries the parent's peak across exec on Linux.
    const bigFile = join(dir, "post.json");
    writeFileSync(bigFile, JSON.stringify(benchEvent("POST", Buffer.alloc(1024 * 1024, 7))));
    const rssCode = `const fs=require("fs"),h=require(${JSON.stringify(ourFile)}).handler,peak=()=>Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync("/proc/self/status","utf8"))[1]);h(JSON.parse(fs.readFileSync(${JSON.stringify(eventFile)},"utf8"))).then(()=>{const b=peak();return h(JSON.parse(fs.readFileSync(${JSON.stringify(bigFile)},"utf8"))).then(r=>{if(!r.headers.authorization)process.exit(2);process.stdout.write(String(peak()-b))})})`;
    const growthKb = median(Array.from({ length: 5 }, () => Number(runNode(["-e", rssCode], BENCH_ENV).stdout)));
    rows.push({ group: "memory", name: "peak RSS growth, 1 MB body event read + handled (limit 32 MB)", value: `${(growthKb / 1024).toFixed(1)} MB`, ratio: growthKb / 1024 / 32, target: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const table = rows.map((r) => [
    r.group, r.name, r.value, r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}x`, r.target === undefined ? "" : `<= ${r.target}x`,
    r.target === undefined ? "" : r.ratio! <= r.target ? "PASS" : "MISS",
  ]);
  const header = ["group", "measurement", "value", "ratio", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; ratios against baselines measured in this run`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
  if (table.some((row) => row[5] === "MISS")) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
