import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Refund } from '@raincheck/host-api';
import type { OutboxRow } from '../../src/core/outbox.js';
import type { HostStore, StoredSession, StoredTeamRequest, StoredTherapist } from '../../src/core/store.js';

// What every HostStore must do, whatever it runs on: the in-memory store (mock host) and the SQL
// store on PGlite and on PostgreSQL all run this suite. The concurrency cases only prove something
// where transactions really run side by side (PostgreSQL); elsewhere they show nothing is lost.

/** Makes an empty store (a fresh database or memory), and closes it after the test. */
export type StoreFactory = () => Promise<{ readonly store: HostStore; readonly close: () => Promise<void> }>;

const therapist: StoredTherapist = {
  id: 'th-ana',
  tenant: 'practice-a',
  profileVisible: true,
  timeZone: 'Europe/London',
};
const session: StoredSession = {
  id: 'ses-1',
  therapistId: 'th-ana',
  clientId: 'cli-ben',
  startsAt: '2027-06-08T11:00:00+01:00',
  endsAt: '2027-06-08T11:50:00+01:00',
  timeZone: 'Europe/London',
  status: 'scheduled',
  price: { amount: 6500, currency: 'GBP' },
  version: '1',
};
const slot = (hour: number) => ({
  id: `slot-${hour}`,
  startsAt: `2027-06-09T${String(hour).padStart(2, '0')}:00:00+01:00`,
  endsAt: `2027-06-09T${String(hour).padStart(2, '0')}:50:00+01:00`,
});
const refund = (id: string, sessionId = 'ses-1'): Refund => ({
  id,
  sessionId,
  amount: { amount: 6500, currency: 'GBP' },
  status: 'issued',
});
const teamRequest = (id: string, tenant: string, status: 'open' | 'resolved' = 'open'): StoredTeamRequest => ({
  id,
  tenant,
  kind: 'other',
  therapistId: 'th-ana',
  reason: 'A matter for the team.',
  status,
  createdAt: '2027-06-01T10:00:00+01:00',
  decision: null,
});

const at = (minute: number) => new Date(Date.parse('2027-06-01T09:00:00Z') + minute * 60_000).toISOString();
/** A message row due at `runMinute` past 09:00 UTC, with its deadline `deadlineMinute` past it. */
const outboxRow = (
  id: string,
  runMinute: number,
  deadlineMinute: number | null = null,
  changes: Partial<OutboxRow> = {},
): OutboxRow => ({
  id,
  tenant: 'practice-a',
  kind: 'message',
  message: 'session-cancelled',
  channel: 'email',
  sessionId: 'ses-1',
  clientId: 'cli-ben',
  effectId: `effect-${id}`,
  dedupeKey: `key-${id}`,
  createdAt: at(0),
  runAt: at(runMinute),
  deadlineAt: deadlineMinute === null ? null : at(deadlineMinute),
  attempts: 0,
  lockedBy: null,
  lockedUntil: null,
  lastError: null,
  escalatedAt: null,
  outcome: null,
  doneAt: null,
  ...changes,
});

async function seeded(factory: StoreFactory) {
  const made = await factory();
  await made.store.write(async (tx) => {
    await tx.putTherapist(therapist);
    await tx.putTherapist({ id: 'th-lee', tenant: 'practice-b', profileVisible: true });
    await tx.putClient({ id: 'cli-ben', displayName: 'Ben Carter', isNew: false, attendedSessions: 6 });
    await tx.putSession(session);
    await tx.putSession({ ...session, id: 'ses-2' });
    for (const hour of [16, 9, 11, 14]) await tx.addSlot('th-ana', slot(hour));
  });
  return made;
}

/** Runs the store conformance suite against stores the factory makes. */
export function storeConformance(name: string, factory: StoreFactory): void {
  describe(`${name}: a host store`, () => {
    it('keeps records exactly as written, instants with their offsets', async () => {
      const { store, close } = await seeded(factory);
      try {
        await store.read(async (tx) => {
          assert.deepEqual(await tx.session('ses-1'), session);
          assert.deepEqual(await tx.therapist('th-ana'), therapist);
          assert.equal((await tx.client('cli-ben'))?.displayName, 'Ben Carter');
          assert.equal(await tx.session('ses-404'), undefined);
          assert.deepEqual(
            (await tx.slots('th-ana')).map((s) => s.id),
            ['slot-9', 'slot-11', 'slot-14', 'slot-16'],
            'open slots by start',
          );
          assert.deepEqual(
            (await tx.sessionsOf('th-ana')).map((s) => s.id),
            ['ses-1', 'ses-2'],
          );
        });
      } finally {
        await close();
      }
    });

    it('commits a write whole, and leaves nothing of a write that throws', async () => {
      const { store, close } = await seeded(factory);
      try {
        await assert.rejects(
          store.write(async (tx) => {
            await tx.putRefund(refund('refund-a'));
            assert.equal(await tx.takeSlot('th-ana', 'slot-9'), true);
            await tx.putSession({ ...session, status: 'cancelled', version: '2' });
            assert.equal((await tx.refundOf('ses-1'))?.id, 'refund-a', 'a transaction reads its own writes');
            throw new Error('the payment provider said no');
          }),
          /the payment provider said no/,
        );
        await store.read(async (tx) => {
          assert.equal(await tx.refundOf('ses-1'), undefined);
          assert.equal((await tx.session('ses-1'))?.status, 'scheduled');
          assert.ok(
            (await tx.slots('th-ana')).some((s) => s.id === 'slot-9'),
            'the slot is still open',
          );
        });
        await store.write(async (tx) => {
          await tx.putRefund(refund('refund-b'));
          assert.equal(await tx.takeSlot('th-ana', 'slot-9'), true);
          assert.equal(await tx.takeSlot('th-ana', 'slot-9'), false, 'a slot is taken once');
          await tx.addHistory('th-ana', { sessionId: 'ses-1', at: '2027-06-01T10:00:00+01:00', kind: 'cancel' });
        });
        await store.read(async (tx) => {
          assert.equal((await tx.refundOf('ses-1'))?.id, 'refund-b');
          assert.equal((await tx.refund('refund-b'))?.sessionId, 'ses-1');
          assert.ok(!(await tx.slots('th-ana')).some((s) => s.id === 'slot-9'));
          assert.deepEqual(await tx.history('th-ana'), [
            { sessionId: 'ses-1', at: '2027-06-01T10:00:00+01:00', kind: 'cancel' },
          ]);
        });
      } finally {
        await close();
      }
    });

    it('undoes a failed savepoint and keeps the rest of its transaction', async () => {
      const { store, close } = await seeded(factory);
      try {
        await store.write(async (tx) => {
          await tx.putRefund(refund('before'));
          await assert.rejects(
            tx.savepoint(async () => {
              await tx.putRefund(refund('inside', 'ses-2'));
              throw new Error('refused');
            }),
          );
          assert.equal(await tx.refund('inside'), undefined, 'the savepoint’s write is gone at once');
          await tx.savepoint(() =>
            tx.putAnswer({
              scope: 'k',
              fingerprint: 'f',
              status: 422,
              body: '{}',
              headers: [['content-type', 'application/json']],
              expiresAt: 2_000,
            }),
          );
        });
        await store.read(async (tx) => {
          assert.equal((await tx.refundOf('ses-1'))?.id, 'before');
          assert.equal(await tx.refundOf('ses-2'), undefined);
          assert.deepEqual(await tx.answer('k', 1_000), {
            scope: 'k',
            fingerprint: 'f',
            status: 422,
            body: '{}',
            headers: [['content-type', 'application/json']],
            expiresAt: 2_000,
          });
          assert.equal(await tx.answer('k', 2_000), undefined, 'an answer is forgotten when it expires');
        });
      } finally {
        await close();
      }
    });

    it('lists a tenant’s team requests newest first, by status and kind, never another tenant’s', async () => {
      const { store, close } = await seeded(factory);
      try {
        await store.write(async (tx) => {
          await tx.putTeamRequest(teamRequest('a', 'practice-a'));
          await tx.putTeamRequest(teamRequest('b', 'practice-b'));
          await tx.putTeamRequest(teamRequest('c', 'practice-a', 'resolved'));
        });
        await store.read(async (tx) => {
          assert.deepEqual(
            (await tx.teamRequests('practice-a', {})).map((r) => r.id),
            ['c', 'a'],
          );
          assert.deepEqual(
            (await tx.teamRequests('practice-a', { status: 'open' })).map((r) => r.id),
            ['a'],
          );
          assert.deepEqual(
            (await tx.teamRequests('practice-a', { kind: 'new-client-refund' })).map((r) => r.id),
            [],
          );
        });
        await store.write(async (tx) =>
          tx.putTeamRequest({ ...teamRequest('older', 'practice-a'), createdAt: '2027-05-28T10:00:00+01:00' }),
        );
        assert.deepEqual(
          (await store.read((tx) => tx.teamRequests('practice-a', {}))).map((r) => r.id),
          ['c', 'a', 'older'],
          'newest first by when they were raised, not by when they were written',
        );
        await store.write(async (tx) => tx.putTeamRequest({ ...teamRequest('a', 'practice-a'), status: 'resolved' }));
        assert.deepEqual(
          (await store.read((tx) => tx.teamRequests('practice-a', { status: 'open' }))).map((r) => r.id),
          ['older'],
          'a changed request is replaced, not added',
        );
      } finally {
        await close();
      }
    });

    it('loses no update when writers of one session run at once', async () => {
      const { store, close } = await seeded(factory);
      try {
        const writers = 12;
        await Promise.all(
          Array.from({ length: writers }, () =>
            store.write(async (tx) => {
              const current = (await tx.session('ses-1'))!;
              await new Promise((resolve) => setTimeout(resolve, 2));
              await tx.putSession({ ...current, version: String(Number(current.version) + 1) });
            }),
          ),
        );
        assert.equal((await store.read((tx) => tx.session('ses-1')))?.version, String(1 + writers));
      } finally {
        await close();
      }
    });

    it('lets one of many concurrent takers have a slot, and one of many writers of a key answer it', async () => {
      const { store, close } = await seeded(factory);
      try {
        const takers = await Promise.all(
          Array.from({ length: 8 }, () => store.write((tx) => tx.takeSlot('th-ana', 'slot-11'))),
        );
        assert.equal(takers.filter(Boolean).length, 1);
        const writes = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.write(async (tx) => {
              const first = await tx.answer('same-key', 0);
              if (first) return `replayed ${first.body}`;
              await new Promise((resolve) => setTimeout(resolve, 2));
              await tx.putAnswer({
                scope: 'same-key',
                fingerprint: 'f',
                status: 200,
                body: `answer ${i}`,
                headers: [],
                expiresAt: 10_000,
              });
              return 'answered';
            }),
          ),
        );
        assert.equal(writes.filter((w) => w === 'answered').length, 1, writes.join(', '));
        const ids = await Promise.all(Array.from({ length: 10 }, () => store.write((tx) => tx.newId('refund'))));
        assert.equal(new Set(ids).size, 10);
      } finally {
        await close();
      }
    });
    it("keeps outbox rows once per dedupe key, and a session's rows in write order", async () => {
      const { store, close } = await seeded(factory);
      try {
        const added = await store.write(async (tx) => [
          await tx.addOutbox(outboxRow('o-1', 0, 5, { sealedOfferToken: 'v1.sealed', offerTokenHash: 'hash-1' })),
          await tx.addOutbox(outboxRow('o-2', 0, 5, { dedupeKey: 'key-o-1' })),
          await tx.addOutbox(outboxRow('o-3', 60, null, { kind: 'offer-expiry', channel: null })),
        ]);
        assert.deepEqual(added, [true, false, true], 'a repeated dedupe key is refused');
        const rows = await store.read((tx) => tx.outboxOf('ses-1'));
        assert.deepEqual(
          rows.map((r) => r.id),
          ['o-1', 'o-3'],
        );
        assert.deepEqual(
          rows[0],
          outboxRow('o-1', 0, 5, { sealedOfferToken: 'v1.sealed', offerTokenHash: 'hash-1' }),
          'kept as written',
        );
        const { sealedOfferToken: _gone, ...rest } = rows[0];
        await store.write((tx) => tx.putOutbox({ ...rest, outcome: 'sent', doneAt: at(1), attempts: 1 }));
        assert.deepEqual(
          await store.read((tx) => tx.outboxRow('o-1')),
          { ...rest, outcome: 'sent', doneAt: at(1), attempts: 1 },
          'replaced whole: the sealed token is gone',
        );
        assert.equal(await store.read((tx) => tx.outboxRow('o-404')), undefined);
      } finally {
        await close();
      }
    });

    it('claims due rows earliest deadline first, leases them, and gives a row back when its lease runs out', async () => {
      const { store, close } = await seeded(factory);
      try {
        await store.write(async (tx) => {
          await tx.addOutbox(outboxRow('late-deadline', 0, 30));
          await tx.addOutbox(outboxRow('no-deadline', 0, null));
          await tx.addOutbox(outboxRow('early-deadline', 1, 2));
          await tx.addOutbox(outboxRow('not-yet', 90, 95));
          await tx.addOutbox(outboxRow('done', 0, 1, { outcome: 'sent', doneAt: at(1) }));
        });
        const claim = (worker: string, minute: number, limit = 10) =>
          store.write((tx) => tx.claimOutbox({ worker, now: at(minute), leaseUntil: at(minute + 1), limit }));
        const first = await claim('w1', 5);
        assert.deepEqual(
          first.map((r) => r.id),
          ['early-deadline', 'late-deadline', 'no-deadline'],
          'due and not done, earliest deadline first',
        );
        assert.deepEqual(
          first.map((r) => [r.lockedBy, r.lockedUntil, r.attempts]),
          Array(3).fill(['w1', at(6), 1]),
        );
        assert.deepEqual(await claim('w2', 5), [], 'leased rows are not claimed twice');
        const again = await claim('w2', 6, 2);
        assert.deepEqual(
          again.map((r) => [r.id, r.lockedBy, r.attempts]),
          [
            ['early-deadline', 'w2', 2],
            ['late-deadline', 'w2', 2],
          ],
          'an expired lease is taken over, within the limit',
        );
        assert.deepEqual(
          (await claim('w3', 6.5)).map((r) => r.id),
          ['no-deadline'],
          'w2 holds the others until minute 7',
        );
        assert.deepEqual(
          (await claim('w4', 100)).map((r) => r.id),
          ['early-deadline', 'late-deadline', 'not-yet', 'no-deadline'],
          'every lease ran out; the row due at 90 is due too',
        );
      } finally {
        await close();
      }
    });

    it('hands each due row to exactly one of many workers claiming at once', async () => {
      const { store, close } = await seeded(factory);
      try {
        await store.write(async (tx) => {
          for (let i = 0; i < 60; i++) await tx.addOutbox(outboxRow(`row-${i}`, 0, 10));
        });
        const claimed = await Promise.all(
          Array.from({ length: 6 }, (_, w) =>
            store.write((tx) => tx.claimOutbox({ worker: `w${w}`, now: at(1), leaseUntil: at(2), limit: 15 })),
          ),
        );
        const ids = claimed.flat().map((r) => r.id);
        assert.equal(ids.length, 60, `claimed ${ids.length} of 60`);
        assert.equal(new Set(ids).size, 60, 'no row twice');
      } finally {
        await close();
      }
    });
  });
}
