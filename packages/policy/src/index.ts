/**
 * @raincheck/policy — rule files, facts and explained decisions. Runs unchanged in Node and in
 * browsers: no DOM, no fetch, nothing happens at import time, and no zod at run time (rule files
 * and facts are checked with compiled schemas). The zod schemas themselves are in
 * `@raincheck/policy/schemas`; tools for rule authors (JSON Schema, fixtures, text explanations,
 * the schema compiler) in `@raincheck/policy/authoring`.
 * @packageDocumentation
 */
export { createPolicy } from './create-policy.js';
export { createValidatedPolicy, vouchedPolicy } from './policy.js';
export { vouchedRuleFiles } from './vouched-rule-files.js';
export { validateRuleFiles } from './validate-rule-files.js';
export type { EvaluateOptions, Policy, PolicyOptions, PolicyRule, RuleFileSources } from './policy.js';
export type * from './decision.js';
export * from './validation.js';
export * from './vocabulary.js';
export * from './fact-catalog.js';
export type {
  Facts,
  SessionFacts,
  ClientFacts,
  TherapistFacts,
  HistoryEntry,
  RequestFacts,
  Money,
} from './facts-schema.js';
export { validateRuleFile, MAX_CONDITION_DEPTH } from './validate-rule-file.js';
export type { RuleFile, Rule, RuleEvent, Condition } from './rule-file-schema.js';
export { deriveFacts } from './derived-facts.js';
export { canonicalJson } from './hash.js';
export type { DerivedFacts } from './derived-facts.js';
