/**
 * @raincheck/policy/validation — checking data against compiled schemas, and the validation errors:
 * no zod and no engine, so a page can check what it receives for the price of a few hundred bytes.
 * The compiled schemas themselves come from the zod schemas at build time (`compileSchema`).
 * @packageDocumentation
 */
export { validate } from './compiled/compiled-schema.js';
export { MAX_JSON_DEPTH } from './json-data.js';
export type { CompiledNode, CompiledSchema, EnumValue, SchemaIssue, Validated } from './compiled/compiled-schema.js';
export type { CheckCall, CheckName } from './check-definitions.js';
export { PolicyValidationError, FactsValidationError } from './errors.js';
export { issuesAt, jsonPath } from './validation-issue.js';
export type { ValidationIssue } from './validation-issue.js';
