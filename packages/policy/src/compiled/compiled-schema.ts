import type { CheckCall } from '../check-definitions.js';
import { DATA_CHECKS, defineCheckIn, type CheckDefinition, type CheckTable } from '../named-checks.js';
import { typeSentence, unknownKeysSentence, valueSentence } from '../issue-sentences.js';
import {
  ABSENT,
  ACCESSOR,
  ACCESSOR_SENTENCE,
  HOLE_SENTENCE,
  isPlainArray,
  isPlainObject,
  MAX_JSON_DEPTH,
  notPlainSentence,
  ownField,
  TOO_DEEP_SENTENCE,
} from '../json-data.js';

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
  | {
      readonly type: 'object';
      readonly shape: Readonly<Record<string, CompiledNode>>;
      readonly checks?: readonly CheckCall[];
    }
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
export type Validated<T> =
  { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly SchemaIssue[] };

interface Found extends SchemaIssue {
  /** A type or value issue: the checks of every schema around it are skipped, as zod does. */
  readonly aborts: boolean;
}

/** One walk over a value: the issues found so far, and the checks the schema may name. */
interface Walk {
  readonly found: Found[];
  readonly checks: CheckTable;
}

// Each check is defined once per compiled call and reused: `matching` builds a RegExp.
const definitions = new WeakMap<CheckCall, CheckDefinition>();
function definitionOf(call: CheckCall, checks: CheckTable): CheckDefinition {
  let definition = definitions.get(call);
  if (!definition) definitions.set(call, (definition = defineCheckIn(checks, call)));
  return definition;
}

/** What an `unknown` holds inside an object or list: anything, as long as it is JSON data. */
const ANY: CompiledNode = { type: 'unknown' };

const push = ({ found }: Walk, path: readonly PropertyKey[], message: string, aborts = true) =>
  void found.push({ path, message, aborts });

/** Checks field `key` of `container` against `child`: its own data value; a getter or a hole is an issue, never read. */
function checkField(
  container: object,
  key: string | number,
  child: CompiledNode,
  path: readonly PropertyKey[],
  walk: Walk,
): void {
  const field = ownField(container, key);
  if (field === ABSENT || field === ACCESSOR)
    push(walk, [...path, key], field === ABSENT ? HOLE_SENTENCE : ACCESSOR_SENTENCE);
  else run(child, field, [...path, key], walk);
}

/** Checks every item of a list (holes included) or every own key of an object against `child`. */
function checkAll(container: object, child: CompiledNode, path: readonly PropertyKey[], walk: Walk): void {
  if (Array.isArray(container))
    for (let index = 0; index < container.length; index++) checkField(container, index, child, path, walk);
  else for (const key of Object.keys(container)) checkField(container, key, child, path, walk);
}

function run(node: CompiledNode, value: unknown, path: readonly PropertyKey[], walk: Walk): void {
  const { found } = walk;
  const start = found.length;
  switch (node.type) {
    case 'optional':
      if (value !== undefined) run(node.inner, value, path, walk);
      return;
    case 'nullable':
      if (value !== null) run(node.inner, value, path, walk);
      return;
    case 'string':
    case 'boolean':
      if (typeof value !== node.type) return push(walk, path, typeSentence(node.type, value));
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return push(walk, path, typeSentence('number', value));
      break;
    case 'enum':
      if (!node.values.includes(value as EnumValue)) return push(walk, path, valueSentence(node.values, value));
      break;
    case 'unknown':
      // What is inside is checked by the schemas it is later given to; here only that it is data.
      if (typeof value !== 'object' || value === null) break;
      if (!isPlainArray(value) && !isPlainObject(value)) return push(walk, path, notPlainSentence(value));
      // Recursion stops here, so no value can overflow the stack.
      if (path.length >= MAX_JSON_DEPTH) return push(walk, path, TOO_DEEP_SENTENCE);
      checkAll(value, ANY, path, walk);
      break;
    case 'array':
    case 'record':
      if (!(node.type === 'array' ? isPlainArray(value) : isPlainObject(value)))
        return push(walk, path, typeSentence(node.type, value));
      checkAll(value as object, node.type === 'array' ? node.item : node.value, path, walk);
      break;
    case 'object': {
      if (!isPlainObject(value)) return push(walk, path, typeSentence('object', value));
      for (const [key, child] of Object.entries(node.shape)) {
        if (ownField(value, key) !== ABSENT) checkField(value, key, child, path, walk);
        else if (child.type !== 'optional') {
          // An absent key is checked as undefined; when that passes (unknown), it is still required.
          const before = found.length;
          run(child, undefined, [...path, key], walk);
          if (found.length === before) push(walk, [...path, key], typeSentence('nonoptional', undefined));
        }
      }
      const unknown = Object.keys(value).filter((key) => !Object.hasOwn(node.shape, key));
      if (unknown.length > 0) push(walk, path, unknownKeysSentence(unknown), false);
      break;
    }
  }
  if (!node.checks) return;
  for (let i = start; i < found.length; i++) if (found[i]!.aborts) return;
  for (const call of node.checks) {
    const check = definitionOf(call, walk.checks);
    if (!(check.test as (v: unknown) => boolean)(value))
      push(walk, [...path, ...(check.path ?? [])], check.message, false);
  }
}

/**
 * Checks `value` against a compiled schema: every issue, as the zod schema it came from would find
 * on JSON data. `value` is read as JSON data: objects and lists must be plain, only own enumerable
 * data fields count (an inherited field is absent, a getter or a hole is an issue, never run), and
 * inside an `unknown` nesting stops at `MAX_JSON_DEPTH` (100) levels, so recursion is bounded.
 * @param checks the named checks the schema may call: by default those of the host API contract,
 * which facts and rule files share (their own are `FACT_CHECKS` and `RULE_FILE_CHECKS`, added to these).
 * @throws TypeError when the schema names a check `checks` does not hold.
 */
export function validate<T>(schema: CompiledSchema<T>, value: unknown, checks: CheckTable = DATA_CHECKS): Validated<T> {
  const found: Found[] = [];
  run(schema, value, [], { found, checks });
  return found.length === 0
    ? { success: true, data: value as T }
    : { success: false, issues: found.map(({ path, message }) => ({ path, message })) };
}
