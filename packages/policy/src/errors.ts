import type { core } from 'zod/mini';
import type { SchemaIssue } from './compiled/compiled-schema.js';
import { typeSentence, unknownKeysSentence, valueSentence } from './issue-sentences.js';

/** One problem found in a rule file or in a set of facts. */
export interface ValidationIssue {
  /** The rule file's name, or `facts` for facts. */
  readonly file: string;
  /** JSON path to the offending value, `$` for the root, e.g. `$.rules[2].event.params.channels[0]`. */
  readonly path: string;
  /** What was expected there, in a sentence. */
  readonly message: string;
}

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

/** `["rules", 2, "id"]` → `$.rules[2].id`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
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

/** Places a compiled schema's issues in `file`, under `prefix` (where the value sits in the file). */
export function issuesAt(file: string, issues: readonly SchemaIssue[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return issues.map((issue) => ({ file, path: jsonPath([...prefix, ...issue.path]), message: issue.message }));
}

/** Flattens zod issues into {@link ValidationIssue}s under `prefix` (where the value sits in the file). */
export function toValidationIssues(
  file: string,
  issues: readonly core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] {
  return issues.map((issue) => ({ file, path: jsonPath([...prefix, ...issue.path]), message: sentence(issue) }));
}
