/** The dev and prod `edge-security:waf` examples of the module README, as parsed YAML. */
import { problemsFrom } from "../../components/shared/schema/problems";
import { Problem } from "../../components/shared/validation";
import { ManagedWafSettings, WafContext, WafSettings } from "../../components/waf/types";
import { wafSchema } from "../../components/waf/wafSchema";

/** Dev: observe first. Defaults everywhere, every rule counts. */
export const DEV_WAF = { mode: "count" };

/** Prod: enforce, a tight limit on POST /pets, SQLi opt-in, filtered logging. */
export const PROD_WAF = {
  mode: "enforce",
  managedRuleGroups: {
    AWSManagedRulesCommonRuleSet: { version: "Version_1.12", ruleActionOverrides: { NoUserAgent_HEADER: "count" } },
    AWSManagedRulesSQLiRuleSet: true,
  },
  bodySize: { allowedPaths: ["/uploads"] },
  rateLimits: {
    blanket: { limit: 2000, windowSec: 300 },
    ipReputation: { limit: 100 },
    uri: [{ name: "pets-post", pathPrefix: "/pets", methods: ["POST"], limit: 100, windowSec: 60 }],
  },
  ipSets: { deny: ["192.0.2.0/24", "2001:db8::/32"] },
  customRules: [{ name: "block-admin", action: "block", match: { pathPrefix: "/admin" } }],
  logging: { retentionDays: 90, filter: "blocked-and-counted", redactedHeaders: ["x-api-key"] },
};

export const NO_SHIELD: WafContext = { shieldMitigation: "none" };

/** Parses `raw` as the stack's `waf` key: the settings, or the problems and their fields. */
export function parse(raw: unknown, context: WafContext = NO_SHIELD): { settings?: WafSettings; problems: Problem[]; fields: string[] } {
  const result = wafSchema(context).safeParse(raw ?? {});
  if (result.success) return { settings: result.data, problems: [], fields: [] };
  const problems = problemsFrom(result.error.issues, raw, ["waf"]);
  return { problems, fields: problems.map((p) => p.field) };
}

/** Parses a config that must be valid and managed. */
export function managed(raw: unknown, context: WafContext = NO_SHIELD): ManagedWafSettings {
  const { settings, problems } = parse(raw, context);
  if (problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  if (settings?.kind !== "managed") throw new Error(`expected managed settings, got ${settings?.kind}`);
  return settings;
}
