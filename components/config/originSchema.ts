import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { API_KINDS, pathPatternField, regionField } from "./apis";
import { flag, strictObject, text } from "../shared/schema/fields";

/** A plain string checked against `pattern`, or a Pulumi Output/Promise whose value is known only at deploy time. */
function inputOf(pattern: RegExp, allowed: string) {
  return z.union([text(pattern, allowed), z.custom<pulumi.Output<string> | Promise<string>>((v) => pulumi.Output.isInstance(v) || v instanceof Promise, { error: allowed })]);
}

/**
 * An API the edge fronts, as a library user hands it to EdgeProtection (`ApiOrigin`): the same name, kind,
 * region and path-pattern rules as the stack file's `apis` entries.
 */
export const originSchema = strictObject({
  name: text(/^[a-z][a-z0-9-]{0,31}$/, "allowed: 1-32 lowercase letters, digits or '-', starting with a letter"),
  kind: z.enum(API_KINDS, { error: `allowed: ${API_KINDS.map((k) => JSON.stringify(k)).join(", ")}` }),
  apiId: inputOf(/^[a-z0-9]{10}$/, 'allowed: a 10-character API ID such as "a1b2c3d4e5", or an Output of one'),
  stage: inputOf(/^(\$default|[A-Za-z0-9_-]{1,128})$/, 'allowed: "$default" or 1-128 letters, digits, "-" or "_", or an Output of one'),
  region: regionField,
  pathPattern: pathPatternField,
  restrictToSigner: flag().optional(),
}).superRefine((origin, ctx) => {
  if (origin.restrictToSigner && origin.kind !== "REST") {
    ctx.addIssue({ code: "custom", path: ["restrictToSigner"], input: true, message: "allowed only for REST APIs (HTTP and WebSocket APIs have no resource policy)" });
  }
});
