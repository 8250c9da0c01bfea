import type { Decision, Facts, SessionFacts } from '@raincheck/policy';
import type { RequestContext } from './handler.js';
import { HttpError, notFound } from './http-error.js';
import type { StoredSession } from './store.js';

/**
 * The host's own decision, from the facts it holds: the browser's is never trusted.
 * @param subject the session the write is about, or the therapist when there is none.
 */
export async function decide(
  context: RequestContext,
  action: Facts['action'],
  subject: StoredSession | { readonly therapistId: string },
  request: Facts['request'] = {},
): Promise<Decision> {
  const { tx, now } = context;
  const session = 'clientId' in subject ? subject : undefined;
  const stored = await tx.therapist(subject.therapistId);
  if (!stored) throw notFound(`therapist "${subject.therapistId}"`);
  const { hiddenUntil: _hidden, displayName: _name, tenant, ...therapist } = stored;
  context.reached.tenant ??= tenant;
  const policy = await context.policyFor(tenant);
  const client = session ? await tx.client(session.clientId) : undefined;
  const decision = await policy.evaluate({
    action,
    now,
    ...(session ? { session: sessionFacts(session) } : {}),
    ...(client ? { client: { id: client.id, isNew: client.isNew, attendedSessions: client.attendedSessions } } : {}),
    therapist,
    history: [...(await tx.history(subject.therapistId))],
    request: request ?? {},
  });
  // Every decision a write is made under goes to its audit record.
  context.decisions.push(decision);
  return decision;
}

/** A session's policy facts: the fields the facts schema names, none of what the host shows besides. */
export function sessionFacts(session: SessionFacts): SessionFacts {
  const { id, startsAt, endsAt, timeZone, status, price, version } = session;
  return { id, startsAt, endsAt, timeZone, status, price, ...(version === undefined ? {} : { version }) };
}

/** Refuses a write the policy does not allow as self-serve, with the policy's own sentences. */
export function requireAllowed(decision: Decision, note: string | undefined): void {
  if (decision.outcome !== 'allowed') refuse(decision);
  requireReason(decision, note);
}

/** Refuses a write the policy blocks outright (one the team may still be asked about passes). */
export function requireNotBlocked(decision: Decision): void {
  if (decision.outcome === 'blocked') refuse(decision);
}

function refuse(decision: Decision): never {
  const reasons = decision.outcome === 'blocked' ? decision.blocks : decision.team;
  throw new HttpError(422, 'policy-refused', reasons.map((r) => r.message).join(' '), {
    outcome: decision.outcome,
    reasons: reasons.map((r) => ({ code: r.reason, message: r.message, ruleIds: r.ruleIds })),
    policy: decision.policy,
  });
}

/** Refuses a write without the written reason the decision requires. */
export function requireReason(decision: Decision, note: string | undefined): void {
  const required = decision.requirements.find((r) => r.kind === 'written-reason');
  if (required && (note ?? '').trim().length < required.minLength) {
    throw new HttpError(422, 'reason-required', `${required.message} (at least ${required.minLength} characters).`, {
      minLength: required.minLength,
      ruleIds: required.ruleIds,
    });
  }
}
