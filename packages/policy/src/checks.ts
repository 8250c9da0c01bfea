import * as z from 'zod/mini';
import { defineCheck, type CheckCall } from './check-definitions.js';

// Every constraint here is a named check (check-definitions.ts) applied as a zod `refine`, instead
// of zod's int, regex, minLength and minimum checks: compiled schemas can call it by name, and what
// a refine cannot tell JSON Schema is recorded as a hint for the editor's schema (json-schema.ts).

/** JSON Schema keywords for schemas whose constraints are refinements. */
export const jsonSchemaHints = z.registry<Record<string, unknown>>();

/**
 * A zod refine running the named check; the call is kept in the check's `params.check`, where the
 * schema compiler reads it (and zod copies it onto the issue).
 */
export function namedCheck<T>(...call: CheckCall): z.core.$ZodCheck<T> {
  const { test, message, path } = defineCheck(call);
  return z.refine<T>(test as (value: T) => boolean, {
    message,
    ...(path ? { path: [...path] } : {}),
    params: { check: call },
  });
}

function hinted<T extends z.ZodMiniType>(schema: T, hint: Record<string, unknown>): T {
  jsonSchemaHints.add(schema, hint);
  return schema;
}

/** A whole number, at least `min` (and at most `max`, when given). */
export function wholeNumber(min: number, max?: number): z.ZodMiniNumber<number> {
  const check = max === undefined ? namedCheck('wholeNumber', min) : namedCheck('wholeNumber', min, max);
  return hinted(z.number().check(check), {
    type: 'integer',
    minimum: min,
    ...(max === undefined ? {} : { maximum: max }),
  });
}

/** A number from `min` to `max`. */
export function numberBetween(min: number, max: number): z.ZodMiniNumber<number> {
  return hinted(z.number().check(namedCheck('numberBetween', min, max)), { minimum: min, maximum: max });
}

/** A string matching `pattern` (no flags), with the sentence to show when it does not. */
export function matching(pattern: RegExp, message: string): z.ZodMiniString<string> {
  if (pattern.flags !== '') throw new TypeError(`matching(${String(pattern)}): flags are not supported`);
  return hinted(z.string().check(namedCheck('matching', pattern.source, message)), { pattern: pattern.source });
}

/** A string with at least one character. */
export function nonEmptyString(): z.ZodMiniString<string> {
  return hinted(z.string().check(namedCheck('nonEmptyString')), { minLength: 1 });
}

/** A list with at least one item. */
export function nonEmptyList<T extends z.ZodMiniType>(item: T): z.ZodMiniArray<T> {
  return hinted(z.array(item).check(namedCheck('nonEmptyList')), { minItems: 1 });
}
