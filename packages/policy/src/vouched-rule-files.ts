import { canonicalJson, textHash } from './hash.js';
import type { RuleFile } from './rule-file-schema.js';
import { ruleFileList, sortedById, type RuleFileSources } from './rule-file-sources.js';

/**
 * The hash that names a policy's rules (`Policy.hash`): of its files in policy order, without their
 * `$schema`, which only points editors at the JSON Schema.
 */
export function policyHash(files: readonly RuleFile[]): string {
  return textHash(policyText(files));
}

/**
 * The canonical JSON a policy hash is taken of: the files without their `$schema`.
 * @throws TypeError when the files are not JSON data (see `canonicalJson`).
 */
function policyText(files: readonly RuleFile[]): string {
  return canonicalJson(files.map(({ $schema: _ignored, ...file }) => file));
}

const hasId = (content: unknown): content is { readonly id: string } =>
  typeof content === 'object' && content !== null && typeof (content as { id?: unknown }).id === 'string';

/**
 * The files, as valid rule files, when their policy hash is `hash`: the `Policy.hash` a host's own
 * `createPolicy` computed when it validated exactly this content. A page can then build the policy
 * with {@link createValidatedPolicy} without loading the validator. `undefined` when the content is
 * not what was vouched for (edited, another version, not rule files at all): validate it instead.
 *
 * The hash spares a second validation of the same content; it is not a signature, and the host
 * still re-decides every write itself.
 * @returns copies of the files as JSON, ordered by id, so later edits to the sources change nothing.
 */
export function vouchedRuleFiles(sources: RuleFileSources, hash: string): RuleFile[] | undefined {
  return hashedRuleFiles(sources, hash)?.files;
}

/**
 * The files as JSON, ordered by id, with their policy hash, when it is `hash`. The sources are read
 * once, into their canonical JSON, and that text is both what is hashed and what the returned
 * copy is parsed from: a getter or a proxy cannot show the hash one content and the policy
 * another. Content that is not JSON data (NaN, Infinity, a cycle, nesting past the limit) has no
 * hash and is never vouched for: JSON would read Infinity as `null`, another policy.
 * The copies leave out `$schema`, which the hash ignores.
 */
export function hashedRuleFiles(
  sources: RuleFileSources,
  hash: string,
): { files: RuleFile[]; hash: string } | undefined {
  const contents = ruleFileList(sources).map((source) => source.content);
  if (contents.length === 0 || !contents.every(hasId)) return undefined;
  const text = canonicalTextOf(sortedById(contents) as unknown as RuleFile[]);
  return text !== undefined && textHash(text) === hash ? { files: JSON.parse(text) as RuleFile[], hash } : undefined;
}

/** The canonical JSON the policy hash is taken of, or `undefined` for content that is not JSON data. */
function canonicalTextOf(files: readonly RuleFile[]): string | undefined {
  try {
    return policyText(files);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) return undefined;
    throw error;
  }
}
