/**
 * The web ACL holds the rules the config expects (besides Shield's own rule group, which must be there when
 * Shield's automatic response is on) and answers rate limits with the JSON 429. Read with WAFV2 GetWebACL in
 * us-east-1, scope CLOUDFRONT, by the name and id its ARN carries.
 */
import { GetWebACLCommand, Rule, WAFV2Client, WebACL } from "@aws-sdk/client-wafv2";
import { RESPONSE_BODIES } from "../../components/waf/toPulumiRules";
import type { VerificationOutput } from "../../components/monitoring/verification";
import { callFailure } from "./awsErrors";
import { CheckResult, fail, pass, skip } from "./report";

const SHIELD_RULE_PREFIX = "ShieldMitigationRuleGroup_";
const RATE_BODY_KEY = "rate-limited";

/** `arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>`. */
export function webAclRef(arn: string): { readonly name: string; readonly id: string } | undefined {
  const match = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:global\/webacl\/([A-Za-z0-9_-]{1,128})\/([0-9a-f-]{1,36})$/.exec(arn);
  return match ? { name: match[1], id: match[2] } : undefined;
}

export async function checkWebAcl(
  client: Pick<WAFV2Client, "send">,
  webAclArn: string | undefined,
  verification: VerificationOutput | undefined,
): Promise<CheckResult[]> {
  const rules = "web ACL rules";
  const response = "web ACL 429 response";
  if (webAclArn === undefined) return [skip(rules, "the stack has no web ACL"), skip(response, "the stack has no web ACL")];
  const ref = webAclRef(webAclArn);
  if (!ref) return [fail(rules, `webAclArn ${webAclArn} is not a CLOUDFRONT web ACL ARN`)];
  let acl: WebACL | undefined;
  try {
    acl = (await client.send(new GetWebACLCommand({ Name: ref.name, Id: ref.id, Scope: "CLOUDFRONT" }))).WebACL;
  } catch (error) {
    const evidence = callFailure(error, "wafv2:GetWebACL");
    return [fail(rules, evidence), fail(response, evidence)];
  }
  const expected = verification?.waf;
  if (!acl) return [fail(rules, "GetWebACL returned no web ACL")];
  if (!expected) {
    const why = "the stack reuses a web ACL it does not manage, or exports no verification output";
    return [skip(rules, `${acl.Rules?.length ?? 0} rules; ${why}`), skip(response, why)];
  }
  return [ruleCheck(rules, acl, expected.ruleNames, verification?.shield?.automaticResponse ?? "DISABLED"), responseCheck(response, acl, expected.mode, verification?.rateLimitProbe?.ruleName)];
}

function ruleCheck(name: string, acl: WebACL, expected: readonly string[], automaticResponse: string): CheckResult {
  const actual = (acl.Rules ?? []).map((r) => r.Name ?? "");
  const shieldRules = actual.filter((n) => n.startsWith(SHIELD_RULE_PREFIX));
  const missing = expected.filter((n) => !actual.includes(n));
  const unexpected = actual.filter((n) => !expected.includes(n) && !n.startsWith(SHIELD_RULE_PREFIX));
  const problems = [
    ...(missing.length > 0 ? [`missing ${missing.join(", ")}`] : []),
    ...(unexpected.length > 0 ? [`not in the config ${unexpected.join(", ")}`] : []),
    ...(automaticResponse !== "DISABLED" && shieldRules.length === 0 ? ["no ShieldMitigationRuleGroup_* although Shield's automatic response is on"] : []),
  ];
  if (problems.length > 0) return fail(name, problems.join("; "));
  const shield = shieldRules.length > 0 ? ` + ${shieldRules.join(", ")}` : "";
  return pass(name, `${expected.length} rules as configured${shield}`);
}

function responseCheck(name: string, acl: WebACL, mode: "enforce" | "count", probeRule: string | undefined): CheckResult {
  const body = acl.CustomResponseBodies?.[RATE_BODY_KEY];
  if (!body || body.ContentType !== "APPLICATION_JSON" || body.Content !== RESPONSE_BODIES[RATE_BODY_KEY]) {
    return fail(name, `custom response body "${RATE_BODY_KEY}" is ${body ? `${body.ContentType} ${body.Content}` : "missing"}, expected APPLICATION_JSON ${RESPONSE_BODIES[RATE_BODY_KEY]}`);
  }
  const rateRules = (acl.Rules ?? []).filter((r) => r.Statement?.RateBasedStatement !== undefined);
  // A rate rule either counts (its config says so, or count rollout) or blocks with the JSON 429; in count
  // rollout only the probe rule, which no request without its token matches, may block.
  const wrong = rateRules.filter((r) => r.Action?.Count === undefined && !answers429(r));
  const blockingInCount = mode === "count" ? rateRules.filter((r) => r.Action?.Block !== undefined && r.Name !== probeRule) : [];
  if (wrong.length > 0) return fail(name, `rate rules that neither count nor answer 429 with Retry-After: ${wrong.map((r) => r.Name).join(", ")}`);
  if (blockingInCount.length > 0) return fail(name, `count rollout, but these rate rules block: ${blockingInCount.map((r) => r.Name).join(", ")}`);
  const blocking = rateRules.filter(answers429).length;
  return pass(name, `body ${body.Content} (${body.ContentType}); ${blocking} of ${rateRules.length} rate rules answer 429 with Retry-After${mode === "count" ? " (count rollout: the others count)" : ""}`);
}

function answers429(rule: Rule): boolean {
  const custom = rule.Action?.Block?.CustomResponse;
  return custom?.ResponseCode === 429 && custom.CustomResponseBodyKey === RATE_BODY_KEY && (custom.ResponseHeaders ?? []).some((h) => h.Name === "Retry-After");
}
