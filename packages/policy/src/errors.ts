import type { core } from 'zod/mini';
import { typeSentence, unknownKeysSentence, valueSentence } from './issue-sentences.js';
import { jsonPath, type ValidationIssue } from './validation-issue.js';

export { issuesAt, jsonPath, type ValidationIssue } from './validation-issue.js';

function describe(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.file}:${i.path}: ${i.message}`).join('\n');
}

/** A rule file does not fit the rule-file schema or the vocabulary. */
export class PolicyValidationError extends Error {
  override readonly name = 'PolicyValidationError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`Invalid rule file${issues.length === 1 ? '' : 's'}:\n${describe(issues)}`);
  }
}

/** The facts given to `evaluate` do not fit the facts schema. */
export class FactsValidationError extends Error {
  override readonly name = 'FactsValidationError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`Invalid facts:\n${describe(issues)}`);
  }
}

/**
 * A sentence for one zod issue, in the words a rule author understands. Size and format checks are
 * refinements with their own sentences (checks.ts), so only type, value and key issues need words here.
 */
function sentence(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return typeSentence(issue.expected, issue.input);
    case 'invalid_value':
      return valueSentence(issue.values, issue.input);
    case 'unrecognized_keys':
      return unknownKeysSentence(issue.keys);
    default:
      return issue.message;
  }
}

/** Flattens zod issues into {@link ValidationIssue}s under `prefix` (where the value sits in the file). */
export function toValidationIssues(
  file: string,
  issues: readonly core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] {
  return issues.map((issue) => ({ file, path: jsonPath([...prefix, ...issue.path]), message: sentence(issue) }));
}
