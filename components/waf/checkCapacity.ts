/**
 * Asks AWS for the capacity of the exact rules (WAFV2 CheckCapacity, us-east-1, CLOUDFRONT) and
 * sets it beside the offline estimate. The client is injected, so tests run offline.
 * Not exported from index.ts: it loads `@aws-sdk/client-wafv2`, a development dependency.
 */
import { CheckCapacityCommand, Rule, WAFV2Client } from "@aws-sdk/client-wafv2";
import { EDGE_REGION } from "../shared/region";
import { problemsFrom } from "../shared/schema/problems";
import { isPlainObject } from "../shared/validation";
import { buildWafRules } from "./buildWafRules";
import { toWafApiRules } from "./toWafApiRules";
import { RateLimitProbe, ShieldMitigation } from "./types";
import { wafSchema } from "./wafSchema";
import { IpSetArns, PLACEHOLDER_IP_SET_ARNS } from "./wafRule";
import { wcuBudget } from "./wcuEstimate";

export type CapacityAnswer =
  | { readonly kind: "ok"; readonly capacity: number }
  | { readonly kind: "no-credentials" | "access-denied" | "missing-ip-set" | "failed"; readonly message: string };

/** Calls CheckCapacity and classifies failures so the caller can explain them. */
export async function checkCapacity(client: Pick<WAFV2Client, "send">, rules: Rule[]): Promise<CapacityAnswer> {
  try {
    const answer = await client.send(new CheckCapacityCommand({ Scope: "CLOUDFRONT", Rules: rules }));
    return typeof answer.Capacity === "number" ? { kind: "ok", capacity: answer.Capacity } : { kind: "failed", message: "CheckCapacity returned no Capacity" };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    if (name === "CredentialsProviderError" || /could not load credentials/i.test(message)) return { kind: "no-credentials", message };
    if (/AccessDenied|UnrecognizedClient|InvalidClientTokenId|ExpiredToken/i.test(name)) return { kind: "access-denied", message };
    if (name === "WAFNonexistentItemException") return { kind: "missing-ip-set", message };
    return { kind: "failed", message };
  }
}

export interface CapacityRun {
  readonly exitCode: number;
  readonly lines: readonly string[];
}

/** The client the script uses: us-east-1, where CLOUDFRONT-scope WAF lives. */
export function edgeWafClient(): WAFV2Client {
  return new WAFV2Client({ region: EDGE_REGION });
}

/**
 * Parses the stack's `edge-security:waf` key, builds the exact rules, asks AWS and reports both
 * figures. `ipSetArns` replaces placeholder IP set ARNs (CheckCapacity may require real ones).
 */
export async function runCapacityCheck(options: {
  readonly stack: string;
  readonly stackConfig: unknown;
  readonly client: Pick<WAFV2Client, "send">;
  readonly shieldMitigation: ShieldMitigation;
  /** The monitoring's probe rule, when the stack puts it in the web ACL (it is one of the rules sent). */
  readonly rateLimitProbe?: RateLimitProbe;
  readonly ipSetArns?: IpSetArns<string>;
}): Promise<CapacityRun> {
  const config = isPlainObject(options.stackConfig) && isPlainObject(options.stackConfig.config) ? options.stackConfig.config : {};
  // An absent key is the default web ACL, as for the stack.
  const raw = config["edge-security:waf"] ?? {};
  const parsed = wafSchema({ shieldMitigation: options.shieldMitigation, rateLimitProbe: options.rateLimitProbe }).safeParse(raw);
  if (!parsed.success) {
    const problems = problemsFrom(parsed.error.issues, raw, ["waf"]);
    const lines = problems.map((p) => `  - ${p.field}: ${p.allowed}`);
    return { exitCode: 2, lines: [`Pulumi.${options.stack}.yaml: edge-security:waf has ${problems.length} problem(s):`, ...lines] };
  }
  const settings = parsed.data;
  if (settings.kind !== "managed") {
    const what = settings.kind === "disabled" ? "WAF is disabled" : `the stack reuses ${settings.existingWebAclArn}`;
    return { exitCode: 0, lines: [`${options.stack}: ${what}; nothing to check.`] };
  }
  const rules = buildWafRules(settings, { ...PLACEHOLDER_IP_SET_ARNS, ...options.ipSetArns });
  const budget = wcuBudget(rules, settings.capacity.limit, settings.capacity.reserve);
  const width = Math.max(...budget.lines.map((l) => l.name.length));
  const lines = [
    `${options.stack}: ${rules.length} rules, scope CLOUDFRONT, region ${EDGE_REGION}`,
    ...budget.lines.map((l) => `  ${String(l.priority).padStart(7)}  ${l.name.padEnd(width)}  ${String(l.wcu).padStart(4)} WCU (estimate)`),
  ];
  const answer = await checkCapacity(options.client, toWafApiRules(rules));
  if (answer.kind === "ok") {
    const verdict = answer.capacity === budget.total ? "matches" : `differs by ${answer.capacity - budget.total}`;
    const fits = answer.capacity + budget.reserve <= budget.limit;
    return {
      exitCode: fits ? 0 : 1,
      lines: [
        ...lines,
        `estimate ${budget.total} WCU; AWS CheckCapacity ${answer.capacity} WCU (${verdict})`,
        `AWS figure + reserve ${budget.reserve} = ${answer.capacity + budget.reserve} of limit ${budget.limit}: ${fits ? "fits" : "OVER BUDGET"}`,
      ],
    };
  }
  return { exitCode: 1, lines: [...lines, `estimate ${budget.total} WCU; AWS not asked: ${explain(answer.kind)}`, `  (${answer.message})`] };
}

function explain(kind: Exclude<CapacityAnswer["kind"], "ok">): string {
  switch (kind) {
    case "no-credentials":
      return "no AWS credentials. Set AWS_PROFILE (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) for an account whose identity may call wafv2:CheckCapacity; nothing is created.";
    case "access-denied":
      return "the credentials were refused. The identity needs wafv2:CheckCapacity (read-only, creates nothing).";
    case "missing-ip-set":
      return "the rules reference IP sets that do not exist yet. Pass the deployed ones: --ip-set-arn allowIpv4=<arn> (also allowIpv6, denyIpv4, denyIpv6).";
    case "failed":
      return "CheckCapacity failed.";
  }
}
