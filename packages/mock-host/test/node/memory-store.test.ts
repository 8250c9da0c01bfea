import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Refund } from '@raincheck/host-api';
import { createMemoryStore, type MemoryData } from '../../src/memory-store.js';
import { seedScenario } from '../../src/scenarios.js';

// The in-memory store is what makes the mock host's writes atomic: these tests hold it to a
// database's promises directly, below the core.

const NOW = Date.parse('2027-06-01T09:00:00Z');

function freshData(): MemoryData {
  const { offers: _offers, ...seed } = seedScenario('ordinary-cancellation', NOW);
  return { seed: { ...seed, offers: [] }, refunds: [], teamRequests: [], notifications: [], answers: new Map(), sequence: 0 };
}

const refund = (id: string, sessionId = 'ses-1'): Refund => ({ id, sessionId, amount: { amount: 6500, currency: 'GBP' }, status: 'issued' });

describe('the in-memory store', () => {
  it('commits a write into the live data, and leaves nothing of a write that throws', async () => {
    const data = freshData();
    const store = createMemoryStore(data);
    const slotId = data.seed.slots['th-ana']![0]!.id;
    await assert.rejects(
      store.write(async (tx) => {
        await tx.putRefund(refund('refund-a'));
        assert.equal(await tx.takeSlot('th-ana', slotId), true);
        assert.equal((await tx.refundOf('ses-1'))?.id, 'refund-a', 'a transaction reads its own writes');
        throw new Error('the payment provider said no');
      }),
      /the payment provider said no/,
    );
    assert.equal(data.refunds.length, 0);
    assert.ok(data.seed.slots['th-ana']!.some((s) => s.id === slotId), 'the slot is still open');
    await store.write(async (tx) => {
      await tx.putRefund(refund('refund-b'));
      await tx.takeSlot('th-ana', slotId);
    });
    assert.deepEqual(
      data.refunds.map((r) => r.id),
      ['refund-b'],
    );
    assert.ok(!data.seed.slots['th-ana']!.some((s) => s.id === slotId));
  });

  it('undoes a failed savepoint and keeps the rest of its transaction', async () => {
    const data = freshData();
    const store = createMemoryStore(data);
    await store.write(async (tx) => {
      await tx.putRefund(refund('before'));
      await assert.rejects(
        tx.savepoint(async () => {
          await tx.putRefund(refund('inside', 'ses-2'));
          throw new Error('refused');
        }),
      );
      assert.equal(await tx.refund('inside'), undefined, 'the savepoint’s write is gone at once');
      await tx.savepoint(async () => tx.putRefund(refund('kept', 'ses-3')));
    });
    assert.deepEqual(
      data.refunds.map((r) => r.id),
      ['before', 'kept'],
    );
  });

  it('runs transactions one after the other, so a read never sees a write half-done', async () => {
    const data = freshData();
    const store = createMemoryStore(data);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = store.write(async (tx) => {
      await tx.putRefund(refund('first'));
      await gate;
      await tx.putRefund(refund('second', 'ses-2'));
    });
    const read = store.read(async (tx) => [await tx.refund('first'), await tx.refund('second')]);
    release();
    await slow;
    assert.deepEqual(
      (await read).map((r) => r?.id),
      ['first', 'second'],
      'the read ran after the write, and saw all of it',
    );
  });

  it('hands out distinct ids to concurrent writes, and remembers answers only until they expire', async () => {
    const data = freshData();
    const store = createMemoryStore(data);
    const ids = await Promise.all(Array.from({ length: 20 }, () => store.write((tx) => tx.newId('refund'))));
    assert.equal(new Set(ids).size, 20);
    await store.write((tx) => tx.putAnswer({ scope: 'k', fingerprint: 'f', status: 200, body: '{}', headers: [], expiresAt: NOW + 1000 }));
    assert.equal((await store.read((tx) => tx.answer('k', NOW + 999)))?.fingerprint, 'f');
    assert.equal(await store.read((tx) => tx.answer('k', NOW + 1000)), undefined);
  });

  it('lists a tenant’s team requests newest first, never another tenant’s', async () => {
    const data = freshData();
    const store = createMemoryStore(data);
    const request = (id: string, tenant: string, status: 'open' | 'resolved' = 'open') => ({
      id,
      tenant,
      kind: 'other' as const,
      therapistId: 'th-ana',
      reason: 'A matter for the team.',
      status,
      createdAt: '2027-06-01T10:00:00+01:00',
      decision: null,
    });
    await store.write(async (tx) => {
      await tx.putTeamRequest(request('a', 'practice-a'));
      await tx.putTeamRequest(request('b', 'practice-b'));
      await tx.putTeamRequest(request('c', 'practice-a', 'resolved'));
    });
    const list = await store.read((tx) => tx.teamRequests('practice-a', {}));
    assert.deepEqual(
      list.map((r) => r.id),
      ['c', 'a'],
    );
    assert.deepEqual(
      (await store.read((tx) => tx.teamRequests('practice-a', { status: 'open' }))).map((r) => r.id),
      ['a'],
    );
  });
});
