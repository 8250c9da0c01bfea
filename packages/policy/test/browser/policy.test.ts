import { assert } from '@open-wc/testing';
import { createPolicy, PolicyValidationError, FactsValidationError, type Facts } from '@raincheck/policy';
import { runFixtures } from '@raincheck/policy/authoring';
import { sequentialAndStaggered, varyingChanges } from '../shared/concurrency.js';
import { createDefaultPolicy, defaultRuleFiles } from '@raincheck/policy/rules';

const FIXTURES = [
  'daylight-saving',
  'frequency-thresholds',
  'notification-timing',
  'refund-eligibility',
  'session-changes',
  'visibility',
];

async function fixtureFiles(): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    FIXTURES.map(async (name) => {
      const response = await fetch(`/rules/tests/${name}.test.json`);
      assert.isTrue(response.ok, `${name}.test.json`);
      return [`${name}.test.json`, await response.json()] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe('@raincheck/policy in Chromium', () => {
  it('passes every rule fixture, daylight-saving windows included', async () => {
    const report = await runFixtures(createDefaultPolicy(), await fixtureFiles());
    const failures = report.results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.failures.join('; ')}`);
    assert.deepEqual(failures, []);
    assert.isAbove(report.passed, 40);
    assert.deepEqual(report.neverFired, []);
  });

  it('reports an invalid rule file with its file and JSON path', () => {
    const broken = structuredClone(defaultRuleFiles['visibility.json']) as {
      rules: { event: { params: Record<string, unknown> } }[];
    };
    broken.rules[0]!.event.params.recommendation = 'vanish';
    let error: unknown;
    try {
      createPolicy({ ...defaultRuleFiles, 'visibility.json': broken });
    } catch (e) {
      error = e;
    }
    assert.instanceOf(error, PolicyValidationError);
    const [issue] = error.issues;
    assert.deepEqual(issue, {
      file: 'visibility.json',
      path: '$.rules[0].event.params.recommendation',
      message: 'expected "hide-profile" | "show-profile" | "inform-team", got "vanish"',
    });
  });

  it('rejects facts that do not fit the schema', async () => {
    let error: unknown;
    try {
      await createDefaultPolicy().evaluate({ action: 'cancel', now: 'yesterday' } as unknown as Facts);
    } catch (e) {
      error = e;
    }
    assert.instanceOf(error, FactsValidationError);
    assert.includeMembers(
      error.issues.map((i) => i.path),
      ['$.now', '$.therapist'],
    );
  });

  it('gives concurrent evaluations the same decisions as sequential ones', async () => {
    const { sequential, staggered } = await sequentialAndStaggered(createDefaultPolicy(), varyingChanges(24));
    assert.deepEqual(staggered, sequential);
  });
});
