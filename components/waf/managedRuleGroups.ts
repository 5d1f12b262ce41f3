/**
 * The module's choices about AWS's managed rule groups (defaults and evaluation order); the facts
 * about each group (WCU, rules, labels, cost) are in managedRuleCatalogue.ts.
 */
import { managedGroupFacts } from "./managedRuleCatalogue";

export const CORE_RULE_SET = "AWSManagedRulesCommonRuleSet";
export const IP_REPUTATION_LIST = "AWSManagedRulesAmazonIpReputationList";
export const ANONYMOUS_IP_LIST = "AWSManagedRulesAnonymousIpList";
export const ANTI_DDOS_RULE_SET = "AWSManagedRulesAntiDDoSRuleSet";
export const BOT_CONTROL_RULE_SET = "AWSManagedRulesBotControlRuleSet";

/** On unless disabled: IP reputation, Core rule set, known bad inputs. */
export const DEFAULT_MANAGED_GROUPS: readonly string[] = [
  IP_REPUTATION_LIST,
  CORE_RULE_SET,
  "AWSManagedRulesKnownBadInputsRuleSet",
];

/**
 * Evaluation order of known groups. Anti-DDoS runs first so it sees (and labels) all traffic
 * during an event; the IP lists run before the Core rule set so the reputation rate rule can use
 * their labels. Groups not listed follow in config order.
 */
export const MANAGED_GROUP_ORDER: readonly string[] = [
  ANTI_DDOS_RULE_SET,
  IP_REPUTATION_LIST,
  ANONYMOUS_IP_LIST,
  CORE_RULE_SET,
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
  "AWSManagedRulesLinuxRuleSet",
  "AWSManagedRulesUnixRuleSet",
  "AWSManagedRulesWindowsRuleSet",
  "AWSManagedRulesPHPRuleSet",
  "AWSManagedRulesWordPressRuleSet",
  "AWSManagedRulesAdminProtectionRuleSet",
  BOT_CONTROL_RULE_SET,
];

/** The groups whose labels the IP-reputation rate rule scopes down to, with their namespaces. */
export const REPUTATION_GROUPS: readonly { readonly name: string; readonly labelNamespace: string }[] = [IP_REPUTATION_LIST, ANONYMOUS_IP_LIST].map((name) => {
  const facts = managedGroupFacts(name);
  if (!facts) throw new Error(`${name} is missing from the managed rule catalogue`);
  return { name, labelNamespace: facts.labelNamespace };
});

/** The Core rule set's 8 KB body rule; it always counts, `waf.bodySize` decides large bodies. */
export const BODY_SIZE_RULE = "SizeRestrictions_BODY";
