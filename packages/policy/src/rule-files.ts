/**
 * @raincheck/policy/rule-files — validating rule files, without the engine: what a page loads only
 * for rules that no host has vouched for (`vouchedRuleFiles`), such as a policy owner's live edits.
 * @packageDocumentation
 */
export { validateRuleFiles } from './validate-rule-files.js';
export { validateRuleFile, MAX_CONDITION_DEPTH } from './validate-rule-file.js';
