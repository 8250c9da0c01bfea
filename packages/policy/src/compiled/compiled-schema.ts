import { defineCheck, type CheckCall, type CheckDefinition } from '../check-definitions.js';
import { typeSentence, unknownKeysSentence, valueSentence } from '../issue-sentences.js';
import { ABSENT, ACCESSOR, ACCESSOR_SENTENCE, HOLE_SENTENCE, isPlainArray, isPlainObject, ownField, structureIssues } from '../json-data.js';

// A compiled schema is one of Raincheck's zod schemas written out as plain data (compile.ts does it
// at build time), so a browser can check data without zod's runtime: this file is all it needs.
// It accepts and refuses exactly what the zod schema does, with the same sentences, in the same
// order (a node test compares the two on every fixture and on broken copies of them).
//
// It reads values as JSON data (json-data.ts), as zod does not: an object or list must be plain
// and only its own enumerable data fields count, so an inherited field, a getter or a hole is an
// issue, and so is nesting past MAX_JSON_DEPTH inside an `unknown`. On JSON data, which is all a
// zod schema is used on, the two agree.

/** A scalar an enum or literal allows. */
export type EnumValue = string | number | boolean | null;

/** A schema as data. Objects are strict: a key the schema does not name is an issue. */
export type CompiledNode =
  | { readonly type: 'string' | 'number' | 'boolean' | 'unknown'; readonly checks?: readonly CheckCall[] }
  | { readonly type: 'enum'; readonly values: readonly EnumValue[]; readonly checks?: readonly CheckCall[] }
  | { readonly type: 'object'; readonly shape: Readonly<Record<string, CompiledNode>>; readonly checks?: readonly CheckCall[] }
  | { readonly type: 'array'; readonly item: CompiledNode; readonly checks?: readonly CheckCall[] }
  | { readonly type: 'record'; readonly value: CompiledNode; readonly checks?: readonly CheckCall[] }
  | { readonly type: 'optional' | 'nullable'; readonly inner: CompiledNode };

/** A compiled schema whose valid values are `T` (a type only: nothing at run time). */
export type CompiledSchema<T> = CompiledNode & { readonly __output?: T };

/** One problem with a value: where, from the value's root, and what was expected. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What {@link validate} found. `data` is the value itself: compiled schemas never transform. */
export type Validated<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly SchemaIssue[] };

interface Found extends SchemaIssue {
  /** A type or value issue: the checks of every schema around it are skipped, as zod does. */
  readonly aborts: boolean;
}

// Each check is defined once per compiled call and reused: `matching` builds a RegExp.
const definitions = new WeakMap<CheckCall, CheckDefinition>();
function definitionOf(call: CheckCall): CheckDefinition {
  let definition = definitions.get(call);
  if (!definition) definitions.set(call, (definition = defineCheck(call)));
  return definition;
}

function run(node: CompiledNode, value: unknown, path: readonly PropertyKey[], found: Found[]): void {
  const start = found.length;
  const typeIssue = (expected: string) => found.push({ path, message: typeSentence(expected, value), aborts: true });
  switch (node.type) {
    case 'optional':
      if (value !== undefined) run(node.inner, value, path, found);
      return;
    case 'nullable':
      if (value !== null) run(node.inner, value, path, found);
      return;
    case 'string':
    case 'boolean':
      if (typeof value !== node.type) return void typeIssue(node.type);
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return void typeIssue('number');
      break;
    case 'enum':
      if (!node.values.includes(value as EnumValue)) return void found.push({ path, message: valueSentence(node.values, value), aborts: true });
      break;
    case 'unknown':
      // What is inside is checked by the schemas it is later given to; here only that it is data.
      for (const issue of structureIssues(value, path)) found.push({ ...issue, aborts: true });
      break;
    case 'array':
      if (!isPlainArray(value)) return void typeIssue('array');
      for (let index = 0; index < value.length; index++) {
        const item = ownField(value, index);
        if (item === ABSENT || item === ACCESSOR) found.push({ path: [...path, index], message: item === ABSENT ? HOLE_SENTENCE : ACCESSOR_SENTENCE, aborts: true });
        else run(node.item, item, [...path, index], found);
      }
      break;
    case 'record':
      if (!isPlainObject(value)) return void typeIssue('record');
      for (const key of Object.keys(value)) {
        const field = ownField(value, key);
        if (field === ACCESSOR) found.push({ path: [...path, key], message: ACCESSOR_SENTENCE, aborts: true });
        else run(node.value, field, [...path, key], found);
      }
      break;
    case 'object': {
      if (!isPlainObject(value)) return void typeIssue('object');
      for (const [key, child] of Object.entries(node.shape)) {
        const field = ownField(value, key);
        if (field !== ABSENT && field !== ACCESSOR) {
          run(child, field, [...path, key], found);
        } else if (field === ACCESSOR) {
          found.push({ path: [...path, key], message: ACCESSOR_SENTENCE, aborts: true });
        } else if (child.type !== 'optional') {
          // An absent key is checked as undefined; when that passes (unknown), it is still required.
          const before = found.length;
          run(child, undefined, [...path, key], found);
          if (found.length === before) found.push({ path: [...path, key], message: typeSentence('nonoptional', undefined), aborts: true });
        }
      }
      const unknown = Object.keys(value).filter((key) => !Object.hasOwn(node.shape, key));
      if (unknown.length > 0) found.push({ path, message: unknownKeysSentence(unknown), aborts: false });
      break;
    }
  }
  if (!node.checks) return;
  for (let i = start; i < found.length; i++) if (found[i]!.aborts) return;
  for (const call of node.checks) {
    const check = definitionOf(call);
    if (!(check.test as (v: unknown) => boolean)(value)) found.push({ path: [...path, ...(check.path ?? [])], message: check.message, aborts: false });
  }
}

/**
 * Checks `value` against a compiled schema: every issue, as the zod schema it came from would find
 * on JSON data. `value` is read as JSON data: objects and lists must be plain, only own enumerable
 * data fields count (an inherited field is absent, a getter or a hole is an issue, never run), and
 * inside an `unknown` nesting stops at `MAX_JSON_DEPTH` (100) levels, walked without recursion.
 */
export function validate<T>(schema: CompiledSchema<T>, value: unknown): Validated<T> {
  const found: Found[] = [];
  run(schema, value, [], found);
  return found.length === 0 ? { success: true, data: value as T } : { success: false, issues: found.map(({ path, message }) => ({ path, message })) };
}
