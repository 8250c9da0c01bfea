import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockHost, DEFAULT_IDEMPOTENCY_TTL_MS } from '../../src/index.js';
import { fetchAs, withBearer } from '../shared/callers.js';

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');

/** The decision a widget says it showed: the host decides again either way. */
const decision = { policyId: 'raincheck-default', policyVersion: '1.0.0', policyHash: 'x', outcome: 'allowed' };

/** A cancellation of ses-1 the policy allows: the reason and the first two open slots. */
async function cancelBody(fetch: typeof globalThis.fetch): Promise<string> {
  const listed = await fetch(`${BASE}/therapists/th-ana/slots?from=2027-06-01T00:00:00Z&to=2027-06-20T00:00:00Z`);
  const { slots } = (await listed.json()) as { slots: { id: string }[] };
  return JSON.stringify({
    reason: 'illness',
    alternativeSlotIds: slots.slice(0, 2).map((slot) => slot.id),
    refundOffered: false,
    decision,
  });
}

function cancel(fetch: typeof globalThis.fetch, body: string, key: string): Promise<Response> {
  return fetch(`${BASE}/sessions/ses-1/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'if-match': '"1"' },
    body,
  });
}

describe('mock host: bodies it cannot read and faults of its own', () => {
  it('a body nested 200 levels deep is a 400 naming the field it breaks, and changes nothing', async () => {
    const host = createMockHost({ scenario: 'ordinary-cancellation', now: () => NOW });
    const fetch = fetchAs(host, BASE, 'therapist');
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const response = await cancel(fetch, JSON.stringify({ reason: 'illness', note: deep }), 'k-deep');
    assert.equal(response.status, 400);
    const { error } = (await response.json()) as { error: { code: string; details: { path: string }[] } };
    assert.equal(error.code, 'invalid-request');
    assert.ok(
      error.details.some((issue) => issue.path === '$.note'),
      JSON.stringify(error.details),
    );
    assert.equal(host.state.session('ses-1')?.status, 'scheduled');
    assert.equal(host.records.notifications.length, 0);
  });

  it('a fault inside the host is answered with a 500 error body, not a dropped call; the key may try again', async () => {
    let broken = false;
    const host = createMockHost({
      scenario: 'ordinary-cancellation',
      now: () => {
        if (broken) throw new Error('the clock failed');
        return NOW;
      },
    });
    // Minted before the clock breaks: tokens are minted on the host's clock.
    const fetch = withBearer(host.fetchAt(BASE), await host.token('therapist'));
    const body = await cancelBody(fetch);
    broken = true;
    const failed = await cancel(fetch, body, 'k-1');
    assert.equal(failed.status, 500);
    const { error } = (await failed.json()) as { error: { code: string; message: string } };
    assert.deepEqual(error, {
      code: 'internal-error',
      message: 'The host failed: the clock failed. Nothing was changed.',
    });
    assert.equal(host.records.requests.at(-1)?.status, 500);
    broken = false;
    const again = await cancel(fetch, body, 'k-1');
    assert.equal(again.status, 200, 'the failed attempt is not replayed');
    assert.equal(host.state.session('ses-1')?.status, 'cancelled');
  });

  it('malformed percent-encoding in a path parameter is a 400 naming it, not an exception', async () => {
    const host = createMockHost({ scenario: 'ordinary-cancellation', now: () => NOW });
    const response = await fetchAs(host, BASE, 'therapist')(`${BASE}/sessions/%E0`);
    assert.equal(response.status, 400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'invalid-request');
    assert.match(error.message, /sessionId/);
  });

  it('If-Match names one entity tag: "1" and W/"1" match version 1; 1" and 1 do not', async () => {
    const host = createMockHost({ scenario: 'ordinary-cancellation', now: () => NOW });
    const fetch = fetchAs(host, BASE, 'therapist');
    const statuses: Record<string, number> = {};
    for (const ifMatch of ['1"', '1', '"1', '"1" "2"', '"1"', 'W/"1"']) {
      const response = await fetch(`${BASE}/sessions/ses-1/refund`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `k-${ifMatch}`, 'if-match': ifMatch },
        body: JSON.stringify({ decision }),
      });
      statuses[ifMatch] = response.status;
    }
    // A scheduled session is not refunded (422), but only once its version matched.
    assert.deepEqual(statuses, { '1"': 412, '1': 412, '"1': 412, '"1" "2"': 412, '"1"': 422, 'W/"1"': 422 });
  });
});

describe('mock host: a write that fails half-way leaves nothing applied', () => {
  /** Everything a write may change, as JSON. */
  const stateOf = (host: ReturnType<typeof createMockHost>) =>
    JSON.stringify({
      session: host.state.session('ses-1'),
      seed: { ...host.state.seed, offers: undefined },
      records: { ...host.records, requests: undefined },
    });

  for (const [name, scenario, path, body] of [
    ['a cancellation', 'ordinary-cancellation', '/sessions/ses-1/cancel', 'cancel'],
    ['a rearrangement', 'ordinary-cancellation', '/sessions/ses-1/reschedule', 'reschedule'],
    ['a time chosen from an offer', 'client-offer', '/offers/{open}/answer', 'answer'],
  ] as const) {
    it(`${name}: a fault at any step after the check rolls it back; the same key then succeeds once`, async () => {
      let calls = 0;
      let failAt = 0;
      const host = createMockHost({
        scenario,
        now: () => {
          if (failAt > 0 && ++calls === failAt) throw new Error('the clock failed');
          return NOW;
        },
      });
      // Minted before the clock may fail: tokens are minted on the host's clock.
      const fetch = withBearer(host.fetchAt(BASE), await host.token('therapist'));
      const slots = host.state.seed.slots['th-ana']!.map((slot) => slot.id);
      const open = host.offerTokens.open;
      const offered =
        open === undefined
          ? []
          : (
              (await (await fetch(`${BASE}/offers/${open}`)).json()) as { offer: { alternatives: { id: string }[] } }
            ).offer.alternatives.map((slot) => slot.id);
      const payloads = {
        cancel: { reason: 'illness', alternativeSlotIds: slots.slice(0, 2), refundOffered: false, decision },
        reschedule: { slotId: slots[0], decision },
        answer: { choice: 'alternative', slotId: offered[1] },
      };
      const payload = JSON.stringify(payloads[body]);
      const send = () =>
        fetch(`${BASE}${path.replace('{open}', open ?? '')}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1', 'if-match': '"1"' },
          body: payload,
        });
      const before = stateOf(host);
      let failures = 0;
      // Fail at the 1st, 2nd, … clock reading of the write until one gets through.
      for (failAt = 1; failAt < 20; failAt++) {
        calls = 0;
        const response = await send();
        if (response.status !== 500) break;
        failures++;
        assert.equal(stateOf(host), before, `nothing applied after a fault at clock reading ${failAt}`);
      }
      assert.ok(failures >= 1, `a fault at a clock reading of the write is a 500 (failed ${failures} times)`);
      failAt = 0;
      const response = await send();
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(host.state.session('ses-1')?.version, '2');
    });
  }
});

describe('mock host: offer links cannot be guessed', () => {
  it("each cancellation's offer token is 128 random bits (22 base64url characters), never one a neighbour's predicts", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      const host = createMockHost({ scenario: 'ordinary-cancellation', now: () => NOW });
      const fetch = fetchAs(host, BASE, 'therapist');
      const response = await cancel(fetch, await cancelBody(fetch), `k-${i}`);
      const { offer } = (await response.json()) as { offer: { token: string } };
      tokens.push(offer.token);
    }
    for (const token of tokens) assert.match(token, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(new Set(tokens).size, tokens.length, 'every host run gives another token');
  });
});

describe('mock host: idempotency keys expire', () => {
  it('a key is remembered for idempotencyTtlMs of the host clock (default 24 h), then forgotten', async () => {
    let now = NOW;
    const host = createMockHost({ scenario: 'ordinary-cancellation', now: () => now });
    const fetch = fetchAs(host, BASE, 'therapist');
    const hide = (visible: boolean) =>
      fetch(`${BASE}/therapists/th-ana/visibility`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-vis' },
        body: JSON.stringify({ visible }),
      });
    assert.equal((await hide(false)).status, 200);
    now += DEFAULT_IDEMPOTENCY_TTL_MS - 1;
    assert.equal((await hide(true)).status, 422, 'within a day, the key still names the first request');
    now += 2;
    assert.equal((await hide(true)).status, 200, 'after a day, the key is forgotten: a new request');
    const answer = (await (await fetch(`${BASE}/therapists/th-ana`)).json()) as {
      therapist: { profileVisible: boolean };
    };
    assert.equal(answer.therapist.profileVisible, true);
  });
});
