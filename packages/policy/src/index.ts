/**
 * @raincheck/policy — rule files, fact schemas and explained decisions. Runs unchanged in Node and
 * in browsers: no DOM, no fetch, nothing happens at import time. Tools for rule authors (JSON
 * Schema, fixtures, text explanations) are in `@raincheck/policy/authoring`, to keep this small.
 * @packageDocumentation
 */
export { createPolicy } from './policy.js';
export type { Policy, PolicyOptions, PolicyRule, RuleFileSources } from './policy.js';
export type * from './decision.js';
// Schemas, checks, errors and vocabulary: also available without the engine from ./schemas.
export * from './schemas.js';
export { validateRuleFile } from './validate-rule-file.js';
export { ruleFileSchema } from './rule-file-schema.js';
export type { RuleFile, Rule, RuleEvent, Condition } from './rule-file-schema.js';
export { deriveFacts } from './derived-facts.js';
export { canonicalJson } from './hash.js';
export type { DerivedFacts } from './derived-facts.js';
