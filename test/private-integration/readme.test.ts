import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as load } from "yaml";
import { privateIntegrationSchema } from "../../components/private-integration/privateIntegrationSchema";
import { parseWith } from "../../components/shared/schema/parse";
import { exampleConfig, REGION } from "./fixtures";

const README = fs.readFileSync(path.join(__dirname, "../../components/private-integration/README.md"), "utf8");

/** The `edge-security:privateIntegration` values of the README's YAML blocks, in order. */
function readmeExamples(): unknown[] {
  return [...README.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => load(m[1]) as Record<string, unknown>)
    .filter((doc) => doc && "edge-security:privateIntegration" in doc)
    .map((doc) => doc["edge-security:privateIntegration"]);
}

function settingsOf(raw: unknown) {
  return parseWith(privateIntegrationSchema(REGION), raw, "README example", ["privateIntegration"]);
}

describe("private-integration README examples", () => {
  it("show the dev and prod example files, to the same settings", () => {
    const blocks = readmeExamples();
    assert.equal(blocks.length, 2);
    assert.deepEqual(settingsOf(blocks[0]), settingsOf(exampleConfig("privateIntegration.dev.yaml")));
    assert.deepEqual(settingsOf(blocks[1]), settingsOf(exampleConfig("privateIntegration.prod.yaml")));
  });
});
