import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createPolicy } from '@raincheck/policy';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { policyFromRules } from '../../src/internal/policy-from-rules.js';

/** How many times `run` hashes rule content: canonical JSON is JSON.stringify with a key-sorting replacer. */
async function hashesDuring(run: () => Promise<unknown>): Promise<number> {
  const stringify = mock.method(JSON, 'stringify');
  try {
    await run();
    return stringify.mock.calls.filter((call) => typeof call.arguments[1] === 'function').length;
  } finally {
    stringify.mock.restore();
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
