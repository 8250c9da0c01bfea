import type { Condition, FactCondition } from './rule-file-schema.js';

/** The first fact comparison in a condition tree that passes `test`, depth first. */
export function findFactCondition(
  condition: Condition,
  test: (c: FactCondition) => boolean,
): FactCondition | undefined {
  if ('all' in condition || 'any' in condition) {
    for (const c of 'all' in condition ? condition.all : condition.any) {
      const found = findFactCondition(c, test);
      if (found) return found;
    }
    return undefined;
  }
  if ('not' in condition) return findFactCondition(condition.not, test);
  return test(condition) ? condition : undefined;
}
