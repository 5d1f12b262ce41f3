// Proves a deployed edge in one command: the distribution is Deployed with the stack's web ACL, the web ACL
// holds its rules and the JSON 429, Shield protects it, every API answers through the edge and refuses direct
// calls, a known-bad input meets WAF, and (opt-in) rate limiting answers 429. Reads only; exit 0 when all pass.
// Usage: npm run verify -- --stack prod [--json] [--timeout 900] [--rate-limit-probe]
//        npm run verify -- --outputs outputs.json    (written by `pulumi stack output --json --show-secrets=false`)
import { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import { ShieldClient } from "@aws-sdk/client-shield";
import { probe } from "../edge-functions/canary/src/probe";
import { EDGE_REGION } from "../components/shared/region";
import { edgeWafClient } from "../components/waf/checkCapacity";
import { parseVerifyArgs, USAGE } from "./verify/args";
import { loadOutputs } from "./verify/outputs";
import { exitCodeOf, formatJson, formatLine, formatSummary, VerifyError } from "./verify/report";
import { runVerify } from "./verify/runVerify";

// The SDK's notice that its 2027 releases need Node.js 22 would print seven lines before verify's own; the
// SDK documents this switch for it. Verify supports what the project supports (package.json engines).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

async function main(): Promise<number> {
  const options = parseVerifyArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const outputs = await loadOutputs(options);
  // CloudFront, CLOUDFRONT-scope WAF and Shield Advanced all answer in us-east-1.
  const cloudfront = new CloudFrontClient({ region: EDGE_REGION });
  const results = await runVerify(outputs, options, {
    cloudfront,
    wafv2: edgeWafClient(),
    shield: new ShieldClient({ region: EDGE_REGION }),
    credentials: () => cloudfront.config.credentials(),
    request: probe,
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    progress: (line) => console.error(line),
    ...(options.json ? {} : { report: (result) => console.log(formatLine(result)) }),
  });
  console.log(options.json ? formatJson(options.stack, results) : formatSummary(results));
  return exitCodeOf(results);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One line, never a stack trace: what went wrong and what to do.
    console.error(`verify: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(error instanceof VerifyError ? error.exitCode : 1);
  },
);
