import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHostClient, HostResponseError } from '@raincheck/host-api';
import { fillTeamQueue, SCENARIOS, seedScenario } from '@raincheck/mock-host';
import { createHost, openDatabase, type FixtureAnswer, type Host, type PracticeWriter } from '../../src/index.js';

// The development fixtures endpoint: a fresh demo practice in a scenario, with tokens, per caller.

const SECRET = 'fixtures-test-secret-of-at-least-32-bytes';
const NOW = Date.parse('2027-06-01T09:00:00Z');

describe('the fixtures endpoint', () => {
  let host: Host;
  before(async () => {
    const scenario = (name: string, nowMs: number, tweaks: Readonly<Record<string, unknown>>) =>
      Object.hasOwn(SCENARIOS, name) ? seedScenario(name as keyof typeof SCENARIOS, nowMs, tweaks) : undefined;
    const prepare = async (name: string, practice: PracticeWriter) => {
      if (name === 'team-queue')
        await fillTeamQueue(practice.send, practice.seed, practice.policy, practice.clock, practice.backdate);
    };
    host = await createHost({
      database: await openDatabase({ memory: true }),
      auth: { secret: SECRET },
      now: () => NOW,
      fixtures: { scenario, secret: SECRET, prepare },
    });
  });
  after(() => host?.close());

  const fixture = async (body: unknown) => {
    const response = await host.fetch(
      new Request('http://host/_fixtures/scenario', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as FixtureAnswer };
  };
  const clientFor = (token: string) =>
    createHostClient({
      baseUrl: 'http://host',
      fetch: (input, init) => host.fetch(new Request(input, init)),
      token,
      retries: 0,
    });

  it('makes a demo practice in the scenario, with tokens for its people and its offer links', async () => {
    const { status, body } = await fixture({ scenario: 'client-offer', namespace: 'tab-1' });
    assert.equal(status, 200);
    assert.match(body.tenant, /^demo-tab-1-/);
    const therapist = clientFor(body.tokens.therapist);
    const { session } = await therapist.getSession({ sessionId: body.ids.sessions[0]! });
    assert.equal(session.status, 'cancelled', 'the client-offer scenario’s session');
    assert.equal(session.therapistId, body.ids.therapist);
    const anonymous = createHostClient({
      baseUrl: 'http://host',
      fetch: (input, init) => host.fetch(new Request(input, init)),
      retries: 0,
    });
    const { offer } = await anonymous.getOffer({ token: body.offerTokens.open! });
    assert.equal(offer.status, 'open');
    assert.equal((await anonymous.getOffer({ token: body.offerTokens.expired! })).offer.status, 'expired');
    const team = clientFor(body.tokens.team);
    assert.deepEqual((await team.listTeamRequests({ query: {} })).teamRequests, []);
  });

  it('fills the team queue by the practice’s own writes, with real decisions and ages', async () => {
    const { body } = await fixture({ scenario: 'team-queue', namespace: 'tab-4' });
    const team = clientFor(body.tokens.team);
    const { teamRequests } = await team.listTeamRequests({ query: {} });
    assert.deepEqual(
      new Set(teamRequests.filter((r) => r.status === 'open').map((r) => r.kind)),
      new Set(['new-client-refund', 'session-started', 'extended-absence', 'other']),
    );
    assert.ok(teamRequests.some((r) => r.status === 'resolved'));
    assert.ok(new Set(teamRequests.map((r) => r.createdAt)).size > 1, 'the queue has ages');
    const refund = teamRequests.find((r) => r.kind === 'new-client-refund')!;
    const { decision } = await team.getTeamRequest({ requestId: refund.id });
    assert.equal(decision?.shown?.outcome, decision?.outcome, 'what the widget showed is what the host decided');
  });

  it('keeps each practice to itself: picking a scenario again makes a new one', async () => {
    const first = (await fixture({ scenario: 'ordinary-cancellation', namespace: 'tab-2' })).body;
    const second = (await fixture({ scenario: 'ordinary-cancellation', namespace: 'tab-2' })).body;
    assert.notEqual(first.tenant, second.tenant);
    await assert.rejects(
      clientFor(second.tokens.therapist).getSession({ sessionId: first.ids.sessions[0]! }),
      (error: unknown) => error instanceof HostResponseError && error.status === 403,
    );
  });

  it('takes the mock host’s tweaks, and refreshes a demo practice’s tokens', async () => {
    const { body } = await fixture({
      scenario: 'ordinary-cancellation',
      namespace: 'tab-3',
      tweaks: { newClient: true },
    });
    const therapist = clientFor(body.tokens.therapist);
    const facts = await therapist.getPolicyFacts({ sessionId: body.ids.sessions[0]! });
    assert.equal(facts.client.isNew, true);
    const refresh = await host.fetch(
      new Request('http://host/_fixtures/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: body.tenant, subject: body.ids.therapist, role: 'therapist' }),
      }),
    );
    const { token } = (await refresh.json()) as { token: string };
    assert.equal(
      (await clientFor(token).getSession({ sessionId: body.ids.sessions[0]! })).session.id,
      body.ids.sessions[0],
    );
    const notDemo = await host.fetch(
      new Request('http://host/_fixtures/token', {
        method: 'POST',
        body: JSON.stringify({ tenant: 'practice-a', subject: 'th-ana', role: 'admin' }),
      }),
    );
    assert.equal(notDemo.status, 400, 'only demo practices');
  });

  it('refuses an unknown scenario and a bad namespace', async () => {
    assert.equal((await fixture({ scenario: 'no-such-scenario' })).status, 404);
    assert.equal((await fixture({ scenario: 'client-offer', namespace: '../x' })).status, 400);
  });

  it('is not there unless the host is started with it', async () => {
    const plain = await createHost({ database: await openDatabase({ memory: true }), auth: { secret: SECRET } });
    try {
      const response = await plain.fetch(
        new Request('http://host/_fixtures/scenario', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"scenario":"client-offer"}',
        }),
      );
      assert.equal(response.status, 404);
    } finally {
      await plain.close();
    }
  });
});
