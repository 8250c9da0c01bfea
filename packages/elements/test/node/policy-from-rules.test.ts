import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { canonicalJson, createPolicy } from '@raincheck/policy';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { policyFromRules } from '../../src/internal/policy-from-rules.decided.js';

/**
 * How many times `run` hashes the default rules: a hash is two FNV-1a passes over the canonical
 * JSON, one Math.imul per character each, so the calls counted divided by twice that length.
 */
async function hashesDuring(run: () => Promise<unknown>): Promise<number> {
  const files = Object.values(defaultRuleFiles) as Record<string, unknown>[];
  const length = canonicalJson(files.map(({ $schema: _ignored, ...file }) => file)).length;
  const imul = mock.method(Math, 'imul');
  try {
    await run();
    return Math.round(imul.mock.callCount() / (2 * length));
  } finally {
    imul.mock.restore();
  }
}

describe('widgets hash the rules once per load', () => {
  const { hash } = createPolicy(defaultRuleFiles);

  it('rules the host vouched for: the hash that checked them names the policy', async () => {
    assert.equal(await hashesDuring(() => policyFromRules(defaultRuleFiles, hash, {})), 1);
    assert.equal((await policyFromRules(defaultRuleFiles, hash, {})).hash, hash);
  });

  it('rules without a hash, validated in the page', async () => {
    assert.equal(await hashesDuring(() => policyFromRules(defaultRuleFiles, undefined, {})), 1);
  });
});
