import { contentHash } from './hash.js';
import type { RuleFile } from './rule-file-schema.js';
import { ruleFileList, sortedById, type RuleFileSources } from './rule-file-sources.js';

/**
 * The hash that names a policy's rules (`Policy.hash`): of its files in policy order, without their
 * `$schema`, which only points editors at the JSON Schema.
 */
export function policyHash(files: readonly RuleFile[]): string {
  return contentHash(files.map(({ $schema: _ignored, ...file }) => file));
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
  const contents = ruleFileList(sources).map((source) => source.content);
  if (contents.length === 0 || !contents.every(hasId)) return undefined;
  const files = sortedById(contents) as unknown as RuleFile[];
  // As JSON, so the files are exactly what was hashed (contentHash reads them as JSON too).
  return hashOf(files) === hash ? (JSON.parse(JSON.stringify(files)) as RuleFile[]) : undefined;
}

/** The policy hash, or undefined for content that is not JSON data (no valid file is not). */
function hashOf(files: readonly RuleFile[]): string | undefined {
  try {
    return policyHash(files);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}
