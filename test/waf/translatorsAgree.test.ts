/**
 * The web ACL's rules reach AWS twice: as Pulumi inputs (toPulumiRules, what is deployed) and as the WAFV2 API's
 * shape (toWafApiRules, what CheckCapacity is asked about). Both must describe the same rules, field for field,
 * or the capacity AWS reports is that of another web ACL.
 */
import { strict as assert } from "node:assert";
import { buildWafRules, PLACEHOLDER_IP_SET_ARNS, toPulumiRules } from "../../components/waf";
import { toWafApiRules } from "../../components/waf/toWafApiRules";
import type { WafContext } from "../../components/waf/types";
import { DEV_WAF, managed, PROD_WAF } from "./fixtures";

/** The API's names where they are not the Pulumi name with its first letter capitalized. */
const API_NAMES: Readonly<Record<string, string>> = {
  arn: "ARN",
  ip: "IP",
  ipSetReferenceStatement: "IPSetReferenceStatement",
  ipSetForwardedIpConfig: "IPSetForwardedIPConfig",
  forwardedIpConfig: "ForwardedIPConfig",
  cloudwatchMetricsEnabled: "CloudWatchMetricsEnabled",
  awsManagedRulesBotControlRuleSet: "AWSManagedRulesBotControlRuleSet",
  awsManagedRulesAntiDdosRuleSet: "AWSManagedRulesAntiDDoSRuleSet",
};

/** A Pulumi rule in the API's spelling: keys renamed, search strings as the bytes the API takes. */
function asApi(value: unknown, key = ""): unknown {
  if (key === "searchString" && typeof value === "string") return new TextEncoder().encode(value);
  if (Array.isArray(value)) return value.map((v) => asApi(v));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [API_NAMES[k] ?? k[0].toUpperCase() + k.slice(1), asApi(v, k)]));
}

/** Every statement kind the match schema offers, alone, combined and negated. */
const EVERY_MATCH = {
  ...PROD_WAF,
  customRules: [
    { name: "path-and-methods", action: "block", match: { pathPrefix: "/admin", methods: ["GET", "POST"] } },
    { name: "header", action: "count", match: { header: { name: "x-client", value: "legacy", operator: "STARTS_WITH" } } },
    { name: "countries-not", action: "block", match: { countries: ["KP", "IR"], negate: true } },
    { name: "label", action: "count", match: { label: { key: "awswaf:managed:aws:core-rule-set:", scope: "NAMESPACE" } } },
    { name: "big-body", action: "block", match: { bodyLargerThan: 4096, pathPrefix: "/upload" } },
  ],
};

/** The managed groups that carry a configuration: Bot Control's inspection level, Shield's Anti-DDoS group. */
const CONFIGURED_GROUPS = { mode: "enforce", managedRuleGroups: { AWSManagedRulesBotControlRuleSet: { inspectionLevel: "TARGETED" } } };

describe("toPulumiRules and toWafApiRules", () => {
  const cases: [string, unknown, WafContext?][] = [
    ["dev", DEV_WAF],
    ["prod", PROD_WAF],
    ["every custom match", EVERY_MATCH],
    ["configured groups", CONFIGURED_GROUPS, { shieldMitigation: "anti-ddos-rule-group" }],
  ];
  for (const [name, raw, context] of cases) {
    it(`describe the same rules for the ${name} web ACL`, () => {
      const rules = buildWafRules(managed(raw, context), PLACEHOLDER_IP_SET_ARNS);
      const pulumi = JSON.parse(JSON.stringify(toPulumiRules(rules)));
      assert.deepEqual(toWafApiRules(rules), asApi(pulumi));
    });
  }
});
