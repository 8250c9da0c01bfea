import { isIsoDateOrInstant, isIsoInstant, isTimeZone } from './time-formats.js';

// Every refinement in Raincheck's schemas, by name. The zod schemas call them through checks.ts,
// which records the name and arguments on the zod check; compiled schemas (compiled-schema.ts)
// call them by that name. One predicate and one sentence each, in both places.

/** A predicate and the sentence to show when it fails; `path` places the issue below the value. */
export interface CheckDefinition {
  readonly test: (value: never) => boolean;
  readonly message: string;
  readonly path?: readonly string[];
}

/** A JSON scalar: numbers are finite (NaN and ±Infinity have no JSON form; JSON.stringify writes null). */
const isScalar = (v: unknown) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/** The named checks, each a factory taking the check's (JSON) arguments. */
export const CHECKS = {
  /** A whole number, at least `min`. */
  wholeNumber: (min: number) => ({ test: (n: number) => Number.isInteger(n) && n >= min, message: `expected a whole number ≥ ${min}` }),
  /** A number from `min` to `max`. */
  numberBetween: (min: number, max: number) => ({ test: (n: number) => n >= min && n <= max, message: `expected a number from ${min} to ${max}` }),
  /** A string matching the regular expression `source` (no flags). */
  matching: (source: string, message: string) => {
    const pattern = new RegExp(source);
    return { test: (s: string) => pattern.test(s), message };
  },
  nonEmptyString: () => ({ test: (s: string) => s.length > 0, message: 'expected a non-empty string' }),
  nonEmptyList: () => ({ test: (a: readonly unknown[]) => a.length > 0, message: 'expected at least 1 item' }),
  isoInstant: () => ({ test: isIsoInstant, message: 'expected an ISO 8601 date-time with an offset, e.g. 2027-03-28T10:00:00+01:00' }),
  isoDateOrInstant: () => ({
    test: isIsoDateOrInstant,
    message: 'expected a date (2027-03-28) or an ISO 8601 date-time with an offset',
  }),
  timeZone: () => ({ test: isTimeZone, message: 'expected an IANA time zone, e.g. Europe/London' }),
  /** A value a rule condition may compare with: a scalar or a list of scalars. */
  conditionValue: () => ({
    test: (v: unknown) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)),
    message: 'expected a string, a finite number, a boolean or null, or a list of them',
  }),
  /** On an object: `key` must be present unless its `action` is `exceptAction`. */
  requiredUnlessAction: (key: string, exceptAction: string) => ({
    // Own fields only: a field inherited from a polluted Object.prototype is not given.
    test: (o: Readonly<Record<string, unknown>>) => (Object.hasOwn(o, 'action') && o.action === exceptAction) || (Object.hasOwn(o, key) && o[key] !== undefined),
    path: [key],
    message: `required for every action but ${JSON.stringify(exceptAction)}`,
  }),
} satisfies Record<string, (...args: never[]) => CheckDefinition>;

/** The name of a check in {@link CHECKS}. */
export type CheckName = keyof typeof CHECKS;

/** A check as data: its name and arguments, e.g. `["wholeNumber", 0]`. */
export type CheckCall = { readonly [N in CheckName]: readonly [N, ...Parameters<(typeof CHECKS)[N]>] }[CheckName];

/** The definition a call names. */
export function defineCheck(call: CheckCall): CheckDefinition {
  const [name, ...args] = call;
  // A name from data (a compiled schema): only the checks declared here, never Object.prototype's.
  if (!Object.hasOwn(CHECKS, name)) throw new TypeError(`unknown check ${JSON.stringify(name)}`);
  return (CHECKS[name] as (...a: unknown[]) => CheckDefinition)(...args);
}
