import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockHost } from '../../src/index.js';

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');

function cancel(fetch: typeof globalThis.fetch, body: string, key: string): Promise<Response> {
  return fetch(`${BASE}/sessions/ses-1/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'if-match': '"1"' },
    body,
  });
}

describe('mock host: bodies it cannot read and faults of its own', () => {
  it('a body nested past the canonical form’s depth limit is a 400 naming why, and changes nothing', async () => {
    const host = createMockHost({ scenario: 'ordinary-cancellation', now: () => NOW });
    const fetch = host.fetchAt(BASE);
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const response = await cancel(fetch, JSON.stringify({ reason: 'illness', note: deep }), 'k-deep');
    assert.equal(response.status, 400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'invalid-request');
    assert.match(error.message, /nested deeper than 100 levels/);
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
    const fetch = host.fetchAt(BASE);
    const listed = await fetch(`${BASE}/therapists/th-ana/slots?from=2027-06-01T00:00:00Z&to=2027-06-20T00:00:00Z`);
    const { slots } = (await listed.json()) as { slots: { id: string }[] };
    const decision = { policyId: 'raincheck-default', policyVersion: '1.0.0', policyHash: 'x', outcome: 'allowed' };
    const body = JSON.stringify({ reason: 'illness', alternativeSlotIds: slots.slice(0, 2).map((slot) => slot.id), refundOffered: false, decision });
    broken = true;
    const failed = await cancel(fetch, body, 'k-1');
    assert.equal(failed.status, 500);
    const { error } = (await failed.json()) as { error: { code: string; message: string } };
    assert.deepEqual(error, { code: 'internal-error', message: 'The host failed: the clock failed' });
    assert.equal(host.records.requests.at(-1)?.status, 500);
    broken = false;
    const again = await cancel(fetch, body, 'k-1');
    assert.equal(again.status, 200, 'the failed attempt is not replayed');
    assert.equal(host.state.session('ses-1')?.status, 'cancelled');
  });
});
