import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

/** A stack file that cannot be read as Pulumi would: missing, not YAML, or missing a required key. */
export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

/** What the offline plan shows for a value it cannot decrypt. */
export const SECRET_PLACEHOLDER = "[secret]";

/** A stack as the Pulumi CLI would hand it to the program, plus where each value was written. */
export interface StackFile {
  /** `Pulumi.<stack>.yaml`. */
  readonly file: string;
  /** Every value a string, structured ones as JSON; the project's defaults under the stack's values. */
  readonly values: Record<string, string>;
  /** Keys that hold a `secure:` value (all of it, or a leaf); their secure leaves read `[secret]`. */
  readonly secretKeys: readonly string[];
  /** Where each secure leaf is: `[key, ...path]`. Problems found there are not the config's (it is not decrypted here). */
  readonly secretPaths: readonly (readonly (string | number)[])[];
  /** `Pulumi.dev.yaml:12:7` for a config path (`[key, ...path]`, the key with or without namespace), or the file's name. */
  locate(configPath: readonly (string | number)[]): string;
}

/**
 * The config Pulumi would hand the program for a stack: the project's declared defaults overlaid by
 * `Pulumi.<stack>.yaml`. A YAML syntax error is reported with its file, line and column.
 */
export function loadStackFile(projectDir: string, stack: string, standIn: (configPath: readonly (string | number)[]) => unknown = () => SECRET_PLACEHOLDER): StackFile {
  const file = `Pulumi.${stack}.yaml`;
  const stackPath = path.join(projectDir, file);
  if (!fs.existsSync(stackPath)) {
    const stacks = fs.readdirSync(projectDir).filter((f) => /^Pulumi\..+\.yaml$/.test(f)).map((f) => f.slice(7, -5));
    throw new StackFileError(`no stack file ${file}; stacks here: ${stacks.join(", ")}`);
  }
  const project = readYaml(projectDir, "Pulumi.yaml").doc.toJS() as { name: string; config?: Record<string, { default?: unknown } | null> };
  const { doc, lines } = readYaml(projectDir, file);
  const namespaced = (key: string) => (key.includes(":") ? key : `${project.name}:${key}`);

  // Project keys are declared without their namespace, which is the project's name.
  const declared = Object.entries(project.config ?? {}).map(([key, declaration]) => [namespaced(key), declaration] as const);
  const values: Record<string, string> = {};
  for (const [key, declaration] of declared) {
    if (declaration && declaration.default !== undefined) values[key] = asConfigString(declaration.default);
  }
  const secretPaths: (string | number)[][] = [];
  const config = (doc.toJS() as { config?: Record<string, unknown> } | null)?.config ?? {};
  for (const [key, value] of Object.entries(config)) {
    values[key] = asConfigString(withoutSecrets(value, [key], secretPaths, standIn));
  }
  // As the Pulumi CLI does: a key the project declares without a default must be set by the stack.
  const missing = declared.map(([key]) => key).filter((key) => !(key in values));
  if (missing.length > 0) throw new StackFileError(`${file} is missing configuration values declared in Pulumi.yaml without a default: ${missing.join(", ")}`);

  return {
    file,
    values,
    secretKeys: [...new Set(secretPaths.map((p) => String(p[0])))],
    secretPaths,
    locate: (configPath) => {
      const [key, ...rest] = configPath;
      // A key the stack does not set (a default, or a missing required key) is the file's, not a line's.
      const keyNode = doc.getIn(["config", namespaced(String(key))], true) as Node | undefined;
      const node = keyNode && nearestNode(doc, ["config", namespaced(String(key)), ...rest]);
      if (!node?.range) return file;
      const { line, col } = lines.linePos(node.range[0]);
      return `${file}:${line}:${col}`;
    },
  };
}

/** Secure leaves (`{ secure: ... }`) become a stand-in (the placeholder by default); their paths are recorded. */
function withoutSecrets(value: unknown, at: (string | number)[], found: (string | number)[][], standIn: (path: (string | number)[]) => unknown): unknown {
  if (isSecure(value)) {
    found.push(at);
    return standIn(at);
  }
  if (Array.isArray(value)) return value.map((v, i) => withoutSecrets(v, [...at, i], found, standIn));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v, [...at, k], found, standIn)]));
  }
  return value;
}

function isSecure(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** The node at `keys`, or the deepest ancestor that exists (a missing field is reported where its parent is). */
function nearestNode(doc: Document, keys: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined;
  for (const key of keys) {
    const next = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
    if (next === undefined || next === null) break;
    node = next;
    if (isScalar(next) || isMap(next) || isSeq(next)) found = next;
  }
  return found;
}

function readYaml(dir: string, name: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(path.join(dir, name), "utf8"), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const where = (offset: number) => {
      const { line, col } = lines.linePos(offset);
      return `${name}:${line}:${col}`;
    };
    throw new StackFileError(doc.errors.map((e) => `${where(e.pos[0])}: not valid YAML: ${e.message.split("\n")[0]}`).join("\n"));
  }
  return { doc, lines };
}

function asConfigString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
