import type { CheckDefinition } from '../check.js';
import { CheckFailure } from '../outcomes.js';
import { cancelBody, expectStatus, got, newKey, readSession } from '../steps.js';

// idempotency: a retry or a double click has one effect, and the first answer.

const DUPLICATES = 10;

export const idempotencyChecks: readonly CheckDefinition[] = [
  {
    id: 'idempotency.key-required',
    group: 'idempotency',
    title: 'A write without an Idempotency-Key header answers 400 and changes nothing.',
    async run(context) {
      const practice = await context.practice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const answer = await context.probe.send({ method: 'POST', path: `/sessions/${encodeURIComponent(sessionId)}/cancel`, token: await practice.token('therapist'), body, ifMatch: before.version });
      expectStatus(answer, 400, 'the Idempotency-Key header is missing');
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version) throw new CheckFailure(`POST /sessions/${sessionId}/cancel without Idempotency-Key was refused but changed the session (version ${before.version} → ${after.version})`);
    },
  },
  {
    id: 'idempotency.replay',
    group: 'idempotency',
    title: 'A repeated Idempotency-Key with the same body replays the first answer byte for byte, and the write happens once.',
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const call = { method: 'POST', path: `/sessions/${encodeURIComponent(sessionId)}/cancel`, token: await practice.token('therapist'), body, idempotencyKey: newKey(), ifMatch: before.version } as const;
      const first = await context.probe.send(call);
      expectStatus(first, 200, 'an allowed cancellation goes through');
      const again = await context.probe.send(call);
      if (again.status !== first.status) throw new CheckFailure(`POST /sessions/${sessionId}/cancel repeated with the same Idempotency-Key and body: expected the first answer replayed (200), got ${got(again)}`);
      if (again.text !== first.text) throw new CheckFailure(`POST /sessions/${sessionId}/cancel repeated with the same Idempotency-Key: the body differs from the first answer's (first ${first.text.length} bytes, replay ${again.text.length} bytes); a replay must be byte-identical`);
      const after = await readSession(context, practice, sessionId);
      const firstVersion = (first.json as { session?: { version?: string } }).session?.version;
      if (after.version !== firstVersion) throw new CheckFailure(`the session's version is ${after.version} after the replay, but the first answer gave ${String(firstVersion)}: the repeat was applied again`);
    },
  },
  {
    id: 'idempotency.key-reused-other-body',
    group: 'idempotency',
    title: 'The same Idempotency-Key with a different body answers 422 and changes nothing more.',
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const key = newKey();
      const path = `/sessions/${encodeURIComponent(sessionId)}/cancel`;
      const token = await practice.token('therapist');
      expectStatus(await context.probe.send({ method: 'POST', path, token, body, idempotencyKey: key, ifMatch: before.version }), 200, 'an allowed cancellation goes through');
      const other = await context.probe.send({ method: 'POST', path, token, body: { ...body, note: `${String(body.note)} (edited)` }, idempotencyKey: key, ifMatch: before.version });
      expectStatus(other, 422, 'the key was used for another body: the host must not replay or apply it');
    },
  },
  {
    id: 'idempotency.concurrent-duplicates',
    group: 'idempotency',
    title: `${DUPLICATES} concurrent duplicates (one key, one body) have one effect: one team request, the same answer to every one that succeeds.`,
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const reason = `Conformance duplicate ${crypto.randomUUID()}`;
      const call = { method: 'POST', path: '/team-requests', token: await practice.token('therapist'), body: { kind: 'other', therapistId: practice.therapistId, reason }, idempotencyKey: newKey() } as const;
      const answers = await Promise.all(Array.from({ length: DUPLICATES }, () => context.probe.send(call)));
      const stray = answers.find((a) => a.status !== 200 && a.status !== 409);
      if (stray) throw new CheckFailure(`POST /team-requests, ${DUPLICATES} at once with one key: expected 200 (or 409 while the first is in flight), got ${got(stray)}`);
      const succeeded = answers.filter((a) => a.status === 200);
      if (succeeded.length === 0) throw new CheckFailure(`POST /team-requests, ${DUPLICATES} at once with one key: none succeeded (all 409)`);
      if (new Set(succeeded.map((a) => a.text)).size > 1) throw new CheckFailure(`POST /team-requests, ${DUPLICATES} at once with one key: the successful answers differ (${new Set(succeeded.map((a) => a.text)).size} different bodies); every one must be the first answer`);
      const list = await context.probe.send({ method: 'GET', path: '/team-requests', token: await practice.token('team') });
      expectStatus(list, 200, 'the team lists its requests');
      const made = ((list.json as { teamRequests?: { reason?: string }[] }).teamRequests ?? []).filter((r) => r.reason === reason).length;
      if (made !== 1) throw new CheckFailure(`POST /team-requests, ${DUPLICATES} at once with one key: expected one team request, the team's queue has ${made}`);
    },
  },
];
