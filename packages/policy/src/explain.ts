import type { ConditionExplanation } from './decision.js';
import type { Condition } from './rule-file-schema.js';
import type { FactName } from './fact-catalog.js';

/** The evaluated condition tree json-rules-engine leaves on a rule result. */
export interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  factResult?: unknown;
  result?: boolean;
}

/**
 * Pairs a rule's conditions with the engine's evaluation of them. Conditions the engine skipped
 * (an `all` already failed) get `passed: null`, but still show the value they would have met.
 */
export function explainCondition(
  condition: Condition,
  evaluated: EvaluatedCondition | undefined,
  actualValue: (fact: FactName, path: string | undefined, days: number | undefined) => unknown,
  /** The root's result: json-rules-engine records the rule's, not the root group's. */
  rootPassed?: boolean,
): ConditionExplanation {
  const passed = typeof evaluated?.result === 'boolean' ? evaluated.result : (rootPassed ?? null);
  if ('all' in condition) {
    return {
      kind: 'all',
      passed,
      conditions: condition.all.map((c, i) => explainCondition(c, evaluated?.all?.[i], actualValue)),
    };
  }
  if ('any' in condition) {
    return {
      kind: 'any',
      passed,
      conditions: condition.any.map((c, i) => explainCondition(c, evaluated?.any?.[i], actualValue)),
    };
  }
  if ('not' in condition) {
    return { kind: 'not', passed, conditions: [explainCondition(condition.not, evaluated?.not, actualValue)] };
  }
  return {
    kind: 'fact',
    fact: condition.fact,
    ...(condition.path !== undefined ? { path: condition.path } : {}),
    ...(condition.params !== undefined ? { params: condition.params } : {}),
    operator: condition.operator,
    expected: condition.value,
    actual:
      passed === null ? actualValue(condition.fact, condition.path, condition.params?.days) : evaluated?.factResult,
    passed,
  };
}
