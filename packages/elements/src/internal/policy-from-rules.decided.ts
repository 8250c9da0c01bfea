import { warmFormatters } from './warm-formatters.decided.js';
import { createValidatedPolicy, vouchedPolicy, type Policy, type PolicyOptions } from '@raincheck/policy/decide';

/**
 * The policy for rule files from any source. Files whose policy hash is the `hash` the host sent
 * with them were validated by the host and are used as they are (hashed once, to check them);
 * any others are validated here first, with the validator imported only then. Every views module
 * re-exports this, so the engine arrives with the views, and the validator's import comes from
 * that chunk (a bundler then leaves out of the validator's chunk what the views chunk already has).
 * Carries `warmFormatters` (see {@link warmFormatters}), the decided phase's other helper.
 * @throws PolicyValidationError when the files are not valid rule files.
 */
export const policyFromRules = Object.assign(
  async function policyFromRules(
    files: Readonly<Record<string, unknown>>,
    hash: string | undefined,
    options: PolicyOptions,
  ): Promise<Policy> {
    const vouched = hash === undefined ? undefined : vouchedPolicy(files, hash, options);
    return (
      vouched ?? createValidatedPolicy((await import('@raincheck/policy/rule-files')).validateRuleFiles(files), options)
    );
  },
  // Rides on the one export every views module re-exports, so it loads in the decided phase too.
  { warmFormatters },
);
