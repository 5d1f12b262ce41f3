// Writes stack-config.schema.json, the JSON Schema editors use for Pulumi.<stack>.yaml (see README,
// "Editor completion"). Usage: npm run schema. A test fails when the file is not what this writes.
import * as fs from "node:fs";
import * as path from "node:path";
import { stackJsonSchema } from "../components/config/stackJsonSchema";

export const SCHEMA_FILE = path.join(__dirname, "..", "stack-config.schema.json");

export function schemaText(): string {
  return `${JSON.stringify(stackJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
