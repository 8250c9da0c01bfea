import { createPolicy, PolicyValidationError, type Policy } from '@raincheck/policy';
import { jsonPathSegments } from '@raincheck/policy/authoring';
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** One problem in the edited rule files, placed in its file. */
export interface RuleProblem {
  readonly file: string;
  /** JSON path of the value (`$` for syntax errors and whole-file problems). */
  readonly path: string;
  readonly message: string;
  /** Where to underline it, as offsets into the file's text. */
  readonly offset: number;
  readonly length: number;
}

export type RuleCheck =
  | { readonly ok: true; readonly files: Record<string, unknown>; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/** Where the value at `path` sits in `text`: the property's value, else the nearest existing parent. */
export function locate(text: string, path: string): { offset: number; length: number } {
  const root = parseTree(text);
  if (!root) return { offset: 0, length: 0 };
  let segments: (string | number)[];
  try {
    segments = jsonPathSegments(path);
  } catch {
    return { offset: root.offset, length: 1 };
  }
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (!node) continue;
    // A missing key is reported on its parent object: underline the parent's key rather than all of it.
    const target = n < segments.length && node.parent?.type === 'property' ? node.parent.children![0]! : node;
    return { offset: target.offset, length: n === 0 ? 1 : target.length };
  }
  return { offset: 0, length: 1 };
}

/**
 * Checks edited rule files as the SDK would load them: JSON syntax first, then the rule-file
 * schema and vocabulary (`createPolicy`). Problems name the file and the path, and say where.
 */
export function checkRuleTexts(texts: Readonly<Record<string, string>>): RuleCheck {
  const files: Record<string, unknown> = {};
  const problems: RuleProblem[] = [];
  for (const [file, text] of Object.entries(texts)) {
    const errors: ParseError[] = [];
    const value: unknown = parse(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
    for (const error of errors) {
      const line = text.slice(0, error.offset).split('\n').length;
      problems.push({
        file,
        path: '$',
        message: `JSON syntax: ${printParseErrorCode(error.error)} (line ${line})`,
        offset: error.offset,
        length: Math.max(error.length, 1),
      });
    }
    if (errors.length === 0) files[file] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, files, policy: createPolicy(files) };
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    return {
      ok: false,
      problems: error.issues.map((issue) => ({
        ...issue,
        ...(texts[issue.file] === undefined ? { offset: 0, length: 0 } : locate(texts[issue.file]!, issue.path)),
      })),
    };
  }
}
