import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createPolicy,
  createValidatedPolicy,
  PolicyValidationError,
  validateRuleFiles,
  vouchedRuleFiles,
} from '../../src/index.js';
import { cancelFacts, defaultRuleSources, rule, ruleFile } from './helpers.js';

type Json = Record<string, unknown>;

describe('rule files a host vouched for by their policy hash', () => {
  const sources = defaultRuleSources();
  const hostPolicy = createPolicy(sources);

  it('build the same policy as validating them: same hash, same decisions', async () => {
    const files = vouchedRuleFiles(sources, hostPolicy.hash);
    assert.ok(files, 'the default rules match their own hash');
    const pagePolicy = createValidatedPolicy(files);
    assert.equal(pagePolicy.hash, hostPolicy.hash);
    assert.deepEqual(pagePolicy.rules, hostPolicy.rules);
    const facts = cancelFacts({ now: '2027-06-10T08:00:00+01:00' });
    assert.deepEqual(await pagePolicy.evaluate(facts), await hostPolicy.evaluate(facts));
  });

  it('are not taken when any rule content differs from what was vouched for', () => {
    const [name, content] = Object.entries(sources)[0]!;
    const edited = structuredClone(content) as { rules: Json[] };
    edited.rules[0]!.priority = 99;
    assert.equal(vouchedRuleFiles({ ...sources, [name]: edited }, hostPolicy.hash), undefined);
    const { [name]: _dropped, ...fewer } = sources;
    assert.equal(vouchedRuleFiles(fewer, hostPolicy.hash), undefined, 'a file missing');
    assert.equal(vouchedRuleFiles(sources, 'not-the-hash'), undefined);
  });

  it('are not taken when they are not rule files at all, whatever hash comes with them', () => {
    for (const broken of [
      {},
      { 'a.json': 'text' },
      { 'a.json': null },
      { 'a.json': [1, 2] },
      { 'a.json': { rules: [] } },
    ]) {
      assert.equal(vouchedRuleFiles(broken, hostPolicy.hash), undefined, JSON.stringify(broken));
    }
  });

  it('a broken file whose hash a host computed without validating is still refused by the validator', () => {
    const broken = { 'broken.json': ruleFile([rule('x', { type: 'notify-client', params: { channels: [] } })]) };
    const hash = createValidatedPolicy([broken['broken.json'] as never]).hash;
    assert.ok(vouchedRuleFiles(broken, hash), 'the hash alone matches: it is not a check of validity');
    // So a page takes a hash only from the host that validated the files, and validates anything else:
    assert.throws(
      () => validateRuleFiles(broken),
      (error: unknown) => error instanceof PolicyValidationError && /channels/.test(error.message),
    );
  });

  it('are copies: editing the sources afterwards changes nothing in the policy', () => {
    const copy = structuredClone(sources) as Record<string, Json>;
    const policy = createValidatedPolicy(vouchedRuleFiles(copy, hostPolicy.hash)!);
    for (const file of Object.values(copy)) (file.rules as Json[]).length = 0;
    assert.equal(policy.rules.length, hostPolicy.rules.length);
  });
});
