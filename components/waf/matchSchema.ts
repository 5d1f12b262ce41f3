/**
 * A request condition (a custom rule's `match`, a managed group's `scopeDown`): every condition given must
 * hold (AND), `negate` inverts the whole.
 */
import { z } from "zod";
import { countryField } from "../config/countries";
import { choice, flag, intIn, listOf, strictObject, text, whenValid } from "../shared/schema/fields";
import { AWS_MANAGED_LABEL_PREFIX, labelOwner, MANAGED_RULE_CATALOGUE } from "./managedRuleCatalogue";
import { HEADER_OPERATORS, HTTP_METHODS, LABEL_SCOPES } from "./types";
import { knownHint, wafPathField } from "./wafFields";

/** What the provider's single_header name accepts (lowercase letters, digits, _ and -, at most 40). */
const HEADER_NAME = /^[a-z0-9_-]{1,40}$/;
const LABEL_KEY = /^[0-9A-Za-z_:-]{1,1024}$/;
/** SizeConstraintStatement Size: 0 to 21,474,836,480 bytes. */
const MAX_SIZE = 21_474_836_480;
const CONDITIONS = ["pathPrefix", "methods", "header", "countries", "label", "bodyLargerThan"] as const;

/**
 * Labels under `awswaf:managed:aws:` come from AWS managed groups, so they must lie in a catalogue group's
 * namespace (labels are case-sensitive); the message for one that does not, or undefined.
 */
export function managedLabelProblem(key: string): string | undefined {
  if (!key.startsWith(AWS_MANAGED_LABEL_PREFIX) || labelOwner(key)) return undefined;
  const namespace = `${key.split(":").slice(0, 4).join(":")}:`;
  return `allowed: a label in an AWS managed group's namespace${knownHint(namespace, MANAGED_RULE_CATALOGUE.map((g) => g.labelNamespace))}`;
}

/** A label or namespace matching `pattern`, checked against the catalogue's namespaces. */
export function labelField(pattern: RegExp, allowed: string) {
  return text(pattern, allowed).superRefine((key, ctx) => {
    const problem = managedLabelProblem(key);
    if (problem) ctx.addIssue({ code: "custom", input: key, message: problem });
  });
}

const HEADER_ALLOWED = "allowed: a header name of lowercase letters, digits, _ or -, at most 40 characters";
const VALUE_ALLOWED = "allowed: a string of 1 to 200 bytes";

const headerSchema = strictObject({
  name: z.string({ error: HEADER_ALLOWED }).toLowerCase().regex(HEADER_NAME, { error: HEADER_ALLOWED }),
  // AWS counts the 200 in bytes, so non-ASCII text reaches it sooner.
  value: z.string({ error: VALUE_ALLOWED }).refine((v) => v.length > 0 && Buffer.byteLength(v) <= 200, { error: VALUE_ALLOWED }),
  operator: choice(HEADER_OPERATORS).default("EXACTLY"),
});

const labelSchema = strictObject({
  key: labelField(LABEL_KEY, "allowed: a label or namespace of letters, digits, _, : or -"),
  scope: choice(LABEL_SCOPES).default("LABEL"),
});

export const matchSchema = strictObject({
  pathPrefix: wafPathField.optional(),
  methods: listOf(choice(HTTP_METHODS)).min(1, { error: "allowed: at least one method" }).optional(),
  header: headerSchema.optional(),
  countries: listOf(countryField).min(1, { error: "allowed: at least one country code" }).optional(),
  label: labelSchema.optional(),
  /** Body larger than this many bytes; bodies beyond the inspection limit count as larger. */
  bodyLargerThan: intIn(0, MAX_SIZE, `allowed: a whole number of bytes from 0 to ${MAX_SIZE}`).optional(),
  negate: flag().default(false),
}).superRefine((match, ctx) => {
  if (CONDITIONS.some((key) => match[key] !== undefined)) return;
  ctx.addIssue({ code: "custom", path: [], input: match, message: `required: at least one condition: ${CONDITIONS.join(", ")}` });
}, whenValid());
export type MatchInput = z.input<typeof matchSchema>;
export type MatchSpec = z.output<typeof matchSchema>;
