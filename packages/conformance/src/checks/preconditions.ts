import type { CheckDefinition } from '../check.js';
import { CheckFailure } from '../outcomes.js';
import { cancelBody, expectStatus, newKey, readSession } from '../steps.js';

// preconditions: a write to a session names the version it was decided on (If-Match).

export const preconditionChecks: readonly CheckDefinition[] = [
  {
    id: 'preconditions.if-match-required',
    group: 'preconditions',
    title: 'A write to a session without If-Match answers 428 and changes nothing.',
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
        idempotencyKey: newKey(),
      });
      expectStatus(answer, 428, 'the If-Match header is missing');
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version)
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel without If-Match changed the session (version ${before.version} → ${after.version})`,
        );
    },
  },
  {
    id: 'preconditions.stale-version',
    group: 'preconditions',
    title: "A write with a stale If-Match (not the session's version) answers 412 and changes nothing.",
    async run(context) {
      const practice = await context.freshPractice(
        'ordinary-cancellation',
        'sends a valid write that a host lacking this check would apply to the seed',
      );
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const stale = `${before.version}-stale`;
      const answer = await context.probe.send({
        method: 'POST',
        path: `/sessions/${encodeURIComponent(sessionId)}/cancel`,
        token: await practice.token('therapist'),
        body,
        idempotencyKey: newKey(),
        ifMatch: stale,
      });
      expectStatus(answer, 412, `If-Match "${stale}" is not the session's version "${before.version}"`);
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version)
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel with a stale If-Match changed the session (version ${before.version} → ${after.version})`,
        );
    },
  },
  {
    id: 'preconditions.version-changes',
    group: 'preconditions',
    title:
      'A successful write gives the session a new version (and ETag, when sent, names it); the old one is stale from then on.',
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const path = `/sessions/${encodeURIComponent(sessionId)}/cancel`;
      const token = await practice.token('therapist');
      const answer = await context.probe.send({
        method: 'POST',
        path,
        token,
        body,
        idempotencyKey: newKey(),
        ifMatch: before.version,
      });
      expectStatus(answer, 200, 'an allowed cancellation goes through');
      const version = (answer.json as { session?: { version?: string } }).session?.version;
      if (version === before.version)
        throw new CheckFailure(
          `POST ${path} answered 200 but the session kept version "${before.version}": a write must change it`,
        );
      const etag = answer.headers.get('etag');
      if (etag !== null && etag.replace(/^W\//, '') !== `"${version}"`)
        throw new CheckFailure(
          `POST ${path}: ETag ${etag} does not name the session's new version "${String(version)}"`,
        );
      const again = await context.probe.send({
        method: 'POST',
        path,
        token,
        body,
        idempotencyKey: newKey(),
        ifMatch: before.version,
      });
      expectStatus(again, 412, `If-Match "${before.version}" is the version before the cancellation`);
    },
  },
  {
    id: 'preconditions.concurrent-writers',
    group: 'preconditions',
    title:
      'Two writers with the same version at once (different keys): exactly one succeeds, the other gets 412 (or 409).',
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body } = await cancelBody(context, practice, sessionId);
      const path = `/sessions/${encodeURIComponent(sessionId)}/cancel`;
      const token = await practice.token('therapist');
      const answers = await Promise.all(
        ['first', 'second'].map((who) =>
          context.probe.send({
            method: 'POST',
            path,
            token,
            body: { ...body, note: `${String(body.note)} (${who} writer)` },
            idempotencyKey: newKey(),
            ifMatch: before.version,
          }),
        ),
      );
      const won = answers.filter((a) => a.status === 200).length;
      const lost = answers.filter((a) => a.status === 412 || a.status === 409).length;
      if (won !== 1 || lost !== 1)
        throw new CheckFailure(
          `POST ${path} twice at once with If-Match "${before.version}": expected one 200 and one 412, got ${answers.map((a) => a.status).join(' and ')}`,
        );
    },
  },
];
