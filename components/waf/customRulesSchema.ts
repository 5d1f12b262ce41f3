import { z } from "zod";
import { choice, flag, intIn, listOf, strictObject, whenValid } from "../shared/schema/fields";
import { MatchSpec, matchSchema } from "./matchSchema";
import { PRIORITY } from "./priorities";
import { CUSTOM_RULE_ACTIONS } from "./types";
import { wafNameField } from "./wafFields";

const PRIORITY_ALLOWED =
  `allowed: a whole number from ${PRIORITY.appStart} to ${PRIORITY.appEnd}; other priorities are reserved ` +
  `(0-999 access control, rate rules and managed groups, ${PRIORITY.shieldMitigation} Shield)`;

/**
 * Whether a match holds for any viewer who chooses to send it: it reads a header (which WAF takes from the viewer as
 * sent) and nothing a viewer cannot set (a country, or a label a managed group adds); or it is negated, when
 * leaving the header out is enough. Paths, methods and body sizes are the viewer's choice too.
 */
export function opensOnViewerHeader(match: MatchSpec): boolean {
  if (!match.header) return false;
  return match.negate || (match.countries === undefined && match.label === undefined);
}

const customRuleSchema = strictObject({
  name: wafNameField(),
  /** In the application range. @default 1,000 + 10 x the rule's index */
  priority: intIn(PRIORITY.appStart, PRIORITY.appEnd, PRIORITY_ALLOWED).optional(),
  action: choice(CUSTOM_RULE_ACTIONS),
  match: matchSchema,
  /** `allow` on a match any viewer can satisfy by sending a header: said on purpose. @default false */
  acceptSpoofableHeader: flag().default(false),
}).superRefine((rule, ctx) => {
  const spoofable = rule.action === "allow" && opensOnViewerHeader(rule.match);
  if (spoofable && !rule.acceptSpoofableHeader) {
    const header = rule.match.header;
    const how = rule.match.negate ? "leave out" : "send";
    ctx.addIssue({
      code: "custom",
      path: ["match", "header"],
      input: header,
      message:
        `allowed: an allow rule a viewer header alone does not satisfy: anyone can ${how} ${header?.name}, and the request then skips every ` +
        "managed group and later rule (the rate rules before it still count it); add countries or a managed group's label " +
        "(e.g. Bot Control's verified bots), use count, or set acceptSpoofableHeader: true",
    });
  } else if (rule.acceptSpoofableHeader && !spoofable) {
    ctx.addIssue({ code: "custom", path: ["acceptSpoofableHeader"], input: true, message: "allowed: false: only an allow rule whose match a viewer header alone satisfies needs it" });
  }
}, whenValid());

/** Application rules, after the rate-based rules and the managed groups. */
export const customRulesSchema = listOf(customRuleSchema, "allowed: a list of rules { name, priority, action, match, acceptSpoofableHeader }").transform((rules) =>
  rules.map(({ name, priority, action, match }, i) => ({ name, priority: priority ?? PRIORITY.appStart + i * PRIORITY.appStep, action, match })),
);
export type CustomRuleSettings = z.output<typeof customRulesSchema>[number];
