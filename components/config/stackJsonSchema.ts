import { z } from "zod";
import { AWS_REGIONS } from "../shared/region";
import { CONFIG_NAMESPACE } from "./namespace";
import { stackSchema } from "./stackSchema";

type JsonSchema = Record<string, unknown>;

/** A Pulumi secret as the stack file holds it: `{ secure: <ciphertext> }`, allowed wherever a value is. */
const SECURE: JsonSchema = { type: "object", properties: { secure: { type: "string" } }, required: ["secure"], additionalProperties: false };

/**
 * The JSON Schema of `Pulumi.<stack>.yaml` for editors (yaml-language-server): every `edge-security:*` key with
 * its type, allowed values, default and description, generated from the same zod schema the program parses
 * with, so the two cannot drift apart. Unknown `edge-security:*` keys are refused; other namespaces are
 * left to their providers. Any value may instead be a `secure:` secret.
 */
export function stackJsonSchema(): JsonSchema {
  // The schema's shape does not depend on the date or region; these only decide defaults and allowed runtimes.
  const schema = stackSchema({ region: "us-east-1", now: new Date(0) });
  const generated = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", override: strict }) as JsonSchema;
  const keys = generated.properties as Record<string, JsonSchema>;
  const config: Record<string, JsonSchema> = { "aws:region": { type: "string", enum: [...AWS_REGIONS], description: "The stack's AWS region: the default region of the APIs the stack creates." } };
  for (const [key, value] of Object.entries(keys)) config[`${CONFIG_NAMESPACE}:${key}`] = withSecrets(value);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `${CONFIG_NAMESPACE} stack file (Pulumi.<stack>.yaml)`,
    type: "object",
    properties: {
      config: {
        type: "object",
        properties: config,
        propertyNames: { anyOf: [{ enum: Object.keys(config) }, { not: { pattern: `^${CONFIG_NAMESPACE}:` } }] },
      },
    },
  };
}

/** Objects refuse unknown keys (their catch-all only ever fails); a key that must be absent allows nothing. */
function strict(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type === "object" && "catchall" in def && def.catchall !== undefined) ctx.jsonSchema.additionalProperties = false;
  if (def.type === "undefined") ctx.jsonSchema.not = {};
}

/** Every leaf value may be written as a `secure:` secret instead. */
function withSecrets(node: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...node };
  for (const key of ["properties", "$defs"]) {
    if (copy[key]) copy[key] = Object.fromEntries(Object.entries(copy[key] as Record<string, JsonSchema>).map(([k, v]) => [k, withSecrets(v)]));
  }
  for (const key of ["items", "additionalProperties"]) {
    if (typeof copy[key] === "object" && copy[key] !== null) copy[key] = withSecrets(copy[key] as JsonSchema);
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as JsonSchema[]).map(withSecrets);
  }
  const leaf = ["string", "number", "integer", "boolean"].includes(String(copy.type));
  return leaf ? { anyOf: [copy, SECURE] } : copy;
}
