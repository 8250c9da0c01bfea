import { ABSENT, ACCESSOR, describeObject, isPlainArray, isPlainObject, MAX_JSON_DEPTH, ownField } from './json-data.js';
import { jsonPath } from './validation-issue.js';

/** Where a value sits, as a chain of keys up to the root: built into a path only for errors. */
interface Place {
  readonly key: string | number;
  readonly parent: Place | undefined;
}

/** Why a value has no canonical JSON: what and where. */
function notJson(place: Place | undefined, what: string): TypeError {
  const path: (string | number)[] = [];
  for (let at = place; at !== undefined; at = at.parent) path.unshift(at.key);
  return new TypeError(`not JSON data at ${jsonPath(path)}: ${what}`);
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON with object keys sorted, so that key order never changes a hash. Only JSON data has one:
 * NaN, ±Infinity, undefined in a list, functions, symbols, bigints, class instances, getters,
 * holes and inherited fields are refused instead of written as `null` or left out, so two values
 * that are read differently never share a text (and a hash). An object field that is `undefined`
 * is left out, as JSON does: it is absent. `-0` is written `0`, which every comparison treats alike.
 * Recursive only to {@link MAX_JSON_DEPTH} levels: deeper values are refused, never overflow the stack.
 * @throws TypeError naming the JSON path of the first value that is not JSON data.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, undefined, undefined, 0, out);
  return out.join('');
}

const placeOf = (key: string | number | undefined, parent: Place | undefined): Place | undefined => (key === undefined ? parent : { key, parent });

/** Writes `v`, found at `key` of the value at `parent`, to `out`. Places are built for containers (their children's parent) and errors. */
function write(v: unknown, key: string | number | undefined, parent: Place | undefined, depth: number, out: string[]): void {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return void out.push(JSON.stringify(v));
    case 'number':
      if (!Number.isFinite(v)) throw notJson(placeOf(key, parent), `${String(v)} is not a JSON number`);
      return void out.push(JSON.stringify(v));
    case 'object':
      break;
    default:
      throw notJson(placeOf(key, parent), `${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`} is not a JSON value`);
  }
  if (v === null) return void out.push('null');
  const place = placeOf(key, parent);
  if (depth >= MAX_JSON_DEPTH) throw notJson(place, `nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (isPlainArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      const item = ownField(v, i);
      if (item === ABSENT || item === ACCESSOR) throw notJson({ key: i, parent: place }, item === ABSENT ? 'a hole in a sparse list' : 'a getter');
      if (i > 0) out.push(',');
      write(item, i, place, depth + 1, out);
    }
    return void out.push(']');
  }
  if (!isPlainObject(v)) throw notJson(place, `${describeObject(v)} is not JSON data`);
  out.push('{');
  let first = true;
  for (const k of Object.keys(v).sort(byCodeUnit)) {
    const field = ownField(v, k);
    if (field === ACCESSOR) throw notJson({ key: k, parent: place }, 'a getter');
    if (field === undefined) continue;
    out.push(first ? '' : ',', JSON.stringify(k), ':');
    first = false;
    write(field, k, place, depth + 1, out);
  }
  out.push('}');
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
 * A 64-bit content hash (two FNV-1a passes) of {@link canonicalJson}, synchronous and identical in
 * Node and browsers. It identifies rule content for audit and caching; it is not a cryptographic
 * signature.
 * @throws TypeError when `value` is not JSON data (see {@link canonicalJson}).
 */
export function contentHash(value: unknown): string {
  return textHash(canonicalJson(value));
}

/** The {@link contentHash} of a value whose canonical JSON is `text`. */
export function textHash(text: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a32(text, 0x811c9dc5)) + hex(fnv1a32(text, 0x050c5d1f));
}
