import type { CheckDefinition } from '../check.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import { cancelBody, expectStatus, got, newKey, readSession } from '../steps.js';
import { tokenClaims } from '../token-claims.js';

// idempotency: a retry or a double click has one effect, and the first answer.

const DUPLICATES = 10;

export const idempotencyChecks: readonly CheckDefinition[] = [
  {
    id: 'idempotency.key-required',
    group: 'idempotency',
    title: 'A write without an Idempotency-Key header answers 400 and changes nothing.',
    async run(context) {
      const practice = await context.freshPractice(
        'ordinary-cancellation',
        'sends a valid write that a host lacking this check would apply to the seed',
      );
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const answer = await context.probe.send({
        method: 'POST',
        path: `/sessions/${encodeURIComponent(sessionId)}/cancel`,
        token: await practice.token('therapist'),
        body,
        ifMatch: before.version,
      });
      expectStatus(answer, 400, 'the Idempotency-Key header is missing');
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version)
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel without Idempotency-Key was refused but changed the session (version ${before.version} → ${after.version})`,
        );
    },
  },
  {
    id: 'idempotency.replay',
    group: 'idempotency',
    title:
      'A repeated Idempotency-Key with the same body replays the first answer byte for byte, and the write happens once.',
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const call = {
        method: 'POST',
        path: `/sessions/${encodeURIComponent(sessionId)}/cancel`,
        token: await practice.token('therapist'),
        body,
        idempotencyKey: newKey(),
        ifMatch: before.version,
      } as const;
      const first = await context.probe.send(call);
      expectStatus(first, 200, 'an allowed cancellation goes through');
      const again = await context.probe.send(call);
      if (again.status !== first.status)
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel repeated with the same Idempotency-Key and body: expected the first answer replayed (200), got ${got(again)}`,
        );
      if (again.text !== first.text)
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel repeated with the same Idempotency-Key: the body differs from the first answer's (first ${first.text.length} bytes, replay ${again.text.length} bytes); a replay must be byte-identical`,
        );
      const after = await readSession(context, practice, sessionId);
      const firstVersion = (first.json as { session?: { version?: string } }).session?.version;
      if (after.version !== firstVersion)
        throw new CheckFailure(
          `the session's version is ${after.version} after the replay, but the first answer gave ${String(firstVersion)}: the repeat was applied again`,
        );
    },
  },
  {
    id: 'idempotency.key-reused-other-body',
    group: 'idempotency',
    title:
      'The same Idempotency-Key with a different body (a cancel, a team request) answers 422 and changes nothing more: the session and the team queue read as after the first.',
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const key = newKey();
      const path = `/sessions/${encodeURIComponent(sessionId)}/cancel`;
      const token = await practice.token('therapist');
      const first = await context.probe.send({
        method: 'POST',
        path,
        token,
        body,
        idempotencyKey: key,
        ifMatch: before.version,
      });
      expectStatus(first, 200, 'an allowed cancellation goes through');
      const other = await context.probe.send({
        method: 'POST',
        path,
        token,
        body: { ...body, note: `${String(body.note)} (edited)` },
        idempotencyKey: key,
        ifMatch: before.version,
      });
      expectStatus(other, 422, 'the key was used for another body: the host must not replay or apply it');
      const firstVersion = (first.json as { session?: { version?: string } }).session?.version;
      const after = await readSession(context, practice, sessionId);
      if (after.version !== firstVersion)
        throw new CheckFailure(
          `${path}: after the 422 the session has version ${after.version}, not the first answer's ${String(firstVersion)}: the reused key's other body was applied`,
        );
      // A cancelled session cannot show a second change: a team request can.
      const reason = `Conformance key reuse ${crypto.randomUUID()}`;
      const request = { method: 'POST', path: '/team-requests', token, idempotencyKey: newKey() } as const;
      expectStatus(
        await context.probe.send({ ...request, body: { kind: 'other', therapistId: practice.therapistId, reason } }),
        200,
        'the therapist raises a team request',
      );
      const edited = await context.probe.send({
        ...request,
        body: { kind: 'other', therapistId: practice.therapistId, reason: `${reason} (edited)` },
      });
      expectStatus(edited, 422, 'the key was used for another body: the host must not replay or apply it');
      const list = await context.probe.send({
        method: 'GET',
        path: '/team-requests',
        token: await practice.token('team'),
      });
      expectStatus(list, 200, 'the team lists its requests');
      const reasons = ((list.json as { teamRequests?: { reason?: string }[] }).teamRequests ?? []).map((r) => r.reason);
      if (reasons.includes(`${reason} (edited)`))
        throw new CheckFailure(
          `POST /team-requests answered 422 to the reused key's other body, but the team's queue has that request: it was applied`,
        );
      if (reasons.filter((r) => r === reason).length !== 1)
        throw new CheckFailure(
          `POST /team-requests: expected the first request once in the team's queue, found it ${reasons.filter((r) => r === reason).length} time(s)`,
        );
    },
  },
  {
    id: 'idempotency.concurrent-duplicates',
    group: 'idempotency',
    title: `${DUPLICATES} concurrent duplicates (one key, one body) have one effect: one team request, the same answer to every one that succeeds.`,
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const reason = `Conformance duplicate ${crypto.randomUUID()}`;
      const call = {
        method: 'POST',
        path: '/team-requests',
        token: await practice.token('therapist'),
        body: { kind: 'other', therapistId: practice.therapistId, reason },
        idempotencyKey: newKey(),
      } as const;
      const answers = await Promise.all(Array.from({ length: DUPLICATES }, () => context.probe.send(call)));
      // The contract lists no 409 for this endpoint: a duplicate that arrives while the first is in
      // flight waits for it and gets its answer (contract.responses would flag a 409 as well).
      const stray = answers.find((a) => a.status !== 200);
      if (stray)
        throw new CheckFailure(
          `POST /team-requests, ${DUPLICATES} at once with one key: expected 200 for every one (the first answer, replayed; the contract lists no 409 here), got ${got(stray)}`,
        );
      if (new Set(answers.map((a) => a.text)).size > 1)
        throw new CheckFailure(
          `POST /team-requests, ${DUPLICATES} at once with one key: the successful answers differ (${new Set(answers.map((a) => a.text)).size} different bodies); every one must be the first answer`,
        );
      const list = await context.probe.send({
        method: 'GET',
        path: '/team-requests',
        token: await practice.token('team'),
      });
      expectStatus(list, 200, 'the team lists its requests');
      const made = ((list.json as { teamRequests?: { reason?: string }[] }).teamRequests ?? []).filter(
        (r) => r.reason === reason,
      ).length;
      if (made !== 1)
        throw new CheckFailure(
          `POST /team-requests, ${DUPLICATES} at once with one key: expected one team request, the team's queue has ${made}`,
        );
    },
  },
  {
    id: 'idempotency.key-per-caller',
    group: 'idempotency',
    title:
      "Idempotency keys are each caller's own: another practice's therapist, or the practice's admin, sending a key the therapist used gets their own answer, not the therapist's replayed (nor 422).",
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const key = newKey();
      const reason = `Conformance key scope ${crypto.randomUUID()}`;
      const first = await context.probe.send({
        method: 'POST',
        path: '/team-requests',
        token: await practice.token('therapist'),
        body: { kind: 'other', therapistId: practice.therapistId, reason },
        idempotencyKey: key,
      });
      expectStatus(first, 200, 'the therapist raises a team request');
      const otherToken = await practice.token('other-tenant-therapist');
      const otherTherapist = tokenClaims(otherToken).subject;
      if (!otherTherapist)
        throw new CheckSkip(
          "the other practice's therapist token names no subject (sub), so the kit cannot write for them",
        );
      const theirs = await context.probe.send({
        method: 'POST',
        path: '/team-requests',
        token: otherToken,
        body: { kind: 'other', therapistId: otherTherapist, reason: `${reason} (theirs)` },
        idempotencyKey: key,
      });
      expectStatus(
        theirs,
        200,
        "another practice's therapist raises their own request; the key was used by someone else",
      );
      if (theirs.text === first.text)
        throw new CheckFailure(
          `POST /team-requests as another practice's therapist with a key this practice used: the host replayed this practice's answer (and showed them its request); keys must be scoped per tenant and caller`,
        );
      const made = (theirs.json as { teamRequest?: { reason?: string } }).teamRequest?.reason;
      if (made !== `${reason} (theirs)`)
        throw new CheckFailure(
          `POST /team-requests as another practice's therapist: expected their own request back, got reason ${JSON.stringify(made)}`,
        );
      // Within the practice too: its admin may raise requests for the therapist, under keys of their own.
      const admins = await context.probe.send({
        method: 'POST',
        path: '/team-requests',
        token: await practice.token('admin'),
        body: { kind: 'other', therapistId: practice.therapistId, reason: `${reason} (the admin's)` },
        idempotencyKey: key,
      });
      expectStatus(admins, 200, "the practice's admin raises a request of their own; the key was the therapist's");
      if (admins.text === first.text)
        throw new CheckFailure(
          `POST /team-requests as the practice's admin with a key its therapist used: the host replayed the therapist's answer; keys must be scoped per caller, not only per tenant`,
        );
    },
  },
];
