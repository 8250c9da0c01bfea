import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHostClient } from '@raincheck/host-api';
import { createMockHost, SCENARIOS, type ScenarioName } from '../../src/index.js';

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');

/** The host's own decision for cancelling the scenario's first session, read through the contract. */
async function cancelDecision(scenario: ScenarioName) {
  const host = createMockHost({ scenario, now: () => NOW });
  const client = createHostClient({ baseUrl: BASE, fetch: host.fetchAt(BASE) });
  const { session } = await client.getSession({ sessionId: 'ses-1' });
  const facts = await client.getPolicyFacts({ sessionId: 'ses-1' });
  const { client: _display, therapistId: _t, ...sessionFacts } = session;
  return host.policy.evaluate({ action: 'cancel', now: new Date(NOW).toISOString(), session: sessionFacts, ...facts });
}

describe('seeded scenarios', () => {
  it('every scenario reads back through the contract', async () => {
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      const host = createMockHost({ scenario, now: () => NOW });
      const client = createHostClient({ baseUrl: BASE, fetch: host.fetchAt(BASE) });
      for (const { id } of host.state.seed.sessions) await client.getSession({ sessionId: id });
      await client.getPolicyFacts({ sessionId: 'ses-1' });
      for (const { token } of host.state.seed.offers) await client.getOffer({ token });
    }
  });

  it('each puts the therapist in the article’s situation it names', async () => {
    assert.deepEqual((await cancelDecision('ordinary-cancellation')).notify?.channels, ['email']);
    assert.deepEqual((await cancelDecision('starting-soon')).notify?.channels, ['email', 'sms', 'phone']);
    assert.deepEqual((await cancelDecision('already-started')).team.map((t) => t.reason), ['session-started']);
    assert.equal((await cancelDecision('new-client-refund')).refund?.mode, 'team-review');
    const frequent = await cancelDecision('near-frequency-threshold');
    assert.deepEqual(frequent.warnings.map((w) => [w.level, w.count]), [['critical', 5]]);
    const away = createMockHost({ scenario: 'extended-absence', now: () => NOW }).state.seed.sessions;
    const threeWeeks = NOW + 21 * 86_400_000;
    assert.equal(away.filter((s) => Date.parse(s.startsAt) < threeWeeks).length, 2);
    const offers = createMockHost({ scenario: 'client-offer', now: () => NOW });
    const client = createHostClient({ baseUrl: BASE, fetch: offers.fetchAt(BASE) });
    const statuses = await Promise.all(['offer-open', 'offer-expired', 'offer-answered'].map(async (token) => (await client.getOffer({ token })).offer.status));
    assert.deepEqual(statuses, ['open', 'expired', 'answered']);
  });
});
