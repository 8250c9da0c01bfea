/**
 * @raincheck/policy/schemas — the zod schemas of facts and rule files, the named checks they are
 * built from, errors and vocabulary, without the engine: what the host API contract builds on, and
 * the source the compiled schemas are generated from. For Node and tools: a browser page checks data
 * with compiled schemas (`@raincheck/policy/validation`) and never loads zod.
 * @packageDocumentation
 */
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
export type {
  Facts,
  SessionFacts,
  ClientFacts,
  TherapistFacts,
  HistoryEntry,
  RequestFacts,
  Money,
} from './facts-schema.js';
export {
  wholeNumber,
  numberBetween,
  matching,
  nonEmptyString,
  nonEmptyList,
  namedCheck,
  jsonSchemaHints,
} from './checks.js';
export { CHECKS, defineCheck } from './check-definitions.js';
export type { CheckCall, CheckDefinition, CheckName } from './check-definitions.js';
export { ruleFileSchema } from './rule-file-schema.js';
export { PolicyValidationError, FactsValidationError, toValidationIssues, issuesAt, jsonPath } from './errors.js';
export type { ValidationIssue } from './errors.js';
export * from './vocabulary.js';
export * from './fact-catalog.js';
