import { assert } from '@open-wc/testing';
import { createPolicy, PolicyValidationError, FactsValidationError, type Facts } from '@raincheck/policy';
import { runFixtures } from '@raincheck/policy/authoring';
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
    const broken = structuredClone(defaultRuleFiles['visibility.json']) as { rules: { event: { params: Record<string, unknown> } }[] };
    broken.rules[0]!.event.params.recommendation = 'vanish';
    let error: unknown;
    try {
      createPolicy({ ...defaultRuleFiles, 'visibility.json': broken });
    } catch (e) {
      error = e;
    }
    assert.instanceOf(error, PolicyValidationError);
    const [issue] = (error).issues;
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
    assert.includeMembers((error).issues.map((i) => i.path), ['$.now', '$.therapist']);
  });

  it('gives concurrent evaluations the same decisions as sequential ones', async () => {
    const policy = createDefaultPolicy();
    const base = {
      action: 'cancel',
      therapist: { id: 't', profileVisible: true },
      client: { id: 'c', isNew: false, attendedSessions: 3 },
      session: {
        id: 's',
        startsAt: '2027-06-10T10:00:00+01:00',
        endsAt: '2027-06-10T10:50:00+01:00',
        timeZone: 'Europe/London',
        status: 'scheduled',
        price: { amount: 6000, currency: 'GBP' },
      },
    } as const;
    const facts: Facts[] = Array.from({ length: 24 }, (_, i) => ({
      ...base,
      now: `2027-06-${String(1 + (i % 10)).padStart(2, '0')}T0${i % 10}:00:00+01:00`,
      history: Array.from({ length: i % 6 }, (_, k) => ({ sessionId: `h${k}`, at: `2027-05-0${k + 1}T10:00:00+01:00`, kind: 'cancel' as const })),
    }));
    const sequential = [];
    for (const f of facts) sequential.push(await policy.evaluate(f));
    const pending = [];
    for (const [i, f] of facts.entries()) {
      pending.push(policy.evaluate(f));
      for (let k = 0; k < i; k++) await Promise.resolve();
    }
    assert.deepEqual(await Promise.all(pending), sequential);
  });
});
