import { z } from "zod";
import { DISTRIBUTED, GovernanceDecisions, GovernanceInput, GovernanceSettings, governanceDecisions, governanceSchema, governedShieldSchema, governedWafSchema } from "../governance";
import { SignerLogsInput, signerLogsSchema } from "../monitoring/monitoringConfig";
import { SHIELD_OFF, ShieldInput, ShieldSettings, shieldKeySchema } from "../shield";
import { isPlainObject } from "../shared/validation";
import type { RateLimitProbe, WafInput, WafSettings } from "../waf/types";
import { ArgumentProblems } from "./argumentProblems";
import { EdgeInputs, EdgeSettings, collectEdgeSettings } from "./edgeSettings";
import { shieldNeedsProblems } from "./shieldNeeds";

export interface EdgeProtectionInputs extends EdgeInputs {
  /**
   * The web ACL, as the stack file's `waf` key (`{ enabled: false }` leaves the distribution without one), parsed
   * here with Shield's layer-7 mitigation, the governance model and `rateLimitProbe`. @default the managed web ACL, enforcing
   */
  readonly waf?: WafInput;
  /** Shield Advanced, as the stack file's `shield` key; created only when `enabled`. @default off */
  readonly shield?: ShieldInput;
  /**
   * The signer's log groups, made before the distribution so that its logs expire (`monitoring.signerLogs`;
   * fields default as there). @default none: Lambda creates each group itself, keeping logs forever
   */
  readonly signerLogs?: SignerLogsInput;
  /**
   * The operating model, as the stack file's `governance` key: hybrid and centralized tag the distribution
   * into the Firewall Manager policies' scope; centralized leaves its `webAclId` to Firewall Manager; `waf` and
   * `shield` are read under it. @default distributed
   */
  readonly governance?: GovernanceInput;
  /**
   * The monitoring's rate-limit probe, a rule of the managed web ACL (`configuredRateLimitProbe(monitoring, project,
   * stack)`, as the stack file's `monitoring.rateLimitProbe` places it). @default none
   */
  readonly rateLimitProbe?: RateLimitProbe;
}

export interface EdgeProtectionSettings extends EdgeSettings {
  readonly waf: WafSettings;
  readonly shield: ShieldSettings;
  readonly signerLogs?: z.output<typeof signerLogsSchema>;
  readonly decisions: GovernanceDecisions;
  readonly governance: GovernanceSettings;
}

const PARSED_WAF = "allowed: the stack file's waf input (WafInput), not settings parsed from it: EdgeProtection parses it with Shield's mitigation, the governance model and rateLimitProbe";

/**
 * EdgeProtection's arguments read as the stack file's keys are, with the same context (Shield's mitigation and
 * the governance model decide what the web ACL holds): every problem of every argument in one ConfigError, before
 * any resource is registered. `now` decides which Shield automatic-response dates are past.
 */
export function edgeProtectionSettings(subject: string, inputs: EdgeProtectionInputs, now: Date = new Date()): EdgeProtectionSettings {
  const problems = new ArgumentProblems();
  const edge = collectEdgeSettings(inputs, problems);
  // As the stack file: a section with problems is read as its default while the others are checked (its own
  // problems are reported below), so that every problem comes out at once. WAF rules may not read the signer's
  // authorizationHeader, which holds the viewer's Authorization.
  const governance = problems.parse(governanceSchema, inputs.governance ?? {}, ["governance"]);
  const model = governance ?? DISTRIBUTED;
  const mitigation = (shieldKeySchema(now).safeParse(inputs.shield).data ?? SHIELD_OFF).layer7Mitigation;
  const parsedWaf = isPlainObject(inputs.waf) && "kind" in inputs.waf;
  if (parsedWaf) problems.add({ field: "waf.kind", value: inputs.waf.kind, allowed: PARSED_WAF, path: ["waf", "kind"] });
  const waf = parsedWaf ? undefined : problems.parse(governedWafSchema({ shieldMitigation: mitigation, rateLimitProbe: inputs.rateLimitProbe, authorizationHeader: edge?.signer.authorizationHeader }, model), inputs.waf ?? {}, ["waf"]);
  const shield = problems.parse(governedShieldSchema(now, model), inputs.shield ?? {}, ["shield"]);
  const signerLogs = inputs.signerLogs && problems.parse(signerLogsSchema, inputs.signerLogs, ["signerLogs"]);
  if (waf && shield && governance) {
    if (governance.model !== "centralized") problems.add(...shieldNeedsProblems(shield, waf));
    if (inputs.rateLimitProbe && waf.kind !== "managed") {
      problems.add({
        field: "rateLimitProbe",
        value: inputs.rateLimitProbe,
        allowed: "allowed only with a web ACL this component manages (waf not disabled, no existingWebAclArn, not governance.model centralized): the probe is one of its rules",
        path: ["rateLimitProbe"],
      });
    }
  }
  problems.throwIfAny(subject);
  return { ...edge!, waf: waf!, shield: shield!, ...(signerLogs ? { signerLogs } : {}), decisions: governanceDecisions(governance!), governance: governance! };
}
