import { cidrVersion, IpVersion } from "../../components/waf/cidr";
import { FORBIDDEN, rateLimited } from "../../components/waf/buildWafRules";
import { allOf, anyOf, methodsStatement, pathPrefixStatement } from "../../components/waf/matchStatement";
import { MANAGED_GROUP_WCU } from "../../components/waf/managedRuleGroups";
import { RateBasedStatement, WafRule, WafStatement } from "../../components/waf/wafRule";
import { statementWcu } from "../../components/waf/wcuEstimate";
import { CentralWafSettings, entryName, isManagedEntry, RuleGroupEntry } from "./config";
import { CentralRateRule, CustomRuleGroupSettings } from "./ruleGroupConfig";

/** The deny IP sets of one custom group, by version; only those with addresses exist. */
export interface GroupIpSets<A> {
  readonly IPV4?: A;
  readonly IPV6?: A;
}

/** Priorities inside a custom group: deny first, then geo, then the rate limits in config order. */
const PRIORITY = { deny: 0, geo: 10, rateStart: 100, rateStep: 10 } as const;

/** The CIDRs of a group for one IP version. */
export function cidrsOf(group: CustomRuleGroupSettings, version: IpVersion): string[] {
  return group.denyCidrs.filter((c) => cidrVersion(c) === version);
}

/**
 * The rules of one custom group in the neutral model of the WAF module, so they render and cost exactly
 * as the edge's own rules do. Blocks answer the same JSON 403 and 429 (with `Retry-After`).
 */
export function centralGroupRules<A>(name: string, group: CustomRuleGroupSettings, ipSets: GroupIpSets<A>): WafRule<A>[] {
  const rules: WafRule<A>[] = [];
  const source = `waf.customRuleGroups.${name}`;
  const refs = (["IPV4", "IPV6"] as const).map((v) => ipSets[v]).filter((arn): arn is A => arn !== undefined);
  if (refs.length > 0) {
    rules.push({ name: "deny-ip-set", priority: PRIORITY.deny, metricName: `${name}-deny-ip-set`, source: `${source}.denyCidrs`, statement: anyOf(refs.map((arn): WafStatement<A> => ({ type: "ipSet", arn }))), action: FORBIDDEN });
  }
  if (group.geo) {
    const match: WafStatement<A> = { type: "geoMatch", countryCodes: group.geo.countries };
    const block = group.geo.mode === "block";
    const rule = block ? "geo-block" : "geo-allow-only";
    rules.push({ name: rule, priority: PRIORITY.geo, metricName: `${name}-${rule}`, source: `${source}.geo`, statement: block ? match : { type: "not", statement: match }, action: FORBIDDEN });
  }
  group.rateLimits.forEach((rate, index) => {
    const rule = `rate-${rate.name}`;
    rules.push({
      name: rule,
      priority: PRIORITY.rateStart + index * PRIORITY.rateStep,
      metricName: `${name}-${rule}`,
      source: `${source}.rateLimits[${index}]`,
      statement: rateStatement<A>(rate),
      action: rate.action === "block" ? rateLimited(rate.windowSec) : { type: "count" },
    });
  });
  return rules;
}

function rateStatement<A>(rate: CentralRateRule): RateBasedStatement<A> {
  const parts: WafStatement<A>[] = [];
  if (rate.pathPrefix !== undefined) parts.push(pathPrefixStatement<A>(rate.pathPrefix));
  if (rate.methods.length > 0) parts.push(methodsStatement<A>(rate.methods));
  return { type: "rateBased", limit: rate.limit, windowSec: rate.windowSec, aggregation: "IP", customKeys: [], ...(parts.length > 0 ? { scopeDown: allOf(parts) } : {}) };
}

/** A placeholder for ARNs not yet known, so capacity can be estimated before anything exists. */
const PLACEHOLDER = "arn:aws:wafv2:us-east-1:123456789012:global/ipset/placeholder/00000000-0000-0000-0000-000000000000";

/** The capacity a custom group needs: the WCU estimate of its rules (the rule group's immutable `capacity`). */
export function customGroupWcu(name: string, group: CustomRuleGroupSettings): number {
  const ipSets = { IPV4: cidrsOf(group, "IPV4").length > 0 ? PLACEHOLDER : undefined, IPV6: cidrsOf(group, "IPV6").length > 0 ? PLACEHOLDER : undefined };
  return centralGroupRules(name, group, ipSets).reduce((sum, rule) => sum + statementWcu(rule.statement), 0);
}

/** The WCU an entry of the first or last set takes in a web ACL. */
export function entryWcu(entry: RuleGroupEntry, waf: CentralWafSettings): number {
  if (isManagedEntry(entry)) return entry.wcu ?? MANAGED_GROUP_WCU[entry.managed];
  const name = entryName(entry);
  return customGroupWcu(name, waf.customRuleGroups[name]);
}
