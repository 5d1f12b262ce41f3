import { AUTOMATIC_RESPONSE_WCU } from "../shield/settings";
import { GovernanceModel } from "./models";
import { GovernanceSettings } from "./schema";

/** What the edge stack creates, omits and reserves under its operating model. Pure: no Pulumi or AWS calls. */
export interface GovernanceDecisions {
  readonly model: GovernanceModel;
  /**
   * `own`: the stack's full web ACL (distributed); `app-rules-only`: its web ACL without the groups the
   * central policy runs, which Firewall Manager inserts first and last (hybrid); `none`: no web ACL of its
   * own, Firewall Manager associates the policy's (centralized).
   */
  readonly webAcl: "own" | "app-rules-only" | "none";
  /** WCU the stack's web ACL keeps free for the central first and last rule groups (and Shield's, when Firewall Manager enables it). */
  readonly centralReserveWcu: number;
  /** Tags the distribution carries so that the Firewall Manager policies take it in scope. */
  readonly distributionTags: Readonly<Record<string, string>>;
  /** Distribution properties the stack leaves to Firewall Manager, so an update never strips what it attached. */
  readonly distributionIgnoreChanges: readonly string[];
  /** Who configures Shield Advanced (protection and automatic response) for the distribution. */
  readonly shield: "stack" | "firewall-manager";
}

/** Distribution property that carries the web ACL; Firewall Manager sets it under the centralized model. */
export const WEB_ACL_PROPERTY = "webAclId";

export function governanceDecisions(settings: GovernanceSettings): GovernanceDecisions {
  const central = settings.central;
  if (settings.model === "distributed" || central === undefined) {
    return { model: "distributed", webAcl: "own", centralReserveWcu: 0, distributionTags: {}, distributionIgnoreChanges: [], shield: "stack" };
  }
  const fmsShield = central.shieldAutomaticResponse !== "none";
  const hybrid = settings.model === "hybrid";
  return {
    model: settings.model,
    webAcl: hybrid ? "app-rules-only" : "none",
    // Shield's automatic-response group sits in the same web ACL whoever enables it (150 WCU).
    centralReserveWcu: hybrid ? central.wcu + (fmsShield ? AUTOMATIC_RESPONSE_WCU : 0) : 0,
    distributionTags: { [central.scopeTag.key]: central.scopeTag.value },
    distributionIgnoreChanges: hybrid ? [] : [WEB_ACL_PROPERTY],
    shield: fmsShield ? "firewall-manager" : "stack",
  };
}
