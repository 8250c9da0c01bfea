// What counts as JSON data when a value is checked (compiled-schema.ts) or hashed (hash.ts): plain
// objects and arrays, read through their own enumerable data fields only. Inherited fields, getters
// and holes are refused rather than read: a getter can answer the check one way and the engine
// another, and a copy (structuredClone, JSON) drops inherited fields the check has seen.

/** How deeply any checked or hashed value may nest objects and arrays. Walks stop there, so no input can overflow the stack. */
export const MAX_JSON_DEPTH = 100;

/** An object JSON could have produced: its prototype is `Object.prototype` (of any realm) or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  // Another realm's Object.prototype (an iframe's) has a null prototype and its own hasOwnProperty.
  return (
    prototype === null ||
    prototype === Object.prototype ||
    (Object.getPrototypeOf(prototype) === null && Object.hasOwn(prototype, 'hasOwnProperty'))
  );
}

/** An array JSON could have produced: not a subclass (`Array.prototype` is itself an array). */
export function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Array.isArray(Object.getPrototypeOf(value));
}

/** {@link ownField}'s answer for a field that is not there (inherited, hidden or a hole). */
export const ABSENT: unique symbol = Symbol('absent');
/** {@link ownField}'s answer for a field that is a getter or setter. */
export const ACCESSOR: unique symbol = Symbol('accessor');

/**
 * `key` of `container` as JSON data sees it: its own enumerable data value, else {@link ABSENT}
 * (inherited, not enumerable, a hole) or {@link ACCESSOR}. Never runs a getter.
 */
export function ownField(container: object, key: string | number): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  if (descriptor === undefined || !descriptor.enumerable) return ABSENT;
  return 'value' in descriptor ? descriptor.value : ACCESSOR;
}

/** The sentence for a field that is a getter or setter. */
export const ACCESSOR_SENTENCE = 'expected a plain value, got a getter (only own data fields count)';
/** The sentence for a missing item of a sparse array. */
export const HOLE_SENTENCE = 'expected a value, got a hole in a sparse list';
/** The sentence for a value nested deeper than {@link MAX_JSON_DEPTH}. */
export const TOO_DEEP_SENTENCE = `nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and lists are allowed`;

/** What an object that JSON could not have produced is, in a sentence. */
export function notPlainSentence(value: object): string {
  return `expected a plain object or list, got ${describeObject(value)}`;
}

/** `a Date`, `an instance of Booking`, `an object that inherits its fields`: for messages. */
export function describeObject(value: object): string {
  if (Array.isArray(value)) return isPlainArray(value) ? 'an array' : 'an instance of an Array subclass';
  if (isPlainObject(value)) return 'an object';
  const prototype = Object.getPrototypeOf(value) as object;
  const constructor = Object.hasOwn(prototype, 'constructor')
    ? (prototype as { constructor?: unknown }).constructor
    : undefined;
  if (typeof constructor === 'function' && constructor.name !== '' && constructor.name !== 'Object') {
    return constructor.name === 'Date' ? 'a Date' : `an instance of ${constructor.name}`;
  }
  return 'an object that inherits its fields (only own fields count)';
}
