/**
 * @raincheck/policy/authoring — tools for people who write rule files: the rule-file JSON Schema,
 * the fixture runner behind `raincheck test`, decisions as readable text, and the compiler that
 * turns zod schemas into compiled schemas. Browser-safe, kept
 * out of the main entry so that evaluating a policy does not pay for them.
 * @packageDocumentation
 */
export { ruleFileJsonSchema } from './json-schema.js';
export { runFixtures, compareDecision, mergeFacts, fixtureFileSchema } from './fixtures.js';
export type { FixtureFile, FixtureResult, FixtureReport } from './fixtures.js';
export { formatDecision } from './format-decision.js';
export { diffDecisions, effectLines } from './diff-decisions.js';
export type { DecisionChange, DecisionField, EffectLine } from './diff-decisions.js';
export { jsonPathSegments } from './path-segments.js';
export { compileSchema, compiledModuleSource } from './compiled/compile.js';
export type { CompiledExport } from './compiled/compile.js';
