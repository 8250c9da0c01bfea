import * as z from 'zod/mini';

// Every constraint here is a `refine`, which the bundle pays for once, instead of zod's int, regex,
// minLength and minimum checks, each of which adds its own code to the browser bundle. What a
// refine cannot tell JSON Schema is recorded as a hint for the editor's schema (json-schema.ts).

/** JSON Schema keywords for schemas whose constraints are refinements. */
export const jsonSchemaHints = z.registry<Record<string, unknown>>();

function hinted<T extends z.ZodMiniType>(schema: T, hint: Record<string, unknown>): T {
  jsonSchemaHints.add(schema, hint);
  return schema;
}

/** A whole number, at least `min`. */
export function wholeNumber(min: number): z.ZodMiniNumber<number> {
  return hinted(
    z.number().check(z.refine((n) => Number.isInteger(n) && n >= min, { message: `expected a whole number ≥ ${min}` })),
    { type: 'integer', minimum: min },
  );
}

/** A number from `min` to `max`. */
export function numberBetween(min: number, max: number): z.ZodMiniNumber<number> {
  return hinted(z.number().check(z.refine((n) => n >= min && n <= max, { message: `expected a number from ${min} to ${max}` })), {
    minimum: min,
    maximum: max,
  });
}

/** A string matching `pattern`, with the sentence to show when it does not. */
export function matching(pattern: RegExp, message: string): z.ZodMiniString<string> {
  return hinted(z.string().check(z.refine((s) => pattern.test(s), { message })), { pattern: pattern.source });
}

/** A string with at least one character. */
export function nonEmptyString(): z.ZodMiniString<string> {
  return hinted(z.string().check(z.refine((s) => s.length > 0, { message: 'expected a non-empty string' })), { minLength: 1 });
}

/** A list with at least one item. */
export function nonEmptyList<T extends z.ZodMiniType>(item: T): z.ZodMiniArray<T> {
  return hinted(z.array(item).check(z.refine((a) => a.length > 0, { message: 'expected at least 1 item' })), { minItems: 1 });
}
