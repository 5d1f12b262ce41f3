import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { KEY_DESCRIPTIONS } from "../../components/config/stackSchema";
import { SCHEMA_FILE, schemaText } from "../../scripts/schema";

const ROOT = path.join(__dirname, "..", "..");
const schema = () => JSON.parse(schemaText());
const keyNode = (key: string) => schema().properties.config.properties[`edge-security:${key}`];
/** The non-secret branch of a key's schema (every leaf may also be `{ secure }`). */
const plain = (node: Record<string, any>) => (node.anyOf ? node.anyOf[0] : node);

describe("stack-config.schema.json (editor completion for Pulumi.<stack>.yaml)", () => {
  it("is what npm run schema writes (regenerate it after changing a schema)", () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, "utf8"), schemaText());
  });

  it("has every stack key, with its description, and refuses unknown edge-security keys", () => {
    const keys = Object.keys(schema().properties.config.properties).filter((k) => k !== "aws:region").map((k) => k.replace(/^edge-security:/, ""));
    assert.deepEqual(Object.keys(KEY_DESCRIPTIONS).sort(), [...keys].sort());
    for (const key of keys) assert.equal(keyNode(key).description ?? plain(keyNode(key)).description, KEY_DESCRIPTIONS[key as keyof typeof KEY_DESCRIPTIONS], key);
    const names = schema().properties.config.propertyNames;
    assert.deepEqual(names.anyOf[1], { not: { pattern: "^edge-security:" } });
    assert.ok(names.anyOf[0].enum.includes("edge-security:waf") && names.anyOf[0].enum.includes("aws:region"));
  });

  it("refuses unknown keys inside objects and lets any leaf be a secure: secret", () => {
    const api = keyNode("apis").items.oneOf[0];
    assert.equal(api.additionalProperties, false);
    assert.deepEqual(api.properties.name.anyOf[1], { type: "object", properties: { secure: { type: "string" } }, required: ["secure"], additionalProperties: false });
    assert.equal(plain(keyNode("signerMemoryMb")).default, 128);
  });

  it("is referenced by every stack file's yaml-language-server modeline", () => {
    // The example stacks the repository ships (a test may have written a temporary one beside them).
    const stacks = ["Pulumi.dev.yaml", "Pulumi.prod.yaml"];
    for (const file of stacks) assert.match(fs.readFileSync(path.join(ROOT, file), "utf8"), /^# yaml-language-server: \$schema=\.\/stack-config\.schema\.json$/m, file);
  });

  it("agrees with Pulumi.yaml: each declared key's type, default and description come from the schema", () => {
    const declared = (parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { type: string; default: unknown; description: string; items?: unknown }> }).config;
    for (const [key, declaration] of Object.entries(declared)) {
      const node = keyNode(key);
      assert.ok(node, `${key} is declared in Pulumi.yaml but not a stack key`);
      const value = plain(node);
      assert.equal(declaration.description, KEY_DESCRIPTIONS[key as keyof typeof KEY_DESCRIPTIONS], `${key} description`);
      assert.deepEqual(declaration.default, value.default, `${key} default`);
      assert.equal(declaration.type, value.type === "integer" || value.type === "number" ? "integer" : value.type, `${key} type`);
    }
  });

  it("is what the README's configuration table lists: every key, each default as the schema has it", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("| key | default | meaning |"), readme.indexOf("An entry of `apis`"));
    const rows = new Map<string, string>();
    for (const line of table.split("\n").filter((l) => l.startsWith("| `"))) {
      const [keys, defaults] = line.split("|").slice(1, 3).map((c) => c.trim());
      const names = [...keys.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const values = defaults.split(" / ");
      names.forEach((name, i) => rows.set(name, values[names.length === values.length ? i : 0]));
    }
    for (const name of rows.keys()) assert.ok(name in KEY_DESCRIPTIONS, `README table lists ${name}, which is not a stack key`);
    for (const key of Object.keys(KEY_DESCRIPTIONS)) {
      assert.ok(rows.has(key), `README table lacks ${key}`);
      const value = plain(keyNode(key)).default;
      if (value !== undefined && typeof value !== "object") assert.equal(rows.get(key), `\`${value}\``, `${key}: README says ${rows.get(key)}, the schema ${value}`);
    }
  });
});
