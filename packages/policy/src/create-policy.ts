import { createValidatedPolicy, type Policy, type PolicyOptions } from './policy.js';
import type { RuleFileSources } from './rule-file-sources.js';
import { validateRuleFiles } from './validate-rule-files.js';

/**
 * Builds a policy from rule files. Every file is validated first; all problems are reported at once.
 * @throws PolicyValidationError naming each file, JSON path and what was expected.
 */
export function createPolicy(sources: RuleFileSources, options: PolicyOptions = {}): Policy {
  return createValidatedPolicy(validateRuleFiles(sources), options);
}
