/**
 * `map.get(key)` for a key the plan guarantees. The planner builds every map from the same plan, so a
 * missing key is a bug in this module: it fails at once, naming the key and the keys there are,
 * instead of passing `undefined` on to a resource input.
 */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) {
    const known = [...map.keys()].map((k) => JSON.stringify(k)).join(", ");
    throw new Error(`private integration internal error: no ${what} ${JSON.stringify(key)} in the plan (known: ${known || "none"})`);
  }
  return value;
}
