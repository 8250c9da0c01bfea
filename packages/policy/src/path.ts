/**
 * Reads `a.b.c` from a value, own properties only. This replaces json-rules-engine's JSONPath
 * resolver: a rule file's path can name data but never evaluate anything.
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
