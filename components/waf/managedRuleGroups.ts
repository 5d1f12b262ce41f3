/**
 * AWS managed rule groups this project knows, with their capacity (WCU) as published in the
 * AWS WAF Developer Guide ("AWS Managed Rules rule groups list"). Any other AWS group can be used
 * when its `wcu` is given in config.
 */
export const MANAGED_GROUP_WCU: Readonly<Record<string, number>> = {
  AWSManagedRulesCommonRuleSet: 700,
  AWSManagedRulesKnownBadInputsRuleSet: 200,
  AWSManagedRulesAmazonIpReputationList: 25,
  AWSManagedRulesAnonymousIpList: 50,
  AWSManagedRulesSQLiRuleSet: 200,
  AWSManagedRulesBotControlRuleSet: 50,
  // Developer Guide, "AWS WAF Distributed Denial of Service (DDoS) prevention rule group": WCU 50.
  // Overridable with `wcu` in config should AWS change it.
  AWSManagedRulesAntiDDoSRuleSet: 50,
  AWSManagedRulesAdminProtectionRuleSet: 100,
  AWSManagedRulesLinuxRuleSet: 200,
  AWSManagedRulesUnixRuleSet: 100,
  AWSManagedRulesWindowsRuleSet: 200,
  AWSManagedRulesPHPRuleSet: 100,
  AWSManagedRulesWordPressRuleSet: 100,
};

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

/** Label namespaces the IP-reputation rate rule scopes down to. */
export const REPUTATION_LABEL_NAMESPACES: Readonly<Record<string, string>> = {
  [IP_REPUTATION_LIST]: "awswaf:managed:aws:amazon-ip-list:",
  [ANONYMOUS_IP_LIST]: "awswaf:managed:aws:anonymous-ip-list:",
};

/** The Core rule set's 8 KB body rule; it always counts, `waf.bodySize` decides large bodies. */
export const BODY_SIZE_RULE = "SizeRestrictions_BODY";
