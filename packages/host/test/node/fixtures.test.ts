import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHostClient, HostResponseError } from '@raincheck/host-api';
import { SCENARIOS, seedScenario } from '@raincheck/mock-host';
import { createHost, openDatabase, type FixtureAnswer, type Host } from '../../src/index.js';

// The development fixtures endpoint: a fresh demo practice in a scenario, with tokens, per caller.

const SECRET = 'fixtures-test-secret-of-at-least-32-bytes';
const NOW = Date.parse('2027-06-01T09:00:00Z');

describe('the fixtures endpoint', () => {
  let host: Host;
  before(async () => {
    const scenario = (name: string, nowMs: number) => (Object.hasOwn(SCENARIOS, name) ? seedScenario(name as keyof typeof SCENARIOS, nowMs) : undefined);
    host = await createHost({ database: await openDatabase({ memory: true }), auth: { secret: SECRET }, now: () => NOW, fixtures: { scenario, secret: SECRET } });
  });
  after(() => host?.close());

  const fixture = async (body: unknown) => {
    const response = await host.fetch(new Request('http://host/_fixtures/scenario', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as FixtureAnswer };
  };
  const clientFor = (token: string) => createHostClient({ baseUrl: 'http://host', fetch: (input, init) => host.fetch(new Request(input, init)), token, retries: 0 });

  it('makes a demo practice in the scenario, with tokens for its people and its offer links', async () => {
    const { status, body } = await fixture({ scenario: 'client-offer', namespace: 'tab-1' });
    assert.equal(status, 200);
    assert.match(body.tenant, /^demo-tab-1-/);
    const therapist = clientFor(body.tokens.therapist);
    const { session } = await therapist.getSession({ sessionId: body.ids.sessions[0]! });
    assert.equal(session.status, 'cancelled', 'the client-offer scenario’s session');
    assert.equal(session.therapistId, body.ids.therapist);
    const anonymous = createHostClient({ baseUrl: 'http://host', fetch: (input, init) => host.fetch(new Request(input, init)), retries: 0 });
    const { offer } = await anonymous.getOffer({ token: body.offerTokens.open! });
    assert.equal(offer.status, 'open');
    assert.equal((await anonymous.getOffer({ token: body.offerTokens.expired! })).offer.status, 'expired');
    const team = clientFor(body.tokens.team);
    assert.deepEqual((await team.listTeamRequests({ query: {} })).teamRequests, []);
  });

  it('keeps each practice to itself: picking a scenario again makes a new one', async () => {
    const first = (await fixture({ scenario: 'ordinary-cancellation', namespace: 'tab-2' })).body;
    const second = (await fixture({ scenario: 'ordinary-cancellation', namespace: 'tab-2' })).body;
    assert.notEqual(first.tenant, second.tenant);
    await assert.rejects(clientFor(second.tokens.therapist).getSession({ sessionId: first.ids.sessions[0]! }), (error: unknown) => error instanceof HostResponseError && error.status === 403);
  });

  it('refuses an unknown scenario and a bad namespace', async () => {
    assert.equal((await fixture({ scenario: 'no-such-scenario' })).status, 404);
    assert.equal((await fixture({ scenario: 'client-offer', namespace: '../x' })).status, 400);
  });

  it('is not there unless the host is started with it', async () => {
    const plain = await createHost({ database: await openDatabase({ memory: true }), auth: { secret: SECRET } });
    try {
      const response = await plain.fetch(new Request('http://host/_fixtures/scenario', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"scenario":"client-offer"}' }));
      assert.equal(response.status, 404);
    } finally {
      await plain.close();
    }
  });
});
