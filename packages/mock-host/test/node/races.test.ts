import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createHostClient, HostResponseError, type DecisionShown, type HostClient } from '@raincheck/host-api';
import { createMockHost, type MockHost } from '../../src/index.js';

// Every test fires its calls at once (Promise.all through the client), so they interleave at the
// host's awaits: between the If-Match check, the policy decision and the write.

const BASE = 'https://partner.test/api/raincheck';
const NOW = Date.parse('2027-06-01T09:00:00Z');
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};

let host: MockHost;
let client: HostClient;

beforeEach(async () => {
  host = createMockHost({ now: () => NOW });
  // One token for every call, as a page mints one: minting per call (async Web Crypto) would let
  // the calls reach the host in another order than they were fired, and the mixes below rely on it.
  client = createHostClient({
    baseUrl: BASE,
    fetch: host.fetchAt(BASE),
    retries: 0,
    token: await host.token('therapist'),
  });
});

/** What one call ended in: `200`, or the host's status and error code. */
type Outcome = { readonly status: 200; readonly value: unknown } | { readonly status: number; readonly code: string };

/** Waits for every call, fired together, and names how each ended; anything but a host answer fails the test. */
async function outcomes(calls: readonly Promise<unknown>[]): Promise<Outcome[]> {
  return Promise.all(
    calls.map((call) =>
      call.then(
        (value): Outcome => ({ status: 200, value }),
        (error: unknown): Outcome => {
          if (error instanceof HostResponseError) return { status: error.status, code: error.code };
          throw error;
        },
      ),
    ),
  );
}

/** The outcomes as `status code` strings, counted, e.g. `{ '200': 1, '412 version-mismatch': 9 }`. */
function tally(list: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of list) {
    const name = 'code' in outcome ? `${outcome.status} ${outcome.code}` : '200';
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

const openSlotIds = () => host.state.seed.slots['th-ana']!.map((s) => s.id);
/** The scenario's open offer's token (the host keeps only its hash). */
const openOffer = () => host.offerTokens.open!;
/** The slot ids the open offer offers, as the client's link shows them. */
const offeredSlotIds = async () => (await client.getOffer({ token: openOffer() })).offer.alternatives.map((s) => s.id);

describe('one version, many writers: the first wins, the rest get 412', () => {
  it('ten cancels of one version with different keys: one cancellation, one notice, one history entry', async () => {
    const alternativeSlotIds = openSlotIds().slice(0, 2);
    const results = await outcomes(
      Array.from({ length: 10 }, () =>
        client.cancelSession({
          sessionId: 'ses-1',
          version: '1',
          body: { reason: 'illness', alternativeSlotIds, refundOffered: true, decision: shown },
        }),
      ),
    );
    assert.deepEqual(tally(results), { '200': 1, '412 version-mismatch': 9 });
    assert.equal(host.state.session('ses-1')?.version, '2');
    assert.equal(host.records.notifications.length, 1);
    assert.equal(host.state.seed.history['th-ana']!.length, 1);
  });

  it('concurrent reschedules of one version: the session moves once and no slot is lost or freed twice', async () => {
    const before = openSlotIds();
    const oldStart = host.state.session('ses-1')!.startsAt;
    const targets = before.slice(0, 5);
    const results = await outcomes(
      targets.map((slotId) =>
        client.rescheduleSession({ sessionId: 'ses-1', version: '1', body: { slotId, decision: shown } }),
      ),
    );
    assert.deepEqual(tally(results), { '200': 1, '412 version-mismatch': 4 });
    const winner = targets[results.findIndex((r) => r.status === 200)]!;
    const after = openSlotIds();
    assert.deepEqual(
      after.filter((id) => !before.includes(id)),
      ['ses-1-freed-1'],
      'the old time is freed once',
    );
    assert.deepEqual(
      before.filter((id) => !after.includes(id)),
      [winner],
      'only the winner’s slot is taken',
    );
    assert.equal(host.state.seed.slots['th-ana']!.find((s) => s.id === 'ses-1-freed-1')?.startsAt, oldStart);
    assert.equal(host.state.session('ses-1')?.version, '2');
    assert.equal(host.state.seed.history['th-ana']!.length, 1);
  });

  it('a cancel and a reschedule of one version: exactly one of them happens', async () => {
    const [first, second, third] = openSlotIds();
    const results = await outcomes([
      client.cancelSession({
        sessionId: 'ses-1',
        version: '1',
        body: { reason: 'illness', alternativeSlotIds: [first!, second!], refundOffered: false, decision: shown },
      }),
      client.rescheduleSession({ sessionId: 'ses-1', version: '1', body: { slotId: third!, decision: shown } }),
    ]);
    assert.deepEqual(tally(results), { '200': 1, '412 version-mismatch': 1 });
    const session = host.state.session('ses-1')!;
    assert.equal(session.version, '2');
    assert.equal(host.state.seed.history['th-ana']!.length, 1);
    assert.equal(
      openSlotIds().includes(third!),
      session.status === 'cancelled',
      'the slot is taken only when the reschedule won',
    );
  });

  it('two attendance updates of one version: one is recorded, and its refund is the only one', async () => {
    host.reset('already-started');
    const results = await outcomes([
      client.updateAttendance({
        sessionId: 'ses-1',
        version: '1',
        body: { outcome: 'attended', refund: false, decision: shown },
      }),
      client.updateAttendance({
        sessionId: 'ses-1',
        version: '1',
        body: { outcome: 'therapist-unable', refund: true, decision: shown },
      }),
    ]);
    assert.deepEqual(tally(results), { '200': 1, '412 version-mismatch': 1 });
    assert.equal(host.state.session('ses-1')?.version, '2');
    const refunded = results[1]!.status === 200;
    assert.equal(host.records.refunds.length, refunded ? 1 : 0);
  });

  it('refunds of one session with different keys: one refund, the rest 409 already-refunded', async () => {
    host.reset('client-offer');
    const results = await outcomes(
      Array.from({ length: 8 }, () =>
        client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } }),
      ),
    );
    assert.deepEqual(tally(results), { '200': 1, '409 already-refunded': 7 });
    assert.equal(host.records.refunds.length, 1);
  });
});

describe('one offer, answered twice at once', () => {
  beforeEach(() => host.reset('client-offer'));

  it('a time and the refund: only one answer counts; the other is 409 offer-answered', async () => {
    const slotId = (await offeredSlotIds())[1]!;
    const results = await outcomes([
      client.answerOffer({ token: openOffer(), body: { choice: 'refund' } }),
      client.answerOffer({ token: openOffer(), body: { choice: 'alternative', slotId } }),
    ]);
    assert.deepEqual(tally(results), { '200': 1, '409 offer-answered': 1 });
    const refundWon = results[0]!.status === 200;
    assert.equal(host.records.refunds.length, refundWon ? 1 : 0);
    assert.equal(host.state.session('ses-1')?.status, refundWon ? 'cancelled' : 'scheduled');
    assert.equal(openSlotIds().includes(slotId), refundWon, 'the slot is taken only when the time won');
  });

  it('two times at once: one booking, one slot taken', async () => {
    const [, second, third] = await offeredSlotIds();
    const before = openSlotIds();
    const results = await outcomes(
      [second!, third!].map((slotId) =>
        client.answerOffer({ token: openOffer(), body: { choice: 'alternative', slotId } }),
      ),
    );
    assert.deepEqual(tally(results), { '200': 1, '409 offer-answered': 1 });
    assert.equal(before.length - openSlotIds().length, 1);
    assert.equal(host.state.session('ses-1')?.version, '2');
  });

  it('the refund answer and a refund request for its session: one refund', async () => {
    const results = await outcomes([
      client.answerOffer({ token: openOffer(), body: { choice: 'refund' } }),
      client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } }),
    ]);
    assert.equal(results.filter((r) => r.status === 200).length, 1);
    assert.equal(host.records.refunds.length, 1);
  });
});

describe('an offer whose session was refunded', () => {
  beforeEach(() => host.reset('client-offer'));

  it('refunded first, then a time chosen: 409 already-refunded, no slot taken, one refund', async () => {
    const slotId = (await offeredSlotIds())[1]!;
    const slotsBefore = openSlotIds().length;
    await client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } });
    const [answer] = await outcomes([
      client.answerOffer({ token: openOffer(), body: { choice: 'alternative', slotId } }),
    ]);
    assert.deepEqual(answer, { status: 409, code: 'already-refunded' });
    assert.equal(openSlotIds().length, slotsBefore);
    assert.equal(host.state.session('ses-1')?.status, 'cancelled');
    assert.equal(host.records.refunds.length, 1);
  });

  it('a refund and a time at once: exactly one of them happens', async () => {
    const slotId = (await offeredSlotIds())[1]!;
    const results = await outcomes([
      client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } }),
      client.answerOffer({ token: openOffer(), body: { choice: 'alternative', slotId } }),
    ]);
    assert.equal(results.filter((r) => r.status === 200).length, 1, JSON.stringify(tally(results)));
    const rebooked = host.state.session('ses-1')?.status === 'scheduled';
    assert.equal(host.records.refunds.length, rebooked ? 0 : 1);
  });
});

describe('two sessions, one slot', () => {
  it('two sessions rescheduled to the same slot at once: one moves, the other gets 409 slot-taken', async () => {
    host.reset('extended-absence');
    const [slotId] = openSlotIds();
    const results = await outcomes(
      ['ses-1', 'ses-2'].map((sessionId) =>
        client.rescheduleSession({ sessionId, version: '1', body: { slotId: slotId!, decision: shown } }),
      ),
    );
    assert.deepEqual(tally(results), { '200': 1, '409 slot-taken': 1 });
    const moved = ['ses-1', 'ses-2'].filter((id) => host.state.session(id)?.version === '2');
    assert.equal(moved.length, 1);
  });
});

describe('idempotency keys under concurrency', () => {
  it('concurrent repeats of one key while other writers queue: all get the first answer, one effect', async () => {
    const body = {
      reason: 'illness' as const,
      alternativeSlotIds: openSlotIds().slice(0, 2),
      refundOffered: false,
      decision: shown,
    };
    const key = client.newIdempotencyKey();
    const calls = Array.from({ length: 12 }, (_, i) =>
      client.cancelSession({ sessionId: 'ses-1', version: '1', ...(i % 2 === 0 ? { idempotencyKey: key } : {}), body }),
    );
    const results = await outcomes(calls);
    // Which intent reaches the host first is not the order of sending (each request's token check
    // and hashing finish when they finish): the key's repeats all get one answer, and of the seven
    // intents exactly one cancels.
    const repeats = results.filter((_, i) => i % 2 === 0);
    for (const repeat of repeats) assert.deepEqual(repeat, repeats[0]);
    const others = results.filter((_, i) => i % 2 === 1);
    const wins = [repeats[0]!, ...others].filter((result) => result.status === 200);
    assert.equal(wins.length, 1, JSON.stringify(tally(results)));
    assert.deepEqual(tally([repeats[0]!, ...others].filter((result) => result.status !== 200)), {
      '412 version-mismatch': 6,
    });
    assert.equal(host.records.notifications.length, 1);
  });

  it('a key whose first attempt crashed may try again, and then takes effect once', async () => {
    let broken = false;
    host = createMockHost({
      now: () => {
        if (broken) throw new Error('the clock failed');
        return NOW;
      },
    });
    // Minted before the clock breaks: tokens are minted on the host's clock.
    client = createHostClient({
      baseUrl: BASE,
      fetch: host.fetchAt(BASE),
      retries: 0,
      token: await host.token('therapist'),
    });
    const body = {
      reason: 'illness' as const,
      alternativeSlotIds: openSlotIds().slice(0, 2),
      refundOffered: false,
      decision: shown,
    };
    const key = client.newIdempotencyKey();
    broken = true;
    const crashed = await outcomes(
      [0, 1].map(() => client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body })),
    );
    assert.deepEqual(tally(crashed), { '500 internal-error': 2 });
    broken = false;
    const again = await outcomes(
      [0, 1].map(() => client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body })),
    );
    assert.deepEqual(tally(again), { '200': 2 });
    assert.equal(host.records.notifications.length, 1);
  });
});

/** A small seeded generator (mulberry32): the same mix of calls on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One intent: a write with its own key, sent `copies` times with that key (a double submit, a retry). */
interface Intent {
  readonly kind: string;
  readonly sessionId?: string;
  readonly version?: string;
  readonly copies: number;
  readonly call: () => Promise<unknown>;
}

/** Fires every copy of every intent at once, in a shuffled order, and gives each intent its copies' outcomes. */
async function fireAll(intents: readonly Intent[], random: () => number): Promise<Outcome[][]> {
  const sends = intents.flatMap((intent, index) => Array.from({ length: intent.copies }, () => index));
  for (let i = sends.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sends[i], sends[j]] = [sends[j]!, sends[i]!];
  }
  const results = await outcomes(sends.map((index) => intents[index]!.call()));
  const byIntent: Outcome[][] = intents.map(() => []);
  sends.forEach((index, i) => byIntent[index]!.push(results[i]!));
  return byIntent;
}

/** Every intent's copies got one and the same answer (the first one's); returns that answer per intent. */
function oneAnswerPerIntent(byIntent: readonly Outcome[][]): Outcome[] {
  return byIntent.map((copies, index) => {
    for (const copy of copies)
      assert.deepEqual(copy, copies[0], `intent ${index}: a repeat with its key got another answer`);
    return copies[0]!;
  });
}

function assertOnly(answers: readonly Outcome[], allowed: readonly string[]): void {
  const unexpected = Object.keys(tally(answers)).filter((name) => name !== '200' && !allowed.includes(name));
  assert.deepEqual(unexpected, [], 'every answer is a success or a documented refusal');
}

describe('at scale: thousands of concurrent writes, one effect per intent', () => {
  it('writes over three sessions and their therapist: a chain of versions, one notice and history entry each, no lost slot', async () => {
    host.reset('extended-absence');
    const random = seededRandom(14);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const sessionIds = ['ses-1', 'ses-2', 'ses-3'];
    const slotIds = openSlotIds();
    const times = () =>
      [
        ...host.state.seed.slots['th-ana']!.map((s) => s.startsAt),
        ...sessionIds.map((id) => host.state.session(id)!.startsAt),
      ].sort();
    const timesBefore = times();
    const intents: Intent[] = Array.from({ length: 1_100 }, (_, i): Intent => {
      const idempotencyKey = `intent-${i}`;
      const sessionId = pick(sessionIds);
      const version = String(1 + Math.floor(random() * random() * 5));
      const copies = 1 + Math.floor(random() * 3);
      const roll = random();
      if (roll < 0.3) {
        const alternativeSlotIds = [pick(slotIds), pick(slotIds)];
        return {
          kind: 'cancel',
          sessionId,
          version,
          copies,
          call: () =>
            client.cancelSession({
              sessionId,
              version,
              idempotencyKey,
              body: { reason: 'illness', alternativeSlotIds, refundOffered: true, decision: shown },
            }),
        };
      }
      if (roll < 0.7) {
        // Mostly open slots, some a session holds or once held (freed on a move).
        const slotId = random() < 0.8 ? pick(slotIds) : `${pick(sessionIds)}-freed-${1 + Math.floor(random() * 4)}`;
        return {
          kind: 'reschedule',
          sessionId,
          version,
          copies,
          call: () =>
            client.rescheduleSession({ sessionId, version, idempotencyKey, body: { slotId, decision: shown } }),
        };
      }
      if (roll < 0.85)
        return {
          kind: 'refund',
          sessionId,
          version,
          copies,
          call: () => client.refundSession({ sessionId, version, idempotencyKey, body: { decision: shown } }),
        };
      if (roll < 0.9)
        return {
          kind: 'team',
          copies,
          call: () =>
            client.createTeamRequest({
              idempotencyKey,
              body: { kind: 'other', therapistId: 'th-ana', reason: `Intent ${i}.` },
            }),
        };
      if (roll < 0.95) {
        return {
          kind: 'absence',
          copies,
          call: () =>
            client.reportAbsence({
              therapistId: 'th-ana',
              idempotencyKey,
              body: { from: '2027-06-05', certainty: 'sure', informTeam: true, note: `Intent ${i}.` },
            }),
        };
      }
      const visible = random() < 0.5;
      return {
        kind: 'visibility',
        copies,
        call: () => client.setVisibility({ therapistId: 'th-ana', idempotencyKey, body: { visible } }),
      };
    });
    const answers = oneAnswerPerIntent(await fireAll(intents, random));
    assert.ok(intents.reduce((sum, intent) => sum + intent.copies, 0) >= 2_000, 'thousands of calls');
    assertOnly(answers, ['409 slot-taken', '409 already-refunded', '412 version-mismatch', '422 policy-refused']);

    const succeeded = (kind: string, sessionId?: string) =>
      intents.filter(
        (intent, i) =>
          intent.kind === kind &&
          (sessionId === undefined || intent.sessionId === sessionId) &&
          answers[i]!.status === 200,
      );
    for (const sessionId of sessionIds) {
      // Each change was made against the version the one before it left: 1, 2, 3 … and nothing twice.
      const changes = [...succeeded('cancel', sessionId), ...succeeded('reschedule', sessionId)]
        .map((intent) => Number(intent.version))
        .sort((a, b) => a - b);
      const finalVersion = Number(host.state.session(sessionId)!.version);
      assert.deepEqual(
        changes,
        Array.from({ length: finalVersion - 1 }, (_, i) => i + 1),
        `${sessionId}: one change per version`,
      );
      assert.ok(
        host.records.refunds.filter((r) => r.sessionId === sessionId).length <= 1,
        `${sessionId}: refunded at most once`,
      );
    }
    const cancels = succeeded('cancel').length;
    const reschedules = succeeded('reschedule').length;
    assert.ok(cancels + reschedules >= sessionIds.length, 'the mix changed every session');
    assert.equal(host.state.seed.history['th-ana']!.length, cancels + reschedules);
    assert.equal(host.records.notifications.filter((n) => n.kind === 'session-cancelled').length, cancels);
    assert.equal(host.records.notifications.filter((n) => n.kind === 'session-rearranged').length, reschedules);
    assert.equal(host.records.refunds.length, succeeded('refund').length);
    assert.equal(host.records.teamRequests.length, succeeded('team').length + succeeded('absence').length);
    // No time is lost, duplicated or held twice: every move took one open slot and freed one.
    assert.deepEqual(times(), timesBefore);
    assert.equal(new Set(openSlotIds()).size, openSlotIds().length, 'no slot is open twice');
  });

  it('thousands of answers to one offer, with refunds of its session: one answer, one effect', async () => {
    host.reset('client-offer');
    const random = seededRandom(41);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const offered = await offeredSlotIds();
    const slotsBefore = openSlotIds();
    const intents: Intent[] = Array.from({ length: 1_100 }, (_, i): Intent => {
      const idempotencyKey = `answer-${i}`;
      const copies = 1 + Math.floor(random() * 3);
      const roll = random();
      if (roll < 0.35)
        return {
          kind: 'answer-refund',
          copies,
          call: () => client.answerOffer({ token: openOffer(), idempotencyKey, body: { choice: 'refund' } }),
        };
      if (roll < 0.75) {
        // The first offered time was taken meanwhile (409 slot-taken); one is not offered at all (422).
        const slotId = random() < 0.9 ? pick(offered) : slotsBefore[0]!;
        return {
          kind: 'answer-time',
          copies,
          call: () =>
            client.answerOffer({ token: openOffer(), idempotencyKey, body: { choice: 'alternative', slotId } }),
        };
      }
      if (roll < 0.85) {
        const token = pick([host.offerTokens.expired!, host.offerTokens.answered!]);
        return {
          kind: 'answer-closed',
          copies,
          call: () => client.answerOffer({ token, idempotencyKey, body: { choice: 'refund' } }),
        };
      }
      const version = pick(['1', '2']);
      return {
        kind: 'refund',
        copies,
        call: () => client.refundSession({ sessionId: 'ses-1', version, idempotencyKey, body: { decision: shown } }),
      };
    });
    const answers = oneAnswerPerIntent(await fireAll(intents, random));
    assert.ok(intents.reduce((sum, intent) => sum + intent.copies, 0) >= 2_000, 'thousands of calls');
    assertOnly(answers, [
      '409 offer-answered',
      '409 slot-taken',
      '409 already-refunded',
      '410 offer-expired',
      '412 version-mismatch',
      '422 not-offered',
    ]);
    const succeeded = (kind: string) =>
      intents.filter((intent, i) => intent.kind === kind && answers[i]!.status === 200).length;
    assert.equal(succeeded('answer-refund') + succeeded('answer-time'), 1, 'the open offer is answered once');
    assert.equal(succeeded('answer-closed'), 0);
    assert.equal(host.records.refunds.length, succeeded('answer-refund') + succeeded('refund'));
    assert.ok(host.records.refunds.length <= 1, 'refunded at most once');
    const taken = slotsBefore.filter((id) => !openSlotIds().includes(id));
    assert.equal(taken.length, succeeded('answer-time'), 'a slot is taken only by the answer that chose it');
    assert.equal(host.state.session('ses-1')!.version, String(1 + succeeded('answer-time')));
  });
});
