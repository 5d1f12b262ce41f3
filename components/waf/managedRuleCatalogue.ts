/**
 * AWS's managed rule groups usable at CLOUDFRONT scope, as pure data: capacity (WCU), label
 * namespace, the rule names `ruleActionOverrides` must spell exactly, whether versions can be
 * pinned, the configuration a group needs and whether it costs extra. Sources: the AWS WAF
 * Developer Guide's "AWS Managed Rules rule groups list" pages named in `source` (checked
 * 2026-12-01; each group's latest static version). Some rule names AWS added after its 2023
 * archive of the guide could not be read on AWS's pages and are marked unconfirmed in
 * docs/aws-facts.md: check them with DescribeManagedRuleGroup on the first deployment.
 *
 * A rule AWS adds later is refused until it is added here: one line, with its source.
 */

const GUIDE = "https://docs.aws.amazon.com/waf/latest/developerguide";

/** The managedRuleGroupConfigs a group takes; this module builds botControl and antiDdos only. */
export type ManagedGroupConfigKind = "botControl" | "antiDdos" | "atp" | "acfp";

export interface ManagedRuleGroupFacts {
  readonly name: string;
  readonly wcu: number;
  /** Every label the group's rules add starts with this. */
  readonly labelNamespace: string;
  readonly rules: readonly string[];
  /** The IP reputation groups have no versions to pin. */
  readonly versioned: boolean;
  readonly config?: ManagedGroupConfigKind;
  /** Charged on top of the web ACL (AWS WAF pricing, intelligent threat mitigation). */
  readonly extraCost: boolean;
  readonly source: string;
}

const ns = (suffix: string) => `awswaf:managed:aws:${suffix}:`;

export const MANAGED_RULE_CATALOGUE: readonly ManagedRuleGroupFacts[] = [
  {
    name: "AWSManagedRulesCommonRuleSet",
    wcu: 700,
    labelNamespace: ns("core-rule-set"),
    rules: [
      "NoUserAgent_HEADER", "UserAgent_BadBots_HEADER", "SizeRestrictions_QUERYSTRING",
      "SizeRestrictions_Cookie_HEADER", "SizeRestrictions_BODY", "SizeRestrictions_URIPATH",
      "EC2MetaDataSSRF_BODY", "EC2MetaDataSSRF_COOKIE", "EC2MetaDataSSRF_URIPATH",
      "EC2MetaDataSSRF_QUERYARGUMENTS", "GenericLFI_QUERYARGUMENTS", "GenericLFI_URIPATH", "GenericLFI_BODY",
      "RestrictedExtensions_URIPATH", "RestrictedExtensions_QUERYARGUMENTS", "GenericRFI_QUERYARGUMENTS",
      "GenericRFI_BODY", "GenericRFI_URIPATH", "CrossSiteScripting_COOKIE",
      "CrossSiteScripting_QUERYARGUMENTS", "CrossSiteScripting_BODY", "CrossSiteScripting_URIPATH",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-baseline.html`,
  },
  {
    name: "AWSManagedRulesAdminProtectionRuleSet",
    wcu: 100,
    labelNamespace: ns("admin-protection"),
    rules: ["AdminProtection_URIPATH"],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-baseline.html`,
  },
  {
    name: "AWSManagedRulesKnownBadInputsRuleSet",
    wcu: 200,
    labelNamespace: ns("known-bad-inputs"),
    rules: [
      "JavaDeserializationRCE_HEADER", "JavaDeserializationRCE_BODY", "JavaDeserializationRCE_URIPATH",
      "JavaDeserializationRCE_QUERYSTRING", "Host_localhost_HEADER", "PROPFIND_METHOD",
      "ExploitablePaths_URIPATH", "Log4JRCE_HEADER", "Log4JRCE_QUERYSTRING", "Log4JRCE_BODY",
      "Log4JRCE_URIPATH", "ReactJSRCE_BODY",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-baseline.html`,
  },
  {
    name: "AWSManagedRulesSQLiRuleSet",
    wcu: 200,
    labelNamespace: ns("sql-database"),
    rules: [
      "SQLi_QUERYARGUMENTS", "SQLiExtendedPatterns_QUERYARGUMENTS", "SQLi_BODY", "SQLiExtendedPatterns_BODY",
      "SQLiExtendedPatterns_HEADER", "SQLiExtendedPatterns_URIPATH", "SQLi_COOKIE", "SQLi_URIPATH",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-use-case.html`,
  },
  {
    name: "AWSManagedRulesLinuxRuleSet",
    wcu: 200,
    labelNamespace: ns("linux-os"),
    rules: [
      "LFI_URIPATH", "LFI_QUERYSTRING", "LFI_HEADER",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-use-case.html`,
  },
  {
    name: "AWSManagedRulesUnixRuleSet",
    wcu: 100,
    labelNamespace: ns("posix-os"),
    rules: [
      "UNIXShellCommandsVariables_QUERYSTRING", "UNIXShellCommandsVariables_BODY",
      "UNIXShellCommandsVariables_HEADER",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-use-case.html`,
  },
  {
    name: "AWSManagedRulesWindowsRuleSet",
    wcu: 200,
    labelNamespace: ns("windows-os"),
    rules: [
      "WindowsShellCommands_HEADER", "WindowsShellCommands_QUERYARGUMENTS",
      "WindowsShellCommands_QUERYSTRING", "WindowsShellCommands_URIPATH", "WindowsShellCommands_BODY",
      "PowerShellCommands_COOKIE", "PowerShellCommands_QUERYARGUMENTS", "PowerShellCommands_BODY",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-use-case.html`,
  },
  {
    name: "AWSManagedRulesPHPRuleSet",
    wcu: 100,
    labelNamespace: ns("php-app"),
    rules: [
      "PHPHighRiskMethodsVariables_HEADER", "PHPHighRiskMethodsVariables_QUERYSTRING",
      "PHPHighRiskMethodsVariables_BODY", "PHPHighRiskMethodsVariables_URIPATH",
    ],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-use-case.html`,
  },
  {
    name: "AWSManagedRulesWordPressRuleSet",
    wcu: 100,
    labelNamespace: ns("wordpress-app"),
    rules: ["WordPressExploitableCommands_QUERYSTRING", "WordPressExploitablePaths_URIPATH"],
    versioned: true,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-use-case.html`,
  },
  {
    name: "AWSManagedRulesAmazonIpReputationList",
    wcu: 25,
    labelNamespace: ns("amazon-ip-list"),
    rules: ["AWSManagedIPReputationList", "AWSManagedReconnaissanceList", "AWSManagedIPDDoSList"],
    versioned: false,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-ip-rep.html`,
  },
  {
    name: "AWSManagedRulesAnonymousIpList",
    wcu: 50,
    labelNamespace: ns("anonymous-ip-list"),
    rules: ["AnonymousIPList", "HostingProviderIPList"],
    versioned: false,
    extraCost: false,
    source: `${GUIDE}/aws-managed-rule-groups-ip-rep.html`,
  },
  {
    name: "AWSManagedRulesBotControlRuleSet",
    wcu: 50,
    labelNamespace: ns("bot-control"),
    rules: [
      "CategoryAdvertising", "CategoryAI", "CategoryArchiver", "CategoryContentFetcher",
      "CategoryEmailClient", "CategoryHttpLibrary", "CategoryLinkChecker", "CategoryMiscellaneous",
      "CategoryMonitoring", "CategoryPagePreview", "CategoryScrapingFramework", "CategorySearchEngine",
      "CategorySecurity", "CategorySeo", "CategorySocialMedia", "CategoryWebhooks", "SignalAutomatedBrowser",
      "SignalKnownBotDataCenter", "SignalNonBrowserUserAgent", "TGT_VolumetricIpTokenAbsent",
      "TGT_TokenAbsent", "TGT_VolumetricSession", "TGT_VolumetricSessionMaximum",
      "TGT_SignalAutomatedBrowser", "TGT_SignalBrowserAutomationExtension", "TGT_SignalBrowserInconsistency",
      "TGT_ML_CoordinatedActivityLow", "TGT_ML_CoordinatedActivityMedium", "TGT_ML_CoordinatedActivityHigh",
      "TGT_TokenReuseIpLow", "TGT_TokenReuseIpMedium", "TGT_TokenReuseIpHigh", "TGT_TokenReuseCountryLow",
      "TGT_TokenReuseCountryMedium", "TGT_TokenReuseCountryHigh", "TGT_TokenReuseAsnLow",
      "TGT_TokenReuseAsnMedium", "TGT_TokenReuseAsnHigh",
    ],
    versioned: true,
    config: "botControl",
    extraCost: true,
    source: `${GUIDE}/aws-managed-rule-groups-bot.html`,
  },
  {
    name: "AWSManagedRulesATPRuleSet",
    wcu: 50,
    labelNamespace: ns("atp"),
    rules: [
      "UnsupportedCognitoIDP", "VolumetricIpHigh", "VolumetricSession", "AttributeCompromisedCredentials",
      "AttributeUsernameTraversal", "AttributePasswordTraversal", "AttributeLongSession", "TokenRejected",
      "SignalMissingCredential", "VolumetricIpFailedLoginResponseHigh",
      "VolumetricSessionFailedLoginResponseHigh",
    ],
    versioned: true,
    config: "atp",
    extraCost: true,
    source: `${GUIDE}/aws-managed-rule-groups-atp.html`,
  },
  {
    name: "AWSManagedRulesACFPRuleSet",
    wcu: 50,
    labelNamespace: ns("acfp"),
    rules: [
      "UnsupportedCognitoIDP", "AllRequests", "RiskScoreHigh", "SignalCredentialCompromised",
      "SignalClientHumanInteractivityAbsentLow", "AutomatedBrowser", "BrowserInconsistency",
      "VolumetricIpHigh", "VolumetricSessionHigh", "AttributeUsernameTraversalHigh",
      "VolumetricPhoneNumberHigh", "VolumetricAddressHigh", "VolumetricAddressLow",
      "VolumetricIPSuccessfulResponse", "VolumetricSessionSuccessfulResponse",
      "VolumetricSessionTokenReuseIp",
    ],
    versioned: true,
    config: "acfp",
    extraCost: true,
    source: `${GUIDE}/aws-managed-rule-groups-acfp.html`,
  },
  {
    name: "AWSManagedRulesAntiDDoSRuleSet",
    wcu: 50,
    labelNamespace: ns("anti-ddos"),
    rules: ["ChallengeAllDuringEvent", "ChallengeDDoSRequests", "DDoSRequests"],
    versioned: true,
    config: "antiDdos",
    extraCost: true,
    source: `${GUIDE}/aws-managed-rule-groups-anti-ddos.html`,
  },
];

export const MANAGED_GROUP_NAMES: readonly string[] = MANAGED_RULE_CATALOGUE.map((g) => g.name);

export function managedGroupFacts(name: string): ManagedRuleGroupFacts | undefined {
  return MANAGED_RULE_CATALOGUE.find((g) => g.name === name);
}

/** The catalogue group whose label namespace `key` (a label or a namespace) lies in. */
export function labelOwner(key: string): ManagedRuleGroupFacts | undefined {
  return MANAGED_RULE_CATALOGUE.find((g) => key.startsWith(g.labelNamespace) || `${key}:` === g.labelNamespace);
}

/** Labels under this prefix come from AWS managed groups, so they must fall in a known namespace. */
export const AWS_MANAGED_LABEL_PREFIX = "awswaf:managed:aws:";
