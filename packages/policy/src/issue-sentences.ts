// The sentences for type, value and key issues, in the words a rule author understands; zod's
// issues (errors.ts) and compiled schemas (compiled/validate.ts) both use them, so Node and the
// browser report a mistake the same way. Refinements carry their own sentences (check-definitions.ts).
import { describeObject } from './json-data.js';

/** What a value is, for "got …": short, and never the whole of a long string. */
export function received(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'object') return describeObject(input);
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  if (typeof input === 'bigint') return `bigint ${String(input)}n`;
  // A function or a symbol: its source or description is no help in a message.
  return typeof input;
}

/** A value of the wrong type, or a required one missing (`expected` is zod's name for the type). */
export function typeSentence(expected: string, input: unknown): string {
  if (expected === 'nonoptional') return 'required';
  return input === undefined ? `required: expected ${expected}` : `expected ${expected}, got ${received(input)}`;
}

/** A value that is none of the allowed ones. */
export function valueSentence(values: readonly unknown[], input: unknown): string {
  const allowed = values.map((v) => JSON.stringify(v)).join(' | ');
  return input === undefined ? `required: expected ${allowed}` : `expected ${allowed}, got ${received(input)}`;
}

/** Keys an object must not have. */
export function unknownKeysSentence(keys: readonly string[]): string {
  return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
}
