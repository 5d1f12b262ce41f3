import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadStackConfig } from "../../scripts/plan/stackFiles";

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("loadStackConfig (what Pulumi hands the program)", () => {
  it("overlays the stack's values on the project's defaults, namespacing project keys", () => {
    const dir = project({
      "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n    default: 2\n  mode:\n    type: string\n    default: a\n",
      "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n  demo:mode: b\n  demo:list: [1, 2]\n",
    });
    assert.deepEqual(loadStackConfig(dir, "dev"), { "demo:size": "2", "demo:mode": "b", "aws:region": "eu-west-1", "demo:list": "[1,2]" });
  });

  it("refuses, like the Pulumi CLI, a declared key that has no default and no value", () => {
    const dir = project({
      "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  certificate:\n    type: string\n",
      "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n",
    });
    assert.throws(() => loadStackConfig(dir, "dev"), /Pulumi\.dev\.yaml is missing configuration values declared in Pulumi\.yaml without a default: demo:certificate/);
  });

  it("names the stacks it has when the stack file is missing, and refuses secrets it cannot decrypt", () => {
    const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  demo:token:\n    secure: AAAB\n" });
    assert.throws(() => loadStackConfig(dir, "prod"), /no stack file Pulumi\.prod\.yaml; stacks here: dev/);
    assert.throws(() => loadStackConfig(dir, "dev"), /demo:token is a secret/);
  });
});
