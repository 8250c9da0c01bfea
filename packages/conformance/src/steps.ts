import type { Session, Slot } from '@raincheck/host-api';
import { createPolicy, type Decision, type Facts, type Policy } from '@raincheck/policy';
import type { CheckContext } from './check.js';
import { CheckFailure } from './outcomes.js';
import type { Answer } from './probe.js';
import type { Practice } from './setup.js';

// The steps checks share: reading what they need, building the bodies a widget would send, and
// saying plainly when an answer is not the one expected.

const DAY_MS = 86_400_000;

/** The error code of an error answer (`version-mismatch`), or undefined. */
export function errorCode(answer: Answer): string | undefined {
  const code = (answer.json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `200`, or `412 version-mismatch: "The session changed …"`: what came back, for messages. */
export function got(answer: Answer): string {
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (answer.status < 300 || !error) return String(answer.status);
  return `${answer.status} ${String(error.code)}: ${JSON.stringify(error.message)}`;
}

/** Fails unless the answer's status is one of `expected`, saying what was sent, expected and got. */
export function expectStatus(answer: Answer, expected: number | readonly number[], why: string): void {
  const statuses = typeof expected === 'number' ? [expected] : expected;
  if (!statuses.includes(answer.status)) {
    throw new CheckFailure(
      `${answer.line.replace(/ → \d+$/, '')}: expected ${statuses.join(' or ')} (${why}), got ${got(answer)}`,
    );
  }
}

/** A fresh idempotency key: one per intent. */
export const newKey = () => `conformance-${crypto.randomUUID()}`;

/** Reads a session as the practice's therapist. */
export async function readSession(context: CheckContext, practice: Practice, sessionId: string): Promise<Session> {
  const answer = await context.probe.send({
    method: 'GET',
    path: `/sessions/${encodeURIComponent(sessionId)}`,
    token: await practice.token('therapist'),
  });
  expectStatus(answer, 200, 'the therapist reads their own session');
  const session = (answer.json as { session?: Session } | undefined)?.session;
  if (!session || typeof session.version !== 'string')
    throw new CheckFailure(`${answer.line}: the body has no session with a version`);
  return session;
}

/** The therapist's open slots over the next three weeks (from `fromMs`, default now). */
export async function openSlots(context: CheckContext, practice: Practice, fromMs = context.now()): Promise<Slot[]> {
  const from = new Date(fromMs).toISOString();
  const to = new Date(context.now() + 21 * DAY_MS).toISOString();
  const answer = await context.probe.send({
    method: 'GET',
    path: `/therapists/${encodeURIComponent(practice.therapistId)}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    token: await practice.token('therapist'),
  });
  expectStatus(answer, 200, 'the therapist reads their open slots');
  return (answer.json as { slots?: Slot[] } | undefined)?.slots ?? [];
}

const policies = new Map<string, Policy>();

/** The policy the host says it applies to the practice (`GET /policy/rules`), built here as a widget builds it. */
export async function hostPolicy(context: CheckContext, practice: Practice): Promise<Policy> {
  const answer = await context.probe.send({
    method: 'GET',
    path: '/policy/rules',
    token: await practice.token('therapist'),
  });
  expectStatus(answer, 200, 'anyone of the practice reads its rules');
  const rules = answer.json as { id: string; version: string; files: Record<string, unknown> };
  const key = answer.text;
  let policy = policies.get(key);
  if (!policy) {
    try {
      policy = createPolicy(rules.files, { id: rules.id, version: rules.version });
    } catch (error) {
      throw new CheckFailure(
        `GET /policy/rules: the rule files it serves do not build a policy: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}`,
      );
    }
    policies.set(key, policy);
  }
  return policy;
}

/** The decision a widget would show for `action` on a session, from the facts and rules the host serves. */
export async function widgetDecision(
  context: CheckContext,
  practice: Practice,
  action: Facts['action'],
  sessionId: string,
  request: Facts['request'] = {},
): Promise<{
  decision: Decision;
  shown: { policyId: string; policyVersion: string; policyHash: string; outcome: Decision['outcome'] };
}> {
  const policy = await hostPolicy(context, practice);
  const session = await readSession(context, practice, sessionId);
  const factsAnswer = await context.probe.send({
    method: 'GET',
    path: `/sessions/${encodeURIComponent(sessionId)}/policy-facts`,
    token: await practice.token('therapist'),
  });
  expectStatus(factsAnswer, 200, "the therapist reads their session's policy facts");
  const facts = factsAnswer.json as Pick<Facts, 'client' | 'therapist' | 'history'>;
  const { id, startsAt, endsAt, timeZone, status, price, version } = session;
  const decision = await policy.evaluate({
    action,
    now: new Date(context.now()).toISOString(),
    session: { id, startsAt, endsAt, timeZone, status, price, version },
    ...(facts.client ? { client: facts.client } : {}),
    therapist: facts.therapist,
    history: facts.history,
    request,
  });
  return {
    decision,
    shown: { policyId: policy.id, policyVersion: policy.version, policyHash: policy.hash, outcome: decision.outcome },
  };
}

/** A note long enough for any written-reason requirement. */
export const NOTE = 'I am unwell and cannot see clients this week; sorry for the short notice.';

/** How a check wants its cancellation: alternatives starting no earlier than `slotsFrom` of the decision (epoch ms). */
export interface CancelOptions {
  readonly slotsFrom?: (decision: Decision) => number;
}

/** A cancel body as the widget sends it: the policy's minimum of alternatives, the refund if it offers one. */
export async function cancelBody(
  context: CheckContext,
  practice: Practice,
  sessionId: string,
  options: CancelOptions = {},
): Promise<{ body: Record<string, unknown>; decision: Decision }> {
  const request = { reason: 'illness' as const, note: NOTE };
  const { decision, shown } = await widgetDecision(context, practice, 'cancel', sessionId, request);
  const slots = await openSlots(context, practice, options.slotsFrom?.(decision));
  const count = Math.max(decision.alternatives?.minSlots ?? 0, Math.min(2, slots.length));
  return {
    body: {
      ...request,
      alternativeSlotIds: slots.slice(0, count).map((s) => s.id),
      refundOffered: decision.refund !== null,
      decision: shown,
    },
    decision,
  };
}

/** Cancels a session as its therapist, as the widget would; fails unless the host answers 200. */
export async function cancel(
  context: CheckContext,
  practice: Practice,
  sessionId: string,
  options: CancelOptions = {},
): Promise<{ answer: Answer; decision: Decision; body: Record<string, unknown> }> {
  const session = await readSession(context, practice, sessionId);
  const { body, decision } = await cancelBody(context, practice, sessionId, options);
  const answer = await context.probe.send({
    method: 'POST',
    path: `/sessions/${encodeURIComponent(sessionId)}/cancel`,
    token: await practice.token('therapist'),
    body,
    idempotencyKey: newKey(),
    ifMatch: session.version,
  });
  expectStatus(answer, 200, 'an allowed cancellation, with the right If-Match and a new key, goes through');
  return { answer, decision, body };
}
