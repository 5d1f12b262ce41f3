import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { API_KINDS, apiNameField, checkRestrictToSigner, checkStage, pathPatternField, regionField } from "./apis";
import { choice, flag, strictObject, text } from "../shared/schema/fields";

/** A plain string checked against `pattern`, or a Pulumi Output/Promise whose value is known only at deploy time. */
function inputOf(pattern: RegExp, allowed: string) {
  return z.union([text(pattern, allowed), z.custom<pulumi.Output<string> | Promise<string>>((v) => pulumi.Output.isInstance(v) || v instanceof Promise, { error: allowed })]);
}

/**
 * An API the edge fronts, as a library user hands it to EdgeProtection (`ApiOrigin`): the stack file's
 * `apis` fields and checks (name, kind, region, path pattern, the stage a kind may have, restrictToSigner for
 * REST only), with the ID and stage also accepted as Outputs known only at deploy time.
 */
export const originSchema = strictObject({
  name: apiNameField,
  kind: choice(API_KINDS),
  apiId: inputOf(/^[a-z0-9]{10}$/, 'allowed: a 10-character API ID such as "a1b2c3d4e5", or an Output of one'),
  stage: inputOf(/^(\$default|[A-Za-z0-9_-]{1,128})$/, 'allowed: "$default" or 1-128 letters, digits, "-" or "_", or an Output of one'),
  region: regionField,
  pathPattern: pathPatternField,
  restrictToSigner: flag().optional(),
}).superRefine((origin, ctx) => {
  if (typeof origin.stage === "string") checkStage({ kind: origin.kind, stage: origin.stage }, ctx);
  checkRestrictToSigner(origin, ctx);
});
