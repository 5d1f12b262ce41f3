/**
 * AWS WAF and Shield Advanced. With Shield Advanced protecting the distribution, "the standard AWS WAF fees
 * ... the cost per web ACL, the cost per rule, and the base price per million requests for web request
 * inspection, up to 1,500 WCUs and up to the default body size" are covered; WCU above 1,500, larger body
 * inspection and the intelligent threat mitigation groups are not (AWS WAF Developer Guide, "Deciding whether
 * to subscribe to AWS Shield Advanced", https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-deciding.html).
 * WAF's prices are the same in every region (AWS Networking & Content Delivery blog, "Cost-effective ways for
 * securing your web applications using AWS WAF").
 */
import { AUTOMATIC_RESPONSE_WCU } from "../shield/settings";
import type { Billables, BillableWebAcl } from "./billables";
import { CostLine, priced, waived } from "./costLine";
import type { TrafficModel } from "./trafficModel";

/** WCU the base price covers; above it AWS charges per started step (WAF pricing page). */
export const BASE_WCU = 1500;
export const WCU_STEP = 500;
/** CloudFront's default body inspection limit, and the size of each paid increment above it. */
export const BODY_INCREMENT_KB = 16;

const GLOBAL = "global";
export const SHIELD_COVERS =
  "covered by Shield Advanced: web ACL, rule and request fees up to 1,500 WCU and the default body size (AWS WAF Developer Guide)";

/** Started 500-WCU steps above 1,500: 1,500 -> 0, 1,501 -> 1, 2,000 -> 1, 2,001 -> 2. */
export function wcuSteps(wcu: number): number {
  return Math.ceil(Math.max(0, wcu - BASE_WCU) / WCU_STEP);
}

export function wafLines(billables: Billables, model: TrafficModel): CostLine[] {
  const acl = billables.webAcl;
  if (!acl) return [];
  const covered = billables.shield.protectsDistribution;
  const standard = [
    ...priced("wafWebAcl", 1, { region: GLOBAL }),
    ...priced("wafRule", acl.rules, { region: GLOBAL }),
    ...priced("wafRequests", model.requests, { region: GLOBAL }),
  ];
  return [...(covered ? waived(standard, SHIELD_COVERS) : standard), ...surcharges(acl, billables, model), ...threatMitigation(acl, model)];
}

function surcharges(acl: BillableWebAcl, billables: Billables, model: TrafficModel): CostLine[] {
  const lines: CostLine[] = [];
  // Shield's automatic-response group "uses 150 WCUs ... These WCUs count against the WCU usage in your web ACL".
  const wcu = acl.wcu + (billables.shield.automaticResponse ? AUTOMATIC_RESPONSE_WCU : 0);
  const steps = wcuSteps(wcu);
  if (steps > 0) {
    lines.push(...priced("wafWcuSteps", model.requests * steps, { region: GLOBAL, note: `${wcu} WCU: ${steps} started step${steps === 1 ? "" : "s"} of ${WCU_STEP} above ${BASE_WCU}, on every request` }));
  }
  const increments = (acl.bodyInspectionLimitKb - BODY_INCREMENT_KB) / BODY_INCREMENT_KB;
  if (increments > 0) {
    const large = model.requests * model.traffic.bodiesOver16KbShare;
    lines.push(...priced("wafLargeBodies", large * increments, { region: GLOBAL, note: `limit ${acl.bodyInspectionLimitKb} KB: ${increments} increment${increments === 1 ? "" : "s"} of 16 KB for each body over 16 KB (each assumed to reach the limit)` }));
  }
  return lines;
}

function threatMitigation(acl: BillableWebAcl, model: TrafficModel): CostLine[] {
  const lines: CostLine[] = [];
  if (acl.botControl) {
    lines.push(...priced("botControlFee", 1, { region: GLOBAL }));
    lines.push(...priced(acl.botControl === "COMMON" ? "botControlCommon" : "botControlTargeted", model.requests, { region: GLOBAL, note: "every request (no scope-down assumed)" }));
  }
  if (acl.antiDdos) lines.push(...priced("antiDdosGroup", model.requests, { region: GLOBAL }));
  for (const group of acl.fraudControl) lines.push(...priced("fraudControl", 0, { region: GLOBAL, item: `${group} (per attempt)` }));
  return lines;
}

export function shieldLines(billables: Billables, model: TrafficModel): CostLine[] {
  if (!billables.shield.protectsDistribution) return [];
  const lines: CostLine[] = [];
  if (model.traffic.includeShieldSubscription) {
    const whose = billables.shield.subscriptionCreated ? "this stack subscribes" : "assumed to exist already: one fee per organization, shared by every protected resource";
    lines.push(...priced("shieldSubscription", 1, { region: GLOBAL, note: `${whose}; one-year commitment` }));
  }
  lines.push(...priced("shieldTransfer", model.toInternetGb, { region: GLOBAL, note: "the distribution's data transfer out to the internet" }));
  return lines;
}
