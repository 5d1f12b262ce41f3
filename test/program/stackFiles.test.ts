import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadStackFile } from "../../scripts/plan/stackFiles";

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const PROJECT = "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n    default: 2\n  mode:\n    type: string\n    default: a\n";

describe("loadStackFile (what Pulumi hands the program)", () => {
  it("overlays the stack's values on the project's defaults, namespacing project keys", () => {
    const dir = project({ "Pulumi.yaml": PROJECT, "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n  demo:mode: b\n  demo:list: [1, 2]\n" });
    assert.deepEqual(loadStackFile(dir, "dev").values, { "demo:size": "2", "demo:mode": "b", "aws:region": "eu-west-1", "demo:list": "[1,2]" });
  });

  it("locates a value by its config path, or its nearest written ancestor", () => {
    const dir = project({
      "Pulumi.yaml": PROJECT,
      "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n  demo:apis:\n    - name: shop\n      stage: prod\n    - name: orders\n      stage: \"b a d\"\n",
    });
    const stack = loadStackFile(dir, "dev");
    assert.equal(stack.locate(["apis", 1, "stage"]), "Pulumi.dev.yaml:7:14");
    assert.equal(stack.locate(["demo:apis", 0, "name"]), "Pulumi.dev.yaml:4:13");
    assert.equal(stack.locate(["apis", 1, "throttle", "rateLimit"]), "Pulumi.dev.yaml:6:7");
    assert.equal(stack.locate(["aws:region"]), "Pulumi.dev.yaml:2:15");
    assert.equal(stack.locate(["mode"]), "Pulumi.dev.yaml");
  });

  it("refuses, like the Pulumi CLI, a declared key that has no default and no value", () => {
    const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  certificate:\n    type: string\n", "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n" });
    assert.throws(() => loadStackFile(dir, "dev"), /Pulumi\.dev\.yaml is missing configuration values declared in Pulumi\.yaml without a default: demo:certificate/);
  });

  it("names the stacks it has when the stack file is missing", () => {
    const dir = project({ "Pulumi.yaml": PROJECT, "Pulumi.dev.yaml": "config: {}\n" });
    assert.throws(() => loadStackFile(dir, "prod"), /no stack file Pulumi\.prod\.yaml; stacks here: dev/);
  });

  it("reads secure values as [secret], marking their keys secret and recording where they were", () => {
    const dir = project({ "Pulumi.yaml": PROJECT, "Pulumi.dev.yaml": "config:\n  demo:token:\n    secure: AAAB\n  demo:contacts:\n    - email: { secure: AAAC }\n      phone: \"+1\"\n" });
    const stack = loadStackFile(dir, "dev");
    assert.equal(stack.values["demo:token"], "[secret]");
    assert.equal(stack.values["demo:contacts"], '[{"email":"[secret]","phone":"+1"}]');
    assert.deepEqual(stack.secretKeys, ["demo:token", "demo:contacts"]);
    assert.deepEqual(stack.secretPaths, [["demo:token"], ["demo:contacts", 0, "email"]]);
  });

  it("reports a YAML syntax error with the file, line and column", () => {
    const dir = project({ "Pulumi.yaml": PROJECT, "Pulumi.dev.yaml": "config:\n  demo:mode: [a, b\n  demo:size: 3\n" });
    assert.throws(() => loadStackFile(dir, "dev"), /^StackFileError: Pulumi\.dev\.yaml:3:3: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]/);
  });
});
