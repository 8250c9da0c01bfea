/**
 * @raincheck/policy — rule files, fact schemas and explained decisions. Runs unchanged in Node and
 * in browsers: no DOM, no fetch, nothing happens at import time. Tools for rule authors (JSON
 * Schema, fixtures, text explanations) are in `@raincheck/policy/authoring`, to keep this small.
 * @packageDocumentation
 */
export { createPolicy } from './policy.js';
export type { Policy, PolicyOptions, PolicyRule, RuleFileSources } from './policy.js';
export type * from './decision.js';
export { PolicyValidationError, FactsValidationError } from './errors.js';
export type { ValidationIssue } from './errors.js';
export { toValidationIssues, jsonPath } from './errors.js';
export { validateRuleFile } from './validate-rule-file.js';
export {
  factsSchema,
  sessionFactsSchema,
  clientFactsSchema,
  therapistFactsSchema,
  historyEntrySchema,
  requestFactsSchema,
  moneySchema,
  isoInstant,
  isoDateOrInstant,
  timeZoneSchema,
} from './facts-schema.js';
export { wholeNumber, numberBetween, matching, nonEmptyString, nonEmptyList, jsonSchemaHints } from './checks.js';
export type {
  Facts,
  SessionFacts,
  ClientFacts,
  TherapistFacts,
  HistoryEntry,
  RequestFacts,
  Money,
} from './facts-schema.js';
export { ruleFileSchema } from './rule-file-schema.js';
export type { RuleFile, Rule, RuleEvent, Condition } from './rule-file-schema.js';
export { deriveFacts } from './derived-facts.js';
export type { DerivedFacts } from './derived-facts.js';
export * from './vocabulary.js';
