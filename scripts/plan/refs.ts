import type { RecordedResource } from "../../test/support/mocks";

/**
 * Names recorded resources by what other resources hold of them: the mock runtime answers a resource's id
 * as `<name>-id`, its name as `<name>` and ARNs ending in `/<name>` or `:<name>`, so an input that refers to a
 * resource can be shown as the resource it is.
 */
export function resourceNamer(resources: readonly RecordedResource[]): (ref: unknown) => string {
  const names = new Set(resources.map((r) => r.name));
  return (ref) => {
    if (typeof ref !== "string") return JSON.stringify(ref);
    if (names.has(ref)) return ref;
    if (ref.endsWith("-id") && names.has(ref.slice(0, -3))) return ref.slice(0, -3);
    const tail = /[/:]([^/:]+?)(?::\d+)?$/.exec(ref)?.[1];
    return tail && names.has(tail) ? tail : ref;
  };
}

/** The recorded resources of one type token. */
export function ofType(resources: readonly RecordedResource[], type: string): RecordedResource[] {
  return resources.filter((r) => r.type === type);
}
