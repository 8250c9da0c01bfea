import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { issuesAt, validate, type CompiledSchema } from '../../src/validation.js';
import { toValidationIssues } from '../../src/errors.js';
import { DATA_CHECKS, type CheckTable } from '../../src/named-checks.js';

// Compiled schemas must accept and refuse exactly what their zod schemas do, with the same words at
// the same paths. These helpers break valid values one place at a time and compare the two verdicts.

const REPLACEMENTS: readonly unknown[] = [
  undefined,
  null,
  0,
  -0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  true,
  [],
  {},
  ['x'],
  [Number.NaN],
  { extra: 1 },
  // Impossible dates and instants: the shared time checks must refuse them in both.
  '2027-02-30',
  '2027-04-31',
  '2027-06-01T10:00:00+24:00',
  '2027-06-01T10:00:00+01:60',
  '2027-06-01T24:00:00Z',
  '2027-06-30T23:59:60Z',
];

/** `value` with the thing at `path` replaced (or deleted, for `undefined` in an object). */
function replaced(value: unknown, path: readonly PropertyKey[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return (value as unknown[]).map((item, i): unknown => (i === head ? replaced(item, rest, replacement) : item));
  const entries = Object.entries(value as object).map(([key, child]): [string, unknown] => [
    key,
    key === head ? replaced(child, rest, replacement) : child,
  ]);
  return Object.fromEntries(
    entries.filter(([key, child]) => !(key === head && child === undefined && rest.length === 0)),
  );
}

function* paths(value: unknown, at: PropertyKey[] = []): Generator<PropertyKey[]> {
  yield at;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* paths(value[i], [...at, i]);
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) yield* paths(child, [...at, key]);
}

/**
 * Copies of `value` broken in one place each: every node replaced by values of other types, deleted,
 * given an unknown key (with and without each of its own keys), and every list given a foreign item.
 */
export function* brokenCopies(value: unknown): Generator {
  for (const path of paths(value)) {
    for (const replacement of REPLACEMENTS) yield replaced(value, path, replacement);
    const node = path.reduce((v, key) => (v as Record<PropertyKey, unknown>)[key], value);
    if (Array.isArray(node)) yield replaced(value, path, [...node, 42]);
    else if (typeof node === 'object' && node !== null) {
      yield replaced(value, path, { ...node, unexpected: true });
      // Two mistakes in one object: an unknown key does not stop the object's own checks, a missing one does.
      for (const key of Object.keys(node)) {
        const { [key]: _removed, ...rest } = node as Record<string, unknown>;
        yield replaced(value, path, { ...rest, unexpected: true });
      }
    }
  }
}

/**
 * Asserts that the compiled and the zod schema agree on every value: success, or the same issues.
 * `checks` is the table the compiled schema is validated with where it is used: the host API
 * contract's by default, as the host client validates.
 */
export function assertSameVerdicts<T>(
  compiled: CompiledSchema<T>,
  zod: z.ZodMiniType,
  values: Iterable<unknown>,
  label: string,
  checks: CheckTable = DATA_CHECKS,
): number {
  let compared = 0;
  for (const value of values) {
    const ours = validate(compiled, value, checks);
    const theirs = zod.safeParse(value, { reportInput: true });
    const expected = theirs.success ? [] : toValidationIssues(label, theirs.error.issues);
    const actual = ours.success ? [] : issuesAt(label, ours.issues);
    assert.deepEqual(actual, expected, `${label}: ${JSON.stringify(value)}`);
    compared++;
  }
  return compared;
}
