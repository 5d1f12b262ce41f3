import { cidrVersion, IpVersion } from "./cidr";
import { BODY_SIZE_RULE, CORE_RULE_SET, REPUTATION_GROUPS } from "./managedRuleGroups";
import { allOf, anyOf, matchStatement, methodsStatement } from "./matchStatement";
import { pathStatement } from "./wafPath";
import { PRIORITY } from "./priorities";
import { ManagedWafSettings, RateLimitProbe, RateRuleSettings } from "./types";
import { IpSetArns, ManagedGroupStatement, RateBasedStatement, RuleAction, WafRule, WafStatement } from "./wafRule";

/** JSON 403 for every block this web ACL decides itself. */
export const FORBIDDEN: RuleAction = { type: "block", response: { code: 403, bodyKey: "forbidden", headers: [] } };

/** JSON 429 with `Retry-After` = the evaluation window, the longest a client may have to wait. */
export function rateLimited(windowSec: number): RuleAction {
  return {
    type: "block",
    response: { code: 429, bodyKey: "rate-limited", headers: [{ name: "Retry-After", value: String(windowSec) }] },
  };
}

/**
 * Every rule of the web ACL, sorted by priority, following the layout in `priorities.ts` (rate rules before
 * anything that can allow).
 * In `count` rollout every action becomes count and every group override becomes count.
 */
export function buildWafRules<A>(settings: ManagedWafSettings, ipSets: IpSetArns<A>): WafRule<A>[] {
  const counting = settings.mode === "count";
  const act = (action: RuleAction): RuleAction => (counting ? { type: "count" } : action);
  const rules: WafRule<A>[] = [];
  const plain = (name: string, priority: number, source: WafRule<A>["source"], statement: WafStatement<A> | RateBasedStatement<A>, action: RuleAction) =>
    rules.push({ name, priority, metricName: name, source, statement, action: act(action) });

  // Reference only the sets that hold addresses (the component creates no empty set).
  const has = (list: "allow" | "deny", version: IpVersion) => settings.ipSets[list].some((c) => cidrVersion(c) === version);
  const pick = (arn: A | undefined, list: "allow" | "deny", version: IpVersion) => (has(list, version) ? arn : undefined);
  const allow = ipSetStatement(pick(ipSets.allowIpv4, "allow", "IPV4"), pick(ipSets.allowIpv6, "allow", "IPV6"));
  if (allow) plain("allow-ip-set", PRIORITY.allowIpSet, ["ipSets", "allow"], allow, { type: "allow" });
  const deny = ipSetStatement(pick(ipSets.denyIpv4, "deny", "IPV4"), pick(ipSets.denyIpv6, "deny", "IPV6"));
  if (deny) plain("deny-ip-set", PRIORITY.denyIpSet, ["ipSets", "deny"], deny, FORBIDDEN);
  if (settings.geo) {
    const match: WafStatement<A> = { type: "geoMatch", countryCodes: settings.geo.countries };
    const blockAllow = settings.geo.mode === "block";
    plain(blockAllow ? "geo-block" : "geo-allow-only", PRIORITY.geo, ["geo"], blockAllow ? match : { type: "not", statement: match }, FORBIDDEN);
  }

  const body = settings.bodySize;
  const tooLarge: WafStatement<A> = { type: "sizeGreaterThan", field: { kind: "body", oversizeHandling: "MATCH" }, size: body.maxBytes, transforms: [] };
  // Case-sensitive, as CloudFront and API Gateway route: an exemption must not cover more than the path it names.
  const exempt = body.allowedPaths.map((p) => pathStatement<A>(p, "exemption"));
  const bodyRule = exempt.length === 0 ? tooLarge : allOf([tooLarge, { type: "not", statement: anyOf(exempt) }]);
  plain("body-too-large", PRIORITY.bodySize, ["bodySize"], bodyRule, body.action === "block" ? FORBIDDEN : { type: "count" });

  settings.managedRuleGroups.forEach((group, index) => {
    const priority = PRIORITY.managedStart + index * PRIORITY.managedStep;
    const overrides = group.ruleActionOverrides.map((o): { name: string; action: RuleAction } => ({
      name: o.name,
      action: o.action === "block" ? FORBIDDEN : { type: o.action },
    }));
    // body-too-large decides large bodies; the 8 KB rule keeps its label and metric.
    if (group.name === CORE_RULE_SET) overrides.push({ name: BODY_SIZE_RULE, action: { type: "count" } });
    const statement: ManagedGroupStatement<A> = {
      type: "managedGroup",
      vendor: group.vendor,
      name: group.name,
      ...(group.version ? { version: group.version } : {}),
      ruleActionOverrides: overrides,
      ...(group.scopeDown ? { scopeDown: matchStatement<A>(group.scopeDown) } : {}),
      ...(group.config ? { config: group.config } : {}),
      groupWcu: group.wcu,
    };
    // Rule names allow letters, digits, - and _ only; vendor names may hold spaces and dots.
    const name = `${group.vendor.replace(/[^A-Za-z0-9_-]/g, "")}-${group.name}`;
    const overrideAction = counting ? "count" : group.overrideAction;
    rules.push({ name, priority, metricName: name, source: ["managedRuleGroups", group.name], statement, overrideAction });
  });

  settings.customRules.forEach((rule, index) => {
    plain(rule.name, rule.priority, ["customRules", index], matchStatement<A>(rule.match), rule.action === "block" ? FORBIDDEN : { type: rule.action });
  });

  const { ipReputation, uri, blanket } = settings.rateLimits;
  if (ipReputation) {
    const enabled = REPUTATION_GROUPS.filter((r) => settings.managedRuleGroups.some((g) => g.name === r.name && g.vendor === "AWS"));
    const labels = enabled.map((r): WafStatement<A> => ({ type: "labelMatch", scope: "NAMESPACE", key: r.labelNamespace }));
    if (labels.length > 0) {
      plain("rate-ip-reputation", PRIORITY.rateIpReputation, ["rateLimits", "ipReputation"], rateStatement(ipReputation, anyOf(labels)), rateAction(ipReputation));
    }
  }
  // A rule keyed on a label namespace must run after the group that adds the labels; every other one runs first.
  // Each band numbers its own rules in list order.
  const placed = { labelled: 0, plain: 0 };
  uri.forEach((rule, index) => {
    const parts = [pathStatement<A>(rule.pathPrefix)];
    if (rule.methods.length > 0) parts.push(methodsStatement<A>(rule.methods));
    const labelled = rule.aggregation.kind === "CUSTOM_KEYS" && rule.aggregation.keys.some((k) => k.kind === "labelNamespace");
    const band = labelled ? "labelled" : "plain";
    const priority = (labelled ? PRIORITY.rateLabelledUriStart : PRIORITY.rateUriStart) + placed[band]++ * PRIORITY.rateUriStep;
    plain(`rate-uri-${rule.name}`, priority, ["rateLimits", "uri", index], rateStatement(rule, allOf(parts)), rateAction(rule));
  });
  if (blanket) plain("rate-blanket", PRIORITY.rateBlanket, ["rateLimits", "blanket"], rateStatement<A>(blanket, undefined), rateAction(blanket));
  // Not through `act`: the probe blocks in count rollout too, and only requests with its token match it.
  if (settings.rateLimitProbe) rules.push(rateLimitProbeRule<A>(settings.rateLimitProbe));

  return rules.sort((a, b) => a.priority - b.priority);
}

/**
 * The monitoring's rate-limit probe (components/monitoring/rateLimitProbe.ts makes it and its token): per client IP,
 * scoped to `headerName: token` exactly, the web ACL's 429 with `Retry-After` = the window.
 */
export function rateLimitProbeRule<A>(probe: RateLimitProbe): WafRule<A> {
  return {
    name: probe.ruleName,
    priority: PRIORITY.rateLimitProbe,
    metricName: probe.ruleName,
    source: ["monitoring", "rateLimitProbe"],
    statement: {
      type: "rateBased",
      limit: probe.limit,
      windowSec: probe.windowSec,
      aggregation: "IP",
      customKeys: [],
      scopeDown: { type: "byteMatch", field: { kind: "singleHeader", name: probe.headerName }, positional: "EXACTLY", search: probe.token, transforms: [] },
    },
    action: rateLimited(probe.windowSec),
  };
}

function ipSetStatement<A>(v4: A | undefined, v6: A | undefined): WafStatement<A> | undefined {
  const refs = [v4, v6].filter((arn): arn is A => arn !== undefined).map((arn): WafStatement<A> => ({ type: "ipSet", arn }));
  return refs.length === 0 ? undefined : anyOf(refs);
}

function rateStatement<A>(rule: RateRuleSettings, scopeDown: WafStatement<A> | undefined): RateBasedStatement<A> {
  return {
    type: "rateBased",
    limit: rule.limit,
    windowSec: rule.windowSec,
    aggregation: rule.aggregation.kind,
    customKeys: rule.aggregation.kind === "CUSTOM_KEYS" ? rule.aggregation.keys : [],
    ...(scopeDown ? { scopeDown } : {}),
  };
}

function rateAction(rule: RateRuleSettings): RuleAction {
  return rule.action === "block" ? rateLimited(rule.windowSec) : { type: "count" };
}
