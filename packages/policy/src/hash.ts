/** JSON with object keys sorted, so that key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function fnv1a32(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A 64-bit content hash (two FNV-1a passes), synchronous and identical in Node and browsers. It
 * identifies rule content for audit and caching; it is not a cryptographic signature.
 */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a32(text, 0x811c9dc5)) + hex(fnv1a32(text, 0x050c5d1f));
}
