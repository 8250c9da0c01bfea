import { createValidatedPolicy, vouchedPolicy, type Policy, type PolicyOptions } from '@raincheck/policy/decide';

/**
 * The policy for rule files from any source. Files whose policy hash is the `hash` the host sent
 * with them were validated by the host and are used as they are (hashed once, to check them);
 * any others are validated here first, with the validator imported only then. Every views module
 * re-exports this, so the engine arrives with the views, and the validator's import comes from
 * that chunk (a bundler then leaves out of the validator's chunk what the views chunk already has).
 * @throws PolicyValidationError when the files are not valid rule files.
 */
export async function policyFromRules(
  files: Readonly<Record<string, unknown>>,
  hash: string | undefined,
  options: PolicyOptions,
): Promise<Policy> {
  const vouched = hash === undefined ? undefined : vouchedPolicy(files, hash, options);
  return (
    vouched ?? createValidatedPolicy((await import('@raincheck/policy/rule-files')).validateRuleFiles(files), options)
  );
}
