import type { SchemaIssue } from './compiled/compiled-schema.js';

/** One problem found in a rule file or in a set of facts. */
export interface ValidationIssue {
  /** The rule file's name, or `facts` for facts. */
  readonly file: string;
  /** JSON path to the offending value, `$` for the root, e.g. `$.rules[2].event.params.channels[0]`. */
  readonly path: string;
  /** What was expected there, in a sentence. */
  readonly message: string;
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

/** Places a compiled schema's issues in `file`, under `prefix` (where the value sits in the file). */
export function issuesAt(
  file: string,
  issues: readonly SchemaIssue[],
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] {
  return issues.map((issue) => ({ file, path: jsonPath([...prefix, ...issue.path]), message: issue.message }));
}
