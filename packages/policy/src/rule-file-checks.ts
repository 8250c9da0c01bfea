import type { CheckTable } from './named-checks.js';

/** A JSON scalar: numbers are finite (NaN and ±Infinity have no JSON form; JSON.stringify writes null). */
const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/** The checks only rule files name. */
export const RULE_FILE_CHECKS = {
  /** A number from `min` to `max`. */
  numberBetween: (min: number, max: number) => ({
    test: (n: number) => n >= min && n <= max,
    message: `expected a number from ${min} to ${max}`,
  }),
  nonEmptyList: () => ({ test: (a: readonly unknown[]) => a.length > 0, message: 'expected at least 1 item' }),
  /** A value a rule condition may compare with: a scalar or a list of scalars. */
  conditionValue: () => ({
    test: (v: unknown) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)),
    message: 'expected a string, a finite number, a boolean or null, or a list of them',
  }),
} satisfies CheckTable;
