import { shortType } from "./describe";
import type { PlanModel } from "./model";

/** What one stack has that another does not, and what differs: what production adds to dev, say. */
export interface PlanComparison {
  readonly base: string;
  readonly other: string;
  readonly resources: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    /** Same type and name, different inputs: the input keys that differ. */
    readonly changed: readonly { readonly resource: string; readonly inputs: readonly string[] }[];
  };
  readonly routes: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly waf: { readonly base: string; readonly other: string; readonly added: readonly string[]; readonly removed: readonly string[]; readonly changed: readonly string[] };
  readonly shield: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly cost: { readonly baseUsd: number; readonly otherUsd: number; readonly differenceUsd: number };
}

/** `other` against `base`: `npm run plan -- --stack prod --compare dev` compares prod (other) with dev (base). */
export function comparePlans(base: PlanModel, other: PlanModel): PlanComparison {
  const key = (r: PlanModel["resources"][number]) => `${shortType(r.type)} ${r.name}`;
  const baseResources = new Map(base.resources.map((r) => [key(r), r]));
  const otherResources = new Map(other.resources.map((r) => [key(r), r]));
  const changed = [...otherResources].flatMap(([k, r]) => {
    const was = baseResources.get(k);
    if (!was) return [];
    const inputs = differingKeys(was.inputs, r.inputs);
    return inputs.length > 0 ? [{ resource: k, inputs }] : [];
  });
  const route = (r: PlanModel["routes"][number]) => `${r.pathPattern} -> ${r.origin}`;
  const rules = (m: PlanModel) => new Map(m.waf.rules.map((r) => [r.name, `${r.priority} ${r.words} (${r.wcu} WCU)`]));
  const baseRules = rules(base);
  const otherRules = rules(other);
  return {
    base: base.stack,
    other: other.stack,
    resources: { added: onlyIn(otherResources.keys(), baseResources), removed: onlyIn(baseResources.keys(), otherResources), changed },
    routes: { added: onlyIn(other.routes.map(route), new Set(base.routes.map(route))), removed: onlyIn(base.routes.map(route), new Set(other.routes.map(route))) },
    waf: {
      base: base.waf.summary[0] ?? "",
      other: other.waf.summary[0] ?? "",
      added: onlyIn(otherRules.keys(), baseRules).map((n) => `${n}: ${otherRules.get(n)}`),
      removed: onlyIn(baseRules.keys(), otherRules),
      changed: [...otherRules].filter(([n, words]) => baseRules.has(n) && baseRules.get(n) !== words).map(([n, words]) => `${n}: ${words}`),
    },
    shield: { added: onlyIn(other.shield, new Set(base.shield)), removed: onlyIn(base.shield, new Set(other.shield)) },
    cost: { baseUsd: base.cost.totalUsd, otherUsd: other.cost.totalUsd, differenceUsd: Math.round((other.cost.totalUsd - base.cost.totalUsd) * 100) / 100 },
  };
}

export function formatComparison(c: PlanComparison): string {
  const list = (title: string, items: readonly string[]) => (items.length === 0 ? [] : [`  ${title} (${items.length}):`, ...items.map((i) => `    ${i}`)]);
  // Resources by type, so a hundred new API Gateway children read as a few lines.
  const byType = (title: string, items: readonly string[]) => {
    const groups = new Map<string, string[]>();
    for (const item of items) {
      const [type, name] = item.split(" ");
      groups.set(type, [...(groups.get(type) ?? []), name]);
    }
    return list(title, [...groups].map(([type, names]) => `${type} x${names.length}: ${names.slice(0, 6).join(", ")}${names.length > 6 ? `, +${names.length - 6} more` : ""}`)).map((l, i) => (i === 0 ? l.replace(/\(\d+\):$/, `(${items.length}):`) : l));
  };
  return [
    `Stack "${c.other}" compared with "${c.base}"`,
    "",
    "Resources",
    ...byType(`only in ${c.other}`, c.resources.added),
    ...byType(`only in ${c.base}`, c.resources.removed),
    ...list("in both, with other inputs", c.resources.changed.map((ch) => `${ch.resource}: ${ch.inputs.join(", ")}`)),
    "",
    "Routes",
    ...list(`only in ${c.other}`, c.routes.added),
    ...list(`only in ${c.base}`, c.routes.removed),
    "",
    "WAF",
    `  ${c.base}: ${c.waf.base}`,
    `  ${c.other}: ${c.waf.other}`,
    ...list(`rules only in ${c.other}`, c.waf.added),
    ...list(`rules only in ${c.base}`, c.waf.removed),
    ...list("rules that differ", c.waf.changed),
    "",
    "Shield",
    ...list(`only in ${c.other}`, c.shield.added),
    ...list(`only in ${c.base}`, c.shield.removed),
    "",
    `Cost: USD ${c.cost.otherUsd.toFixed(2)}/month against USD ${c.cost.baseUsd.toFixed(2)} (${c.cost.differenceUsd >= 0 ? "+" : ""}${c.cost.differenceUsd.toFixed(2)})`,
  ].join("\n");
}

function onlyIn(items: Iterable<string>, other: { has(item: string): boolean }): string[] {
  return [...items].filter((i) => !other.has(i)).sort();
}

/** Top-level input keys whose values differ (tags and names included: they are what changes between stacks). */
function differingKeys(a: unknown, b: unknown): string[] {
  const left = (a ?? {}) as Record<string, unknown>;
  const right = (b ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k])).sort();
}
