/**
 * @raincheck/policy/decide — deciding with rule files already validated, without the validator:
 * {@link vouchedRuleFiles} checks the files are the ones a host validated (by their policy hash),
 * {@link createValidatedPolicy} builds the policy, and {@link vouchedPolicy} does both, hashing the files once. What a widget loads to decide; rules nobody has
 * vouched for go through `@raincheck/policy/rule-files` (or `createPolicy`) first.
 * @packageDocumentation
 */
export { createValidatedPolicy, vouchedPolicy } from './policy.js';
export type { EvaluateOptions, Policy, PolicyOptions, PolicyRule, RuleFileSources } from './policy.js';
export { vouchedRuleFiles } from './vouched-rule-files.js';
export { deriveFacts } from './derived-facts.js';
