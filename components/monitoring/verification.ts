/**
 * The `verification` stack output: what `npm run verify` expects of the deployed edge that only the config
 * knows (the web ACL's rules and mode, the probe rule, Shield's settings, how to probe each API). Pure: it reads
 * the same settings the web ACL is built from, so it expects exactly the rules deployed.
 */
import { DISTRIBUTED, type GovernanceSettings } from "../governance/schema";
import type { ShieldSettings } from "../shield/settings";
import { buildWafRules } from "../waf/buildWafRules";
import { PLACEHOLDER_IP_SET_ARNS } from "../waf/wafRule";
import type { WafRolloutMode, WafSettings } from "../waf/types";
import type { ApiKind } from "../shared/types";
import type { MonitoringSettings } from "./monitoringConfig";
import type { RateLimitProbe } from "./rateLimitProbe";

export const KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";
/** The Known Bad Inputs rule verify trips (a Log4j JNDI lookup in a header); AWS's action for it is Block. */
export const KNOWN_BAD_RULE = "Log4JRCE_HEADER";

export interface ApiProbe {
  /** Relative to the API's edge and direct URLs (no leading `/`); empty for WebSocket. */
  readonly path: string;
  /** Absent: 2xx from API Gateway (never 403). */
  readonly expectStatus?: number;
}

export type KnownBadExpectation = "json-403" | "waf-403" | "passes" | "firewall-manager";

export interface VerificationOutput {
  /** A web ACL this stack manages (absent for a disabled or reused one). */
  readonly waf?: {
    readonly mode: WafRolloutMode;
    /** Every rule the web ACL must hold, besides Shield's `ShieldMitigationRuleGroup_*`. */
    readonly ruleNames: readonly string[];
    /**
     * What a Log4j JNDI header gets: blocked with the JSON 403 or AWS WAF's default 403, passed (count rollout, group
     * off), or `firewall-manager`: the group runs in the central policy (hybrid), whose action verify cannot know.
     */
    readonly knownBad: KnownBadExpectation;
  };
  readonly rateLimitProbe?: RateLimitProbe;
  /**
   * Present under the centralized governance model: the distribution's web ACL is the one Firewall Manager associates,
   * and what it does with a known-bad input is the security team's (verify skips that check).
   */
  readonly webAclOwner?: "firewall-manager";
  readonly shield?: { readonly automaticResponse: "BLOCK" | "COUNT" | "DISABLED"; readonly healthCheck: boolean };
  readonly probes: Readonly<Record<string, ApiProbe>>;
}

export interface VerificationInputs {
  readonly waf: WafSettings;
  readonly shield: ShieldSettings;
  readonly monitoring: MonitoringSettings;
  /** The operating model: under centralized Firewall Manager owns the web ACL, under hybrid its central groups. @default distributed */
  readonly governance?: GovernanceSettings;
  /** Every API behind the edge; `petStore` marks the demo backends this stack creates. */
  readonly apis: readonly { readonly name: string; readonly kind: ApiKind; readonly petStore: boolean }[];
}

export function verificationOutput(inputs: VerificationInputs): VerificationOutput {
  const { waf, shield } = inputs;
  const governance = inputs.governance ?? DISTRIBUTED;
  // The probe rule is in the web ACL's settings when monitoring.rateLimitProbe placed it there.
  const probe = waf.kind === "managed" ? waf.rateLimitProbe : undefined;
  return {
    ...(waf.kind === "managed" ? { waf: wafExpectations(waf, governance.central?.managedRuleGroups ?? []) } : {}),
    ...(probe ? { rateLimitProbe: probe } : {}),
    ...(governance.model === "centralized" ? { webAclOwner: "firewall-manager" as const } : {}),
    ...(shield.enabled
      ? { shield: { automaticResponse: shield.automaticResponse?.action ?? "DISABLED", healthCheck: shield.healthChecks.cloudfront5xx !== false || shield.healthChecks.https !== undefined } }
      : {}),
    probes: Object.fromEntries(inputs.apis.map((api) => [api.name, apiProbe(api, inputs.monitoring.apis[api.name])])),
  };
}

/** `central`: the managed groups Firewall Manager's policy runs in this web ACL (hybrid), left out of the stack's own. */
function wafExpectations(waf: Extract<WafSettings, { kind: "managed" }>, central: readonly string[]): NonNullable<VerificationOutput["waf"]> {
  const ruleNames = buildWafRules(waf, PLACEHOLDER_IP_SET_ARNS).map((r) => r.name);
  if (central.includes(KNOWN_BAD_INPUTS)) return { mode: waf.mode, ruleNames, knownBad: "firewall-manager" };
  const group = waf.managedRuleGroups.find((g) => g.name === KNOWN_BAD_INPUTS);
  const overridden = group?.ruleActionOverrides.find((o) => o.name === KNOWN_BAD_RULE)?.action;
  const blocks = group !== undefined && waf.mode === "enforce" && group.overrideAction === "none" && (overridden === undefined || overridden === "block");
  return {
    mode: waf.mode,
    ruleNames,
    // Managed rules answer AWS WAF's default 403 unless overridden to block, which gets the web ACL's JSON 403.
    knownBad: !blocks ? "passes" : overridden === "block" ? "json-403" : "waf-403",
  };
}

/** Pet stores: `/pets` answers 200; a WebSocket probe is the upgrade; other APIs as `monitoring.apis` says. */
export function apiProbe(api: { readonly kind: ApiKind; readonly petStore: boolean }, configured?: { readonly path?: string; readonly expectStatus?: number }): ApiProbe {
  if (api.kind === "WEBSOCKET") return { path: "" };
  if (configured?.path !== undefined || configured?.expectStatus !== undefined) {
    return { path: (configured.path ?? "/").replace(/^\/+/, ""), ...(configured.expectStatus !== undefined ? { expectStatus: configured.expectStatus } : {}) };
  }
  return api.petStore ? { path: "pets", expectStatus: 200 } : { path: "" };
}
