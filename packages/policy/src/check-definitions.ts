import { FACT_CHECKS } from './fact-checks.js';
import { DATA_CHECKS, defineCheckIn, type CheckDefinition } from './named-checks.js';
import { RULE_FILE_CHECKS } from './rule-file-checks.js';

// Every refinement in Raincheck's schemas, by name. The zod schemas call them through checks.ts,
// which records the name and arguments on the zod check; compiled schemas (compiled-schema.ts)
// call them by that name, each schema with the table of the checks it names (named-checks.ts).
// One predicate and one sentence each, in both places.

export type { CheckDefinition } from './named-checks.js';

/** The named checks, each a factory taking the check's (JSON) arguments. */
export const CHECKS = { ...DATA_CHECKS, ...FACT_CHECKS, ...RULE_FILE_CHECKS };

/** The name of a check in {@link CHECKS}. */
export type CheckName = keyof typeof CHECKS;

/** A check as data: its name and arguments, e.g. `["wholeNumber", 0]`. */
export type CheckCall = { readonly [N in CheckName]: readonly [N, ...Parameters<(typeof CHECKS)[N]>] }[CheckName];

/** The definition a call names. */
export function defineCheck(call: CheckCall): CheckDefinition {
  return defineCheckIn(CHECKS, call);
}
