// Asks AWS WAF how many WCU the stack's exact web ACL rules need (CheckCapacity, us-east-1,
// CLOUDFRONT) and prints it beside the offline estimate. Creates nothing.
// Usage: npm run waf:capacity -- [--stack dev] [--ip-set-arn allowIpv4=<arn>]...
// Needs AWS credentials allowed wafv2:CheckCapacity; without them it says so and exits 1.
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "yaml";
import { SHIELD_OFF, shieldKeySchema } from "../components/shield/shieldSchema";
import { edgeWafClient, runCapacityCheck } from "../components/waf/checkCapacity";
import { IpSetArns } from "../components/waf/wafRule";
import { ShieldMitigation } from "../components/waf/types";

const IP_SET_KEYS = ["allowIpv4", "allowIpv6", "denyIpv4", "denyIpv6"] as const;

function parseArgs(argv: readonly string[]): { stack: string; ipSetArns: IpSetArns<string> } {
  const stackAt = argv.indexOf("--stack");
  const stack = stackAt >= 0 ? argv[stackAt + 1] : "dev";
  if (!stack || !/^[\w.-]+$/.test(stack)) throw new Error("--stack needs a stack name, e.g. --stack prod");
  const ipSetArns: Partial<Record<(typeof IP_SET_KEYS)[number], string>> = {};
  argv.forEach((arg, i) => {
    if (arg !== "--ip-set-arn") return;
    const [key, arn] = (argv[i + 1] ?? "").split(/=(.*)/s);
    const known = IP_SET_KEYS.find((k) => k === key);
    if (!known || !arn) throw new Error(`--ip-set-arn takes <${IP_SET_KEYS.join("|")}>=<arn>`);
    ipSetArns[known] = arn;
  });
  return { stack, ipSetArns };
}

/** Shield's layer-7 mitigation decides the WCU reserve and whether the Anti-DDoS group is added. */
function shieldMitigation(config: Record<string, unknown>): ShieldMitigation {
  return (shieldKeySchema().safeParse(config["edge-security:shield"]).data ?? SHIELD_OFF).layer7Mitigation;
}

async function main(): Promise<number> {
  const { stack, ipSetArns } = parseArgs(process.argv.slice(2));
  const file = path.join(__dirname, "..", `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    console.error(`no stack file ${path.basename(file)}`);
    return 2;
  }
  const stackConfig = yaml.parse(fs.readFileSync(file, "utf8"));
  const config = (stackConfig as { config?: Record<string, unknown> } | undefined)?.config ?? {};
  const run = await runCapacityCheck({ stack, stackConfig, client: edgeWafClient(), shieldMitigation: shieldMitigation(config), ipSetArns });
  for (const line of run.lines) (run.exitCode === 0 ? console.log : console.error)(line);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
