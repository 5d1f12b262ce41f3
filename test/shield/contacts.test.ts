import * as assert from "node:assert/strict";
import { z } from "zod";
import { emailField, isE164PhoneNumber, isEmailAddress, notesField, phoneField } from "../../components/shield/contacts";
import { shieldSchema } from "../../components/shield/shieldSchema";
import { FULL_RAW, NOW } from "./fixtures";
import { isHealthCheckPath } from "../../components/shield/healthChecksSchema";
import { isEdgeSnsTopicArn } from "../../components/shield/notificationsSchema";
import { isIamRoleArn } from "../../components/shield/srtAccessSchema";

const cases: readonly [string, (v: string) => boolean, readonly string[], readonly string[]][] = [
  ["isEmailAddress", isEmailAddress,
    ["secops@example.com", "a.b+shield@sub.example.co.uk"],
    ["secops", "secops@example", "sec ops@example.com", "a@@example.com", `${"a".repeat(140)}@example.com`]],
  ["isE164PhoneNumber", isE164PhoneNumber,
    ["+14155550100", "+442071838750", "+123456789012345", "+12"],
    ["14155550100", "+0123456789", "+1 415 555 0100", "+1-415-555-0100", "+1234567890123456", "+1"]],
  ["isEdgeSnsTopicArn", isEdgeSnsTopicArn,
    ["arn:aws:sns:us-east-1:123456789012:alerts", "arn:aws:sns:us-east-1:123456789012:alerts.fifo"],
    ["arn:aws:sns:us-west-2:123456789012:alerts", "arn:aws:sns:us-east-1:1234:alerts", "arn:aws:sns:us-east-1:123456789012:a:b", "alerts"]],
  ["isIamRoleArn", isIamRoleArn,
    ["arn:aws:iam::123456789012:role/shield-srt", "arn:aws:iam::123456789012:role/service-role/srt"],
    ["arn:aws:iam::123456789012:user/srt", "arn:aws:iam:us-east-1:123456789012:role/srt", "arn:aws:iam::123456789012:role/", "srt"]],
  ["isHealthCheckPath", isHealthCheckPath,
    ["/", "/health", "/rest/health?deep=1"],
    ["", "health", "/a b", `/${"a".repeat(255)}`]],
];

describe("shield format checks", () => {
  for (const [name, check, good, bad] of cases) {
    it(`${name} accepts ${good.length} and rejects ${bad.length} examples`, () => {
      for (const value of good) assert.equal(check(value), true, `${name}(${value})`);
      for (const value of bad) assert.equal(check(value), false, `${name}(${value})`);
    });
  }

  it("rejects non-strings", () => {
    assert.equal(isEmailAddress(undefined), false);
    assert.equal(isE164PhoneNumber(14155550100), false);
  });
});

describe("contact fields: examples for the offline plan", () => {
  const fields: readonly [string, z.ZodType][] = [["email", emailField("allowed: an email")], ["phone", phoneField], ["notes", notesField]];
  for (const [name, field] of fields) {
    it(`the ${name} field's first example passes the field's own check`, () => {
      const examples = field.meta()?.examples;
      assert.ok(Array.isArray(examples) && examples.length > 0, `${name} has examples`);
      assert.deepEqual(field.safeParse(examples[0]), { success: true, data: examples[0] });
    });
  }

  /** Where the contact details sit in `shield`, as a config path with `*` for any list entry. */
  const PERSONAL = [["notifications", "emails", "*"], ["proactiveEngagement", "contacts", "*", "email"], ["proactiveEngagement", "contacts", "*", "phone"], ["proactiveEngagement", "contacts", "*", "notes"]];

  it("every contact detail in the schema has an example, and the full example parses with each one replaced by its example", () => {
    const schema = shieldSchema(NOW);
    const substituted = structuredClone(FULL_RAW) as Record<string, unknown>;
    for (const path of PERSONAL) {
      const example = schemaAt(schema, path).meta()?.examples;
      assert.ok(Array.isArray(example) && typeof example[0] === "string", `an example at ${path.join(".")}`);
      replaceAt(substituted, path, example[0]);
    }
    const settings = schema.parse(substituted);
    assert.deepEqual(settings.notifications.emails, ["secops@example.com", "secops@example.com"]);
    assert.deepEqual(settings.proactiveEngagement.contacts, [{ email: "secops@example.com", phone: "+14155550100", notes: "24x7 security hotline" }, { email: "secops@example.com" }]);
  });
});

/** The schema of the field at `path` ("*" for a list entry), through defaults, optionals and pipes. */
function schemaAt(schema: z.ZodType, path: readonly string[]): z.ZodType {
  const def = schema.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (["default", "prefault", "optional", "nullable"].includes(def.type) && def.innerType) return schemaAt(def.innerType, path);
  if (def.type === "pipe" && def.in && def.out) return schemaAt(def.in.def.type === "transform" ? def.out : def.in, path);
  if (path.length === 0) return schema;
  const [head, ...rest] = path;
  if (def.type === "object" && def.shape?.[head]) return schemaAt(def.shape[head], rest);
  if (def.type === "array" && head === "*" && def.element) return schemaAt(def.element, rest);
  throw new Error(`no field ${head} in a ${def.type}`);
}

function replaceAt(value: unknown, path: readonly string[], replacement: string): void {
  if (typeof value !== "object" || value === null) return;
  const [head, ...rest] = path;
  const record = value as Record<string, unknown>;
  for (const key of head === "*" ? Object.keys(record) : [head]) {
    if (!(key in record)) continue;
    if (rest.length === 0) record[key] = replacement;
    else replaceAt(record[key], rest, replacement);
  }
}
