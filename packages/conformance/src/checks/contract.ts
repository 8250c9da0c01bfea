import { responseProblems } from '../contract-fit.js';
import type { CheckDefinition } from '../check.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import type { Answer } from '../probe.js';
import { expectStatus, newKey, readSession } from '../steps.js';
import type { EndpointId } from '@raincheck/host-api';

// contract: the host's answers are the contract's: its statuses, its bodies, its error body.

const DAY_MS = 86_400_000;

/** Fails with every problem of the answers that break the contract. */
function expectFit(answers: readonly [EndpointId, Answer][]): void {
  const problems = answers.flatMap(([endpoint, answer]) =>
    responseProblems(endpoint, answer.status, answer.text, answer.headers.get('content-type')).map(
      (p) => `${answer.line.replace(/ → \d+$/, '')} ${p}`,
    ),
  );
  if (problems.length > 0) throw new CheckFailure(problems.join('; '));
}

export const contractChecks: readonly CheckDefinition[] = [
  {
    id: 'contract.reads',
    group: 'contract',
    title:
      'Every read (session, policy facts, rules, slots, therapist, sessions) answers 200 with the body the contract describes.',
    async run({ probe, practice: scenario, now }) {
      const practice = await scenario('ordinary-cancellation');
      const token = await practice.token('therapist');
      const sessionId = practice.sessionIds[0]!;
      const therapist = encodeURIComponent(practice.therapistId);
      const from = new Date(now()).toISOString();
      const to = new Date(now() + 14 * DAY_MS).toISOString();
      const reads: [EndpointId, string][] = [
        ['getSession', `/sessions/${encodeURIComponent(sessionId)}`],
        ['getPolicyFacts', `/sessions/${encodeURIComponent(sessionId)}/policy-facts`],
        ['getRules', '/policy/rules'],
        ['listSlots', `/therapists/${therapist}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`],
        ['getTherapist', `/therapists/${therapist}`],
        ['listSessions', `/therapists/${therapist}/sessions?from=${from.slice(0, 10)}&to=${to.slice(0, 10)}`],
      ];
      const answers: [EndpointId, Answer][] = [];
      for (const [endpoint, path] of reads) {
        const answer = await probe.send({ method: 'GET', path, token });
        expectStatus(answer, 200, 'the therapist reads their own data');
        answers.push([endpoint, answer]);
      }
      expectFit(answers);
    },
  },
  {
    id: 'contract.error-body',
    group: 'contract',
    title: 'An unknown session answers 404 with the documented error body { error: { code, message } }.',
    async run({ probe, practice: scenario }) {
      const practice = await scenario('ordinary-cancellation');
      const answer = await probe.send({
        method: 'GET',
        path: '/sessions/conformance-no-such-session',
        token: await practice.token('therapist'),
      });
      expectStatus(answer, 404, 'no such session');
      expectFit([['getSession', answer]]);
    },
  },
  {
    id: 'contract.malformed-request',
    group: 'contract',
    title:
      'A write whose body breaks the contract, or is not JSON, answers 400 with the error body and changes nothing.',
    async run(context) {
      const { probe } = context;
      const practice = await context.practice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const path = `/sessions/${encodeURIComponent(sessionId)}/cancel`;
      const token = await practice.token('therapist');
      const wrongTypes = await probe.send({
        method: 'POST',
        path,
        token,
        body: { reason: 42, alternativeSlotIds: 'none' },
        idempotencyKey: newKey(),
        ifMatch: before.version,
      });
      expectStatus(wrongTypes, 400, 'the body breaks the request schema');
      const notJson = await probe.send({
        method: 'POST',
        path,
        token,
        rawBody: '{"reason": "illness",',
        idempotencyKey: newKey(),
        ifMatch: before.version,
      });
      expectStatus(notJson, 400, 'the body is not JSON');
      expectFit([
        ['cancelSession', wrongTypes],
        ['cancelSession', notJson],
      ]);
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version || after.status !== before.status)
        throw new CheckFailure(
          `${path}: a refused request changed the session (version ${before.version} → ${after.version}, status ${before.status} → ${after.status})`,
        );
    },
  },
  {
    id: 'contract.responses',
    group: 'contract',
    title:
      'Every answer the host gave during the whole run fits the contract: a listed status, the response or error body, no 5xx.',
    run({ violations, requestsSoFar }) {
      if (requestsSoFar() === 0)
        return Promise.reject(
          new CheckSkip('no other check ran before it, so there were no answers to check: run it with the others'),
        );
      if (violations.length === 0) return Promise.resolve();
      const shown = violations
        .slice(0, 5)
        .map((v) => `${v.line.replace(/ → \d+$/, '')} (in ${v.checkId}) ${v.problem}`);
      return Promise.reject(
        new CheckFailure(
          `${violations.length} answer(s) broke the contract: ${shown.join('; ')}${violations.length > 5 ? '; …' : ''}`,
        ),
      );
    },
  },
];
