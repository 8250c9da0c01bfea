import type { CheckDefinition } from '../check.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import {
  cancel,
  cancelBody,
  errorCode,
  expectStatus,
  hostPolicy,
  newKey,
  NOTE,
  readSession,
  widgetDecision,
} from '../steps.js';

// re-decision: the host decides every write itself, from its own facts and rules; what the widget
// says it showed is never trusted.

export const reDecisionChecks: readonly CheckDefinition[] = [
  {
    id: 're-decision.refused-with-explanation',
    group: 're-decision',
    title:
      "A write the policy does not allow (a started session's cancellation), claimed as allowed, is refused 422 policy-refused with the policy's own explanation, and changes nothing.",
    async run(context) {
      const practice = await context.practice('already-started');
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body, decision } = await cancelBody(context, practice, sessionId);
      if (decision.outcome === 'allowed')
        throw new CheckSkip("the host's rules allow cancelling a started session, so there is no refusal to check");
      const forged = { ...body, decision: { ...(body.decision as object), outcome: 'allowed' } };
      const answer = await context.probe.send({
        method: 'POST',
        path: `/sessions/${encodeURIComponent(sessionId)}/cancel`,
        token: await practice.token('therapist'),
        body: forged,
        idempotencyKey: newKey(),
        ifMatch: before.version,
      });
      expectStatus(answer, 422, `the policy's outcome is ${decision.outcome}, whatever the request claims`);
      if (errorCode(answer) !== 'policy-refused')
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel: expected error code "policy-refused", got ${JSON.stringify(errorCode(answer))}`,
        );
      const message = String((answer.json as { error: { message: unknown } }).error.message);
      const reasons = (decision.outcome === 'blocked' ? decision.blocks : decision.team).map((r) => r.message);
      const missing = reasons.filter((reason) => !message.includes(reason));
      if (missing.length > 0)
        throw new CheckFailure(
          `POST /sessions/${sessionId}/cancel was refused, but its message ${JSON.stringify(message)} does not give the policy's explanation: ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
        );
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version || after.status !== before.status)
        throw new CheckFailure(
          `the refused cancellation changed the session (version ${before.version} → ${after.version}, status ${before.status} → ${after.status})`,
        );
    },
  },
  {
    id: 're-decision.host-decides',
    group: 're-decision',
    title:
      "A new client's refund claimed as allowed is answered with the host's own decision: pending-review, and a team request to confirm it.",
    async run(context) {
      const practice = await context.freshPractice('new-client-refund');
      const sessionId = practice.sessionIds[0]!;
      const { answer: cancelled } = await cancel(context, practice, sessionId);
      const version = (cancelled.json as { session: { version: string } }).session.version;
      const { decision, shown } = await widgetDecision(context, practice, 'refund', sessionId, { note: NOTE });
      if (decision.outcome === 'blocked')
        throw new CheckSkip("the host's rules block this refund, so there is no review to check");
      if (decision.refund?.mode !== 'team-review')
        throw new CheckSkip("the host's rules let a new client's refund through without the team's review");
      const answer = await context.probe.send({
        method: 'POST',
        path: `/sessions/${encodeURIComponent(sessionId)}/refund`,
        token: await practice.token('therapist'),
        body: { note: NOTE, decision: { ...shown, outcome: 'allowed' } },
        idempotencyKey: newKey(),
        ifMatch: version,
      });
      expectStatus(answer, 200, 'the refund may be asked for; the team reviews it');
      const { refund, teamRequest } = answer.json as {
        refund?: { status?: string };
        teamRequest?: { kind?: string } | null;
      };
      if (refund?.status !== 'pending-review')
        throw new CheckFailure(
          `POST /sessions/${sessionId}/refund: expected refund.status "pending-review" (the policy sends a new client's refund to the team), got ${JSON.stringify(refund?.status)}: the host took the request's claim instead of deciding`,
        );
      if (teamRequest?.kind !== 'new-client-refund')
        throw new CheckFailure(
          `POST /sessions/${sessionId}/refund: expected a team request of kind "new-client-refund", got ${JSON.stringify(teamRequest ?? null)}`,
        );
    },
  },
  {
    id: 're-decision.min-slots',
    group: 're-decision',
    title: 'A cancellation offering fewer alternatives than the policy requires is refused 422, and changes nothing.',
    async run(context) {
      const practice = await context.freshPractice(
        'ordinary-cancellation',
        'sends a valid write that a host lacking this check would apply to the seed',
      );
      const sessionId = practice.sessionIds[0]!;
      const before = await readSession(context, practice, sessionId);
      const { body, decision } = await cancelBody(context, practice, sessionId);
      if (decision.outcome !== 'allowed')
        throw new CheckSkip(
          `the host's rules do not allow this cancellation at all (${decision.outcome}), so the slot minimum cannot be told apart`,
        );
      const min = decision.alternatives?.minSlots ?? 0;
      if (min === 0) throw new CheckSkip("the host's rules require no alternatives for this cancellation");
      const answer = await context.probe.send({
        method: 'POST',
        path: `/sessions/${encodeURIComponent(sessionId)}/cancel`,
        token: await practice.token('therapist'),
        body: { ...body, alternativeSlotIds: [] },
        idempotencyKey: newKey(),
        ifMatch: before.version,
      });
      expectStatus(answer, 422, `the policy requires at least ${min} alternative(s); none were offered`);
      const after = await readSession(context, practice, sessionId);
      if (after.version !== before.version)
        throw new CheckFailure(
          `the refused cancellation changed the session (version ${before.version} → ${after.version})`,
        );
    },
  },
  {
    id: 're-decision.rules-hash',
    group: 're-decision',
    title: 'The rule files GET /policy/rules serves build a valid policy, and the hash it announces is theirs.',
    async run(context) {
      const practice = await context.practice('ordinary-cancellation');
      const policy = await hostPolicy(context, practice);
      const answer = await context.probe.send({
        method: 'GET',
        path: '/policy/rules',
        token: await practice.token('therapist'),
      });
      const announced = (answer.json as { hash?: string }).hash;
      if (announced !== undefined && announced !== policy.hash)
        throw new CheckFailure(
          `GET /policy/rules announces hash ${announced}, but its files hash to ${policy.hash}: pages would trust rules that are not the ones served`,
        );
    },
  },
];
