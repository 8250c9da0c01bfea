import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PolicyValidationError } from '@raincheck/policy';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { createMockHost, SCENARIOS, type ScenarioName, type ScenarioTweaks } from '../../src/index.js';
import { clientAs } from '../shared/callers.js';

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');

/** The host's own decision for cancelling the scenario's first session, read through the contract. */
async function cancelDecision(
  scenario: ScenarioName,
  tweaks: ScenarioTweaks = {},
  host = createMockHost({ scenario, tweaks, now: () => NOW }),
) {
  const client = clientAs(host, BASE, 'therapist');
  const { session } = await client.getSession({ sessionId: 'ses-1' });
  const facts = await client.getPolicyFacts({ sessionId: 'ses-1' });
  const { client: _display, therapistId: _t, ...sessionFacts } = session;
  return host.policy.evaluate({ action: 'cancel', now: new Date(NOW).toISOString(), session: sessionFacts, ...facts });
}

describe('seeded scenarios', () => {
  it('every scenario reads back through the contract', async () => {
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      const host = createMockHost({ scenario, now: () => NOW });
      const client = clientAs(host, BASE, 'therapist');
      for (const { id } of host.state.seed.sessions) await client.getSession({ sessionId: id });
      await client.getPolicyFacts({ sessionId: 'ses-1' });
      // The offer link is the client's permission: no bearer token.
      const link = clientAs(host, BASE, null);
      for (const token of Object.values(host.offerTokens)) await link.getOffer({ token });
      const team = clientAs(host, BASE, 'team');
      for (const { id } of (await team.listTeamRequests({ query: {} })).teamRequests)
        await team.getTeamRequest({ requestId: id });
    }
  });

  it('each puts the therapist in the article’s situation it names', async () => {
    assert.deepEqual((await cancelDecision('ordinary-cancellation')).notify?.channels, ['email']);
    assert.deepEqual((await cancelDecision('starting-soon')).notify?.channels, ['email', 'sms', 'phone']);
    assert.deepEqual(
      (await cancelDecision('already-started')).team.map((t) => t.reason),
      ['session-started'],
    );
    assert.equal((await cancelDecision('new-client-refund')).refund?.mode, 'team-review');
    const frequent = await cancelDecision('near-frequency-threshold');
    assert.deepEqual(
      frequent.warnings.map((w) => [w.level, w.count]),
      [['critical', 5]],
    );
    const away = createMockHost({ scenario: 'extended-absence', now: () => NOW }).state.seed.sessions;
    const threeWeeks = NOW + 21 * 86_400_000;
    assert.equal(away.filter((s) => Date.parse(s.startsAt) < threeWeeks).length, 2);
    const offers = createMockHost({ scenario: 'client-offer', now: () => NOW });
    const client = clientAs(offers, BASE, null);
    const statuses = await Promise.all(
      (['open', 'expired', 'answered'] as const).map(
        async (name) => (await client.getOffer({ token: offers.offerTokens[name]! })).offer.status,
      ),
    );
    assert.deepEqual(statuses, ['open', 'expired', 'answered']);
    const open = (await client.getOffer({ token: offers.offerTokens.open! })).offer;
    const firstOffered = Math.min(...open.alternatives.map((slot) => Date.parse(slot.startsAt)));
    assert.ok(
      Date.parse(open.expiresAt) <= firstOffered,
      `the open offer's choose-by ${open.expiresAt} is after its first offered time`,
    );
  });
});

describe('resetting while a scenario is being prepared', () => {
  it('a reset before the team queue is filled starts the next scenario clean: none of the queue’s writes land in it', async () => {
    const host = createMockHost({ scenario: 'team-queue', now: () => NOW });
    host.reset('new-client-refund');
    await host.ready;
    assert.deepEqual((await clientAs(host, BASE, 'team').listTeamRequests({ query: {} })).teamRequests, []);
    assert.deepEqual(host.records.refunds, []);
    assert.equal(host.state.session('ses-1')?.status, 'scheduled');
  });
});

describe('scenario tweaks (the playground’s fact controls)', () => {
  it('moves the session, makes the client new and sets the history; the host decides with them', async () => {
    const soon = await cancelDecision('ordinary-cancellation', { hoursUntilStart: 2 });
    assert.deepEqual(soon.notify?.channels, ['email', 'sms', 'phone']);
    const started = await cancelDecision('ordinary-cancellation', { hoursUntilStart: -1 });
    assert.equal(started.outcome, 'needs-team');
    assert.equal((await cancelDecision('ordinary-cancellation', { newClient: true })).refund?.mode, 'team-review');
    assert.equal((await cancelDecision('new-client-refund', { newClient: false })).refund?.mode, 'self-serve');
    const third = await cancelDecision('ordinary-cancellation', { recentChanges: 2 });
    assert.deepEqual(
      third.warnings.map((w) => w.count),
      [3],
    );
    assert.deepEqual((await cancelDecision('near-frequency-threshold', { recentChanges: 0 })).warnings, []);
  });

  it('reset applies tweaks and a later reset without them goes back to the scenario', () => {
    const host = createMockHost({ now: () => NOW });
    host.reset('ordinary-cancellation', { recentChanges: 3, profileVisible: false });
    assert.equal(host.state.seed.history['th-ana']?.length, 3);
    assert.ok(host.state.seed.history['th-ana']?.every((h) => Date.parse(h.at) > NOW - 90 * 86_400_000));
    assert.equal(host.state.seed.therapists[0]?.profileVisible, false);
    host.reset('ordinary-cancellation');
    assert.equal(host.state.seed.history['th-ana']?.length, 0);
  });
});

describe('setRules (a new policy version published)', () => {
  it('the host serves and applies the new rules; invalid ones are refused and the old ones kept', async () => {
    const host = createMockHost({ now: () => NOW });
    const timing = structuredClone(defaultRuleFiles['notification-timing.json']) as {
      rules: { event: { params: { channels?: string[] } } }[];
    };
    for (const rule of timing.rules) if (rule.event.params.channels) rule.event.params.channels = ['email', 'sms'];
    host.setRules({ ...defaultRuleFiles, 'notification-timing.json': timing }, { id: 'edited', version: '2.0.0' });
    assert.deepEqual((await cancelDecision('ordinary-cancellation', {}, host)).notify?.channels, ['email', 'sms']);
    const served = await clientAs(host, BASE, 'therapist').getRules({});
    assert.equal(served.version, '2.0.0');

    assert.throws(() => host.setRules({ 'broken.json': { id: 'broken' } }), PolicyValidationError);
    assert.equal(host.policy.version, '2.0.0');
  });
});
