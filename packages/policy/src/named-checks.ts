import { isIsoDateOrInstant, isIsoInstant, isTimeZone } from './time-formats.js';

// Every refinement in Raincheck's schemas, by name, in three tables by the schemas that name them,
// each in its own module so a page loads only the checks of the data it checks: the host API
// contract's (which facts and rule files share) here, with every compiled schema; the facts' own
// (fact-checks.ts) with the decision; the rule files' own (rule-file-checks.ts) with the validator.
// check-definitions.ts joins them for zod and the schema compiler.

/** A predicate and the sentence to show when it fails; `path` places the issue below the value. */
export interface CheckDefinition {
  readonly test: (value: never) => boolean;
  readonly message: string;
  readonly path?: readonly string[];
}

/** Named checks, each a factory taking the check's (JSON) arguments. */
export type CheckTable = Readonly<Record<string, (...args: never[]) => CheckDefinition>>;

/** The checks of every kind of data: the host API contract's, which facts and rule files use too. */
export const DATA_CHECKS = {
  /** A whole number, at least `min` (and at most `max`, when given). */
  wholeNumber: (min: number, max?: number) => ({
    test: (n: number) => Number.isInteger(n) && n >= min && (max === undefined || n <= max),
    message: max === undefined ? `expected a whole number ≥ ${min}` : `expected a whole number from ${min} to ${max}`,
  }),
  /** A string matching the regular expression `source` (no flags). */
  matching: (source: string, message: string) => {
    const pattern = new RegExp(source);
    return { test: (s: string) => pattern.test(s), message };
  },
  nonEmptyString: () => ({ test: (s: string) => s.length > 0, message: 'expected a non-empty string' }),
  isoInstant: () => ({
    test: isIsoInstant,
    message: 'expected an ISO 8601 date-time with an offset, e.g. 2027-03-28T10:00:00+01:00',
  }),
  isoDateOrInstant: () => ({
    test: isIsoDateOrInstant,
    message: 'expected a date (2027-03-28) or an ISO 8601 date-time with an offset',
  }),
  timeZone: () => ({ test: isTimeZone, message: 'expected an IANA time zone, e.g. Europe/London' }),
} satisfies CheckTable;

/**
 * The definition `[name, ...args]` names in `table`.
 * @throws TypeError for a name the table does not declare (never one of Object.prototype's).
 */
export function defineCheckIn(table: CheckTable, [name, ...args]: readonly [string, ...unknown[]]): CheckDefinition {
  // A name from data (a compiled schema): only the checks declared here.
  if (!Object.hasOwn(table, name)) throw new TypeError(`unknown check ${JSON.stringify(name)}`);
  return (table[name] as (...a: unknown[]) => CheckDefinition)(...args);
}
