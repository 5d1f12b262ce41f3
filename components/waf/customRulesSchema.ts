import { z } from "zod";
import { choice, intIn, listOf, strictObject } from "../shared/schema/fields";
import { matchSchema } from "./matchSchema";
import { PRIORITY } from "./priorities";
import { CUSTOM_RULE_ACTIONS } from "./types";
import { wafNameField } from "./wafFields";

const PRIORITY_ALLOWED =
  `allowed: a whole number from ${PRIORITY.appStart} to ${PRIORITY.appEnd}; other priorities are reserved ` +
  `(0-999 access control, rate rules and managed groups, ${PRIORITY.shieldMitigation} Shield)`;

const customRuleSchema = strictObject({
  name: wafNameField(),
  /** In the application range. @default 1,000 + 10 x the rule's index */
  priority: intIn(PRIORITY.appStart, PRIORITY.appEnd, PRIORITY_ALLOWED).optional(),
  action: choice(CUSTOM_RULE_ACTIONS),
  match: matchSchema,
});

/** Application rules, after the rate-based rules and the managed groups. */
export const customRulesSchema = listOf(customRuleSchema, "allowed: a list of rules { name, priority, action, match }").transform((rules) =>
  rules.map(({ name, priority, action, match }, i) => ({ name, priority: priority ?? PRIORITY.appStart + i * PRIORITY.appStep, action, match })),
);
export type CustomRuleSettings = z.output<typeof customRulesSchema>[number];
