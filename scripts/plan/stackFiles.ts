import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

/**
 * The config Pulumi would hand the program for a stack: the project's declared defaults overlaid by
 * `Pulumi.<stack>.yaml`, every value a string as the Pulumi runtime provides it (structured values as JSON).
 */
export function loadStackConfig(projectDir: string, stack: string): Record<string, string> {
  const project = readYaml(path.join(projectDir, "Pulumi.yaml")) as { name: string; config?: Record<string, { default?: unknown } | null> };
  const stackFile = path.join(projectDir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(stackFile)) {
    const stacks = fs.readdirSync(projectDir).filter((f) => /^Pulumi\..+\.yaml$/.test(f)).map((f) => f.slice(7, -5));
    throw new Error(`no stack file ${path.basename(stackFile)}; stacks here: ${stacks.join(", ")}`);
  }
  // Project keys are declared without their namespace, which is the project's name.
  const declared = Object.entries(project.config ?? {}).map(([key, declaration]) => [key.includes(":") ? key : `${project.name}:${key}`, declaration] as const);
  const values: Record<string, string> = {};
  for (const [key, declaration] of declared) {
    if (declaration && declaration.default !== undefined) values[key] = asConfigString(declaration.default);
  }
  const stackConfig = ((readYaml(stackFile) as { config?: Record<string, unknown> }) ?? {}).config ?? {};
  for (const [key, value] of Object.entries(stackConfig)) {
    if (isSecret(value)) throw new Error(`${key} is a secret; the offline plan cannot decrypt it, so keep secrets out of the example stacks`);
    values[key] = asConfigString(value);
  }
  // As the Pulumi CLI does: a key the project declares without a default must be set by the stack.
  const missing = declared.map(([key]) => key).filter((key) => !(key in values));
  if (missing.length > 0) throw new Error(`Pulumi.${stack}.yaml is missing configuration values declared in Pulumi.yaml without a default: ${missing.join(", ")}`);
  return values;
}

function readYaml(file: string): unknown {
  return yaml.load(fs.readFileSync(file, "utf8"));
}

function asConfigString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function isSecret(value: unknown): boolean {
  return typeof value === "object" && value !== null && "secure" in value;
}
