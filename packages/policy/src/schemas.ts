/**
 * @raincheck/policy/schemas — the fact schemas, validation helpers, errors and vocabulary, without
 * the engine: what the host API contract builds on, so a page can validate data before (or
 * without) loading the policy engine.
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
export type { Facts, SessionFacts, ClientFacts, TherapistFacts, HistoryEntry, RequestFacts, Money } from './facts-schema.js';
export { wholeNumber, numberBetween, matching, nonEmptyString, nonEmptyList, jsonSchemaHints } from './checks.js';
export { PolicyValidationError, FactsValidationError, toValidationIssues, jsonPath } from './errors.js';
export type { ValidationIssue } from './errors.js';
export * from './vocabulary.js';
