import {
  ABSENT,
  ACCESSOR,
  describeObject,
  isPlainArray,
  isPlainObject,
  MAX_JSON_DEPTH,
  ownField,
} from './json-data.js';
import { jsonPath } from './validation-issue.js';

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
  // Where the value being written sits: one array, pushed and popped, so a path is built only for an error.
  const path: (string | number)[] = [];
  const refuse = (what: string): never => {
    throw new TypeError(`not JSON data at ${jsonPath(path)}: ${what}`);
  };
  const write = (v: unknown): void => {
    if (typeof v === 'number' && !Number.isFinite(v)) refuse(`${v} is not a JSON number`);
    if (typeof v !== 'object' || v === null) {
      if (!['string', 'number', 'boolean', 'object'].includes(typeof v))
        refuse(`${v === undefined ? 'undefined' : `a ${typeof v}`} is not a JSON value`);
      return void out.push(JSON.stringify(v));
    }
    if (path.length >= MAX_JSON_DEPTH) refuse(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    const list = isPlainArray(v);
    if (!list && !isPlainObject(v)) refuse(`${describeObject(v)} is not JSON data`);
    // Keys sorted by UTF-16 code units (sort's default order for strings).
    const keys = list ? Array.from({ length: v.length }, (_, i) => i) : Object.keys(v).sort();
    let first = true;
    out.push(list ? '[' : '{');
    for (const key of keys) {
      path.push(key);
      const field = ownField(v, key);
      if (field === ACCESSOR) refuse('a getter');
      if (list && field === ABSENT) refuse('a hole in a sparse list');
      if (list || (field !== undefined && field !== ABSENT)) {
        out.push(first ? '' : ',', list ? '' : `${JSON.stringify(key)}:`);
        first = false;
        write(field);
      }
      path.pop();
    }
    out.push(list ? ']' : '}');
  };
  write(value);
  return out.join('');
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
