import { stackJsonSchema } from "../../components/config/stackJsonSchema";
import { SECRET_PLACEHOLDER } from "./stackFiles";

type Node = Record<string, unknown>;

/**
 * What the offline plan puts in place of a secret it cannot decrypt: the field's first `examples` value
 * from the stack schema (which passes the field's own checks, so the program runs), or `[secret]` for a field
 * without one. The program marks such values secret, so the plan prints them as `[secret]` either way.
 * `configPath` starts with the namespaced key (`edge-security:shield`).
 */
export function secretStandIn(configPath: readonly (string | number)[]): unknown {
  const config = (stackJsonSchema().properties as Record<string, Node>).config;
  let node: Node | undefined = (config.properties as Record<string, Node>)[String(configPath[0])];
  for (const key of configPath.slice(1)) node = node && child(node, key);
  const examples = node && plain(node).examples;
  return Array.isArray(examples) && examples.length > 0 ? examples[0] : SECRET_PLACEHOLDER;
}

/** A leaf's own schema rather than its "or a secret" alternative. */
function plain(node: Node): Node {
  const anyOf = node.anyOf as Node[] | undefined;
  return anyOf && anyOf.length === 2 && (anyOf[1].required as unknown[] | undefined)?.[0] === "secure" ? anyOf[0] : node;
}

function child(node: Node, key: string | number): Node | undefined {
  const here = plain(node);
  const branches = [here, ...((here.oneOf ?? here.anyOf ?? []) as Node[])];
  for (const branch of branches) {
    if (typeof key === "number" && branch.items) return branch.items as Node;
    const properties = branch.properties as Record<string, Node> | undefined;
    if (typeof key === "string" && properties?.[key]) return properties[key];
  }
  return undefined;
}
