import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, type FactConditionExplanation } from '../../src/index.js';
import { createDefaultPolicy, DEFAULT_POLICY } from '../../src/default-rules.js';
import { sequentialAndStaggered, varyingChanges } from '../shared/concurrency.js';
import { cancelFacts, rule, ruleFile } from './helpers.js';

const notify = (channels: string[], withinMinutes: number, extra = {}) => ({
  type: 'notify-client',
  params: { channels, withinMinutes, ...extra },
});
const refund = (percent: number, mode: string) => ({ type: 'offer-refund', params: { percent, mode } });

describe('Policy.evaluate', () => {
  it('carries the policy id, version and content hash', async () => {
    const policy = createDefaultPolicy();
    const decision = await policy.evaluate(cancelFacts());
    assert.equal(decision.policy.id, DEFAULT_POLICY.id);
    assert.equal(decision.policy.version, DEFAULT_POLICY.version);
    assert.match(decision.policy.hash, /^[0-9a-f]{16}$/);
    assert.equal(decision.policy.hash, policy.hash);
  });

  it("explains every rule, with each condition's fact, operator, expected and actual value", async () => {
    const decision = await createDefaultPolicy().evaluate(cancelFacts({ now: '2027-06-10T07:00:00+01:00' }));
    const phone = decision.explanations.find((e) => e.ruleId === 'notify-client-by-phone-within-4-hours');
    assert.ok(phone);
    assert.equal(phone.fired, true);
    assert.equal(
      phone.description,
      'The session starts within 4 hours (or has begun), so please also phone your client.',
    );
    assert.equal(phone.conditions.kind, 'all');
    assert.equal(phone.conditions.passed, true);
    const hours = (phone.conditions as { conditions: readonly FactConditionExplanation[] }).conditions[1];
    assert.deepEqual(hours, {
      kind: 'fact',
      fact: 'hoursUntilStart',
      operator: 'lessThanInclusive',
      expected: 4,
      actual: 3,
      passed: true,
    });
    assert.equal(decision.explanations.length, createDefaultPolicy().rules.length);
  });

  it('shows the actual value of a condition that failed', async () => {
    const decision = await createDefaultPolicy().evaluate(cancelFacts({ action: 'refund' }));
    const sms = decision.explanations.find((e) => e.ruleId === 'notify-client-by-sms-within-48-hours')!;
    assert.equal(sms.fired, false);
    const [action, hours] = (sms.conditions as { conditions: readonly FactConditionExplanation[] }).conditions;
    assert.deepEqual([action?.actual, action?.passed], ['refund', false]);
    assert.deepEqual([hours?.actual, hours?.passed], [217, false]);
  });

  it('gives every concurrent evaluation what a sequential one gives (one Engine shares run state)', async () => {
    const { sequential, staggered } = await sequentialAndStaggered(createDefaultPolicy(), varyingChanges(40));
    assert.deepEqual(staggered, sequential);
  });
});

describe('merging overlapping rules', () => {
  it('unions channels in escalation order and keeps the shortest deadline and follow-up', async () => {
    const policy = createPolicy({
      'a.json': ruleFile([
        rule('late', notify(['phone'], 30, { followUp: { afterHours: 48 } })),
        rule('early', notify(['email', 'sms'], 5, { followUp: { afterHours: 24 } })),
      ]),
    });
    const { notify: effect } = await policy.evaluate(cancelFacts());
    assert.deepEqual(effect?.channels, ['email', 'sms', 'phone']);
    assert.equal(effect?.withinMinutes, 5);
    assert.deepEqual(effect?.followUp, { afterHours: 24 });
    assert.deepEqual(effect?.ruleIds, ['late', 'early']);
  });

  it('single-valued effects: the highest priority wins; at equal priority the more cautious', async () => {
    const byPriority = createPolicy({
      'a.json': ruleFile([
        rule('low', refund(100, 'team-review')),
        rule('high', refund(50, 'self-serve'), { priority: 5 }),
      ]),
    });
    const high = (await byPriority.evaluate(cancelFacts())).refund;
    assert.deepEqual(
      [high?.percent, high?.amount, high?.mode, high?.ruleIds],
      [50, 3000, 'self-serve', ['high', 'low']],
    );
    const tied = createPolicy({
      'a.json': ruleFile([rule('open', refund(100, 'self-serve')), rule('review', refund(100, 'team-review'))]),
    });
    assert.equal((await tied.evaluate(cancelFacts())).refund?.mode, 'team-review');
  });

  it('outcome: blocked beats needs-team beats allowed; team reasons are unioned', async () => {
    const team = (reason: string) => ({ type: 'route-to-team', params: { reason } });
    const policy = createPolicy({
      'a.json': ruleFile([rule('t1', team('a')), rule('t2', team('b')), rule('t3', team('a'))]),
    });
    const decision = await policy.evaluate(cancelFacts());
    assert.equal(decision.outcome, 'needs-team');
    assert.deepEqual(
      decision.team.map((t) => [t.reason, t.ruleIds]),
      [
        ['a', ['t1', 't3']],
        ['b', ['t2']],
      ],
    );
    const blocked = createPolicy({
      'a.json': ruleFile([rule('t', team('a')), rule('b', { type: 'block', params: { reason: 'no' } })]),
    });
    assert.equal((await blocked.evaluate(cancelFacts())).outcome, 'blocked');
  });

  it('warnings keep the most severe per code; hide and show exclude each other', async () => {
    const warn = (level: string, threshold: number) => ({
      type: 'frequency-warning',
      params: { level, windowDays: 30, threshold },
    });
    const show = { type: 'recommend-visibility', params: { recommendation: 'show-profile' } };
    const hide = { type: 'recommend-visibility', params: { recommendation: 'hide-profile' } };
    const policy = createPolicy({
      'a.json': ruleFile([
        rule('info', warn('info', 1)),
        rule('critical', warn('critical', 1)),
        rule('show', show, { priority: 2 }),
        rule('hide', hide),
      ]),
    });
    const decision = await policy.evaluate(cancelFacts());
    assert.deepEqual(
      decision.warnings.map((w) => [w.level, w.count, w.ruleIds]),
      [['critical', 1, ['critical', 'info']]],
    );
    assert.deepEqual(
      decision.recommendations.map((r) => r.kind),
      ['show-profile'],
    );
  });

  it('requirements merge into one written reason with the longest minimum', async () => {
    const reason = (minLength?: number) => ({ type: 'require-reason', params: minLength ? { minLength } : {} });
    const policy = createPolicy({ 'a.json': ruleFile([rule('short', reason()), rule('long', reason(40))]) });
    assert.deepEqual(
      (await policy.evaluate(cancelFacts())).requirements.map((r) => [r.kind, r.minLength]),
      [['written-reason', 40]],
    );
  });
});
