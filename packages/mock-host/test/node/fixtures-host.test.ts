import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockFixturesHost } from '../../src/index.js';

// The mock host with the reference host's development fixtures: a fresh practice per scenario,
// tokens for its people, the test clock, and clear refusals of what it cannot use.

const NOW = Date.parse('2027-06-01T09:00:00Z');
const post = (host: ReturnType<typeof createMockFixturesHost>, path: string, body: unknown) =>
  host.fetch(
    new Request(`http://mock.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

describe('the mock host with fixtures', () => {
  it('puts each request for a scenario into a practice of its own, with working tokens', async () => {
    const host = createMockFixturesHost({ now: () => NOW });
    const first = (await (
      await post(host, '/_fixtures/scenario', { scenario: 'client-offer', namespace: 'kit' })
    ).json()) as {
      tenant: string;
      ids: { sessions: string[] };
      tokens: { therapist: string };
      offerTokens: Record<string, string>;
    };
    const second = (await (
      await post(host, '/_fixtures/scenario', { scenario: 'client-offer', namespace: 'kit' })
    ).json()) as typeof first;
    assert.notEqual(first.tenant, second.tenant);
    assert.match(first.ids.sessions[0]!, /^kit-[a-z0-9]{8}\.ses-1$/);
    assert.deepEqual(Object.keys(first.offerTokens).sort(), ['answered', 'expired', 'open']);
    const own = await host.fetch(
      new Request(`http://mock.test/sessions/${first.ids.sessions[0]}`, {
        headers: { authorization: `Bearer ${first.tokens.therapist}` },
      }),
    );
    assert.equal(own.status, 200);
    const across = await host.fetch(
      new Request(`http://mock.test/sessions/${first.ids.sessions[0]}`, {
        headers: { authorization: `Bearer ${second.tokens.therapist}` },
      }),
    );
    assert.equal(across.status, 403, "one practice's therapist cannot read another's session");
  });

  it('moves its clock on request: offers expire and tokens age with it', async () => {
    const host = createMockFixturesHost({ now: () => NOW });
    const made = (await (await post(host, '/_fixtures/scenario', { scenario: 'ordinary-cancellation' })).json()) as {
      ids: { sessions: string[] };
      tokens: { therapist: string };
    };
    const moved = await post(host, '/_fixtures/clock', { advanceMinutes: 11 });
    assert.deepEqual(await moved.json(), { now: '2027-06-01T09:11:00.000Z' });
    const stale = await host.fetch(
      new Request(`http://mock.test/sessions/${made.ids.sessions[0]}`, {
        headers: { authorization: `Bearer ${made.tokens.therapist}` },
      }),
    );
    assert.equal(stale.status, 401, 'a ten-minute token has expired on the moved clock');
    assert.deepEqual(await (await post(host, '/_fixtures/clock', { now: '2027-07-01T00:00:00Z' })).json(), {
      now: '2027-07-01T00:00:00.000Z',
    });
    assert.equal(host.now(), Date.parse('2027-07-01T00:00:00Z'));
  });

  it("delivers its outbox with the mock host's worker: the history shows the cancellation sent, the follow-up once due", async () => {
    const host = createMockFixturesHost({ now: () => NOW });
    const made = (await (await post(host, '/_fixtures/scenario', { scenario: 'ordinary-cancellation' })).json()) as {
      ids: { therapist: string; sessions: string[] };
      tenant: string;
      subjects: { therapist: string };
    };
    const sessionId = made.ids.sessions[0]!;
    const as = async (
      path: string,
      init: { method?: string; body?: string; headers?: Record<string, string> } = {},
    ) => {
      const { token } = (await (
        await post(host, '/_fixtures/token', {
          tenant: made.tenant,
          subject: made.subjects.therapist,
          role: 'therapist',
        })
      ).json()) as { token: string };
      return host.fetch(
        new Request(`http://mock.test${path}`, {
          ...init,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
        }),
      );
    };
    // Alternatives after the follow-up is due: an offer closes at its first alternative's start.
    const { slots } = (await (
      await as(`/therapists/${made.ids.therapist}/slots?from=2027-06-03T00:00:00Z&to=2027-06-20T00:00:00Z`)
    ).json()) as { slots: { id: string }[] };
    const body = {
      reason: 'illness',
      alternativeSlotIds: slots.slice(0, 2).map((s) => s.id),
      refundOffered: true,
      decision: { policyId: 'raincheck-default', policyVersion: '1.0.0', policyHash: 'x', outcome: 'allowed' },
    };
    const cancelled = await as(`/sessions/${sessionId}/cancel`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'idempotency-key': 'fixtures-history-1', 'if-match': '"1"' },
    });
    assert.equal(cancelled.status, 200, await cancelled.clone().text());
    type History = { notifications: { kind: string; deliveries: { channel: string; status: string }[] }[] };
    const statuses = async (path: string) =>
      ((await (await as(path)).json()) as History).notifications.map(
        (n) => `${n.kind} ${n.deliveries.map((d) => `${d.channel}:${d.status}`).join(' ')}`,
      );
    assert.deepEqual(await statuses(`/sessions/${sessionId}/notifications`), [
      'session-cancelled email:sent',
      'offer-reminder email:scheduled',
    ]);
    assert.deepEqual(
      host.delivered.map((m) => `${m.kind} ${m.channel}`),
      ['session-cancelled email'],
    );
    await post(host, '/_fixtures/clock', { advanceMinutes: 24 * 60 });
    assert.deepEqual(await statuses(`/sessions/${sessionId}/offer/notifications`), [
      'session-cancelled email:sent',
      'offer-reminder email:sent',
    ]);
  });

  it('refuses what it cannot use, saying what to send', async () => {
    const host = createMockFixturesHost();
    const unknown = await post(host, '/_fixtures/scenario', { scenario: 'no-such-scenario' });
    assert.equal(unknown.status, 404);
    assert.match(
      ((await unknown.json()) as { error: { message: string } }).error.message,
      /No scenario "no-such-scenario"/,
    );
    const badNamespace = await post(host, '/_fixtures/scenario', { scenario: 'client-offer', namespace: 'Has Spaces' });
    assert.equal(badNamespace.status, 400);
    const badClock = await post(host, '/_fixtures/clock', { advanceMinutes: 'soon' });
    assert.equal(badClock.status, 400);
    assert.match(((await badClock.json()) as { error: { message: string } }).error.message, /advanceMinutes.*or.*now/);
    const notDemo = await post(host, '/_fixtures/token', {
      tenant: 'practice-a',
      subject: 'th-ana',
      role: 'therapist',
    });
    assert.equal(notDemo.status, 400, 'tokens only for demo practices');
    assert.equal((await post(host, '/_fixtures/scenario', '{not json')).status, 400);
  });
});
