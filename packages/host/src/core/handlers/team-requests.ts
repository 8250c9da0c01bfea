import { RESOLUTIONS_BY_KIND, type Refund, type Session, type TeamResolutionAction } from '@raincheck/host-api';
import type { Facts } from '@raincheck/policy';
import { requireTenant } from '../access.js';
import { raiseTeamRequest, teamRequestView } from '../effects.js';
import { enqueueRefund, notifyClient } from '../notify.js';
import { staffCaller, type Handlers, type RequestContext } from '../handler.js';
import { HttpError, notFound } from '../http-error.js';
import { decide, requireNotBlocked } from '../policy-gate.js';
import { accessibleSession, accessibleTherapist, bumpSession, sessionView } from '../records.js';
import type { StoredSession, StoredTeamRequest } from '../store.js';

/** The request a path names, if it is of the caller's tenant. */
async function teamRequestOf(context: RequestContext, requestId: string): Promise<StoredTeamRequest> {
  const request = await context.tx.teamRequest(requestId);
  if (!request) throw notFound(`team request "${requestId}"`);
  requireTenant(staffCaller(context), request.tenant);
  return request;
}

async function sessionOf(context: RequestContext, request: StoredTeamRequest): Promise<StoredSession | null> {
  return request.sessionId === undefined ? null : ((await context.tx.session(request.sessionId)) ?? null);
}

/** The policy action a therapist-raised request of each kind is about, to record the decision it was raised under. */
const ACTION_OF_KIND: Partial<Record<StoredTeamRequest['kind'], Facts['action']>> = {
  'session-started': 'cancel',
  'new-client-refund': 'refund',
};

/** The platform team's side: raising, listing, reading and resolving team requests. */
export const teamRequestHandlers = {
  createTeamRequest: async ({ body }, context) => {
    // The session before its therapist, in the order every other write locks them (no deadlock between them).
    const session = body.sessionId === undefined ? undefined : await accessibleSession(context, body.sessionId);
    const therapist = await accessibleTherapist(context, body.therapistId);
    if (session && session.therapistId !== therapist.id)
      throw new HttpError(422, 'not-their-session', `Session "${session.id}" is not ${therapist.id}'s.`);
    const action = ACTION_OF_KIND[body.kind];
    const made =
      session && action
        ? await decide(context, action, session, body.note === undefined ? {} : { note: body.note })
        : undefined;
    const teamRequest = await raiseTeamRequest(context, {
      kind: body.kind,
      therapistId: therapist.id,
      tenant: therapist.tenant,
      reason: body.reason,
      note: body.note,
      sessionId: session?.id,
      decision: made ? { made, shown: null } : undefined,
    });
    return { teamRequest };
  },

  listTeamRequests: async ({ query }, context) => {
    const requests = await context.tx.teamRequests(staffCaller(context).tenant, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
    });
    // The sessions they name, each once: the queue shows their times without a read per row.
    const sessionIds = [...new Set(requests.flatMap((r) => (r.sessionId === undefined ? [] : [r.sessionId])))];
    const sessions = [];
    for (const id of sessionIds) {
      const session = await context.tx.session(id);
      if (session) sessions.push(await sessionView(context, session));
    }
    return { teamRequests: requests.map(teamRequestView), sessions };
  },

  getTeamRequest: async ({ requestId }, context) => {
    const request = await teamRequestOf(context, requestId);
    const session = await sessionOf(context, request);
    const client = session ? await context.tx.client(session.clientId) : undefined;
    const refund =
      request.refundId !== undefined
        ? await context.tx.refund(request.refundId)
        : session
          ? await context.tx.refundOf(session.id)
          : undefined;
    return {
      teamRequest: teamRequestView(request),
      session: session ? await sessionView(context, session) : null,
      client: client
        ? {
            id: client.id,
            displayName: client.displayName,
            isNew: client.isNew,
            attendedSessions: client.attendedSessions,
          }
        : null,
      refund: refund ?? null,
      decision: request.decision,
    };
  },

  resolveTeamRequest: async ({ requestId, body }, context) => {
    const caller = staffCaller(context);
    const request = await teamRequestOf(context, requestId);
    if (request.status === 'resolved') {
      throw new HttpError(409, 'already-resolved', 'This request has already been resolved.', {
        resolution: request.resolution,
      });
    }
    const fitting: readonly TeamResolutionAction[] = RESOLUTIONS_BY_KIND[request.kind];
    if (!fitting.includes(body.action)) {
      throw new HttpError(
        422,
        'resolution-not-fitting',
        `A ${request.kind} request is resolved by ${fitting.join(' or ')}, not ${body.action}.`,
        { fitting },
      );
    }
    if (body.action === 'decline-refund' && (body.note ?? '').trim() === '') {
      throw new HttpError(422, 'note-required', 'Say why the refund is declined: the therapist sees your note.');
    }
    const outcome = await resolve(context, request, body.action, body.note);
    const resolved: StoredTeamRequest = {
      ...request,
      status: 'resolved',
      resolution: {
        action: body.action,
        ...(body.note === undefined ? {} : { note: body.note }),
        by: caller.subject,
        at: context.now,
      },
    };
    await context.tx.putTeamRequest(resolved);
    return { teamRequest: teamRequestView(resolved), ...outcome };
  },
} satisfies Partial<Handlers>;

/** Applies a resolution's effect, re-decided by the policy like every write. */
async function resolve(
  context: RequestContext,
  request: StoredTeamRequest,
  action: TeamResolutionAction,
  note: string | undefined,
): Promise<{ refund: Refund | null; session: Session | null }> {
  const session = await sessionOf(context, request);
  if (action === 'acknowledge') return { refund: null, session: session ? await sessionView(context, session) : null };
  if (!session) throw new HttpError(422, 'no-session', 'This request names no session to act on.');
  if (action === 'approve-refund' || action === 'decline-refund') {
    const refund =
      request.refundId !== undefined
        ? await context.tx.refund(request.refundId)
        : await context.tx.refundOf(session.id);
    if (!refund) throw new HttpError(422, 'no-refund', 'There is no refund waiting for this request.');
    if (refund.status !== 'pending-review')
      throw new HttpError(409, 'refund-settled', `This refund is already ${refund.status}.`, { refund });
    // The team's note goes on the refund too, so the therapist's view of the session can show why.
    const reviewNote = note === undefined || note.trim() === '' ? {} : { reviewNote: note };
    if (action === 'decline-refund') {
      await context.tx.putRefund({ ...refund, status: 'declined', ...reviewNote });
      // The client is told the way the policy tells them of a refund.
      await notifyClient(context, await decide(context, 'refund', session), session, 'refund-declined', {
        refundId: refund.id,
      });
    } else {
      // The policy still has to allow a refund for this session now (not blocked, and some refund).
      const decision = await decide(context, 'refund', session);
      requireNotBlocked(decision);
      if (!decision.refund)
        throw new HttpError(422, 'policy-refused', 'The policy no longer offers a refund for this session.', {
          outcome: decision.outcome,
        });
      // Approved: the refund provider carries it out from the outbox, as a self-serve one.
      await context.tx.putRefund({ ...refund, status: 'pending', ...reviewNote });
      await enqueueRefund(context, session, refund.id);
      await notifyClient(context, decision, session, 'refund-issued', { refundId: refund.id });
    }
    return { refund: (await context.tx.refund(refund.id)) ?? null, session: await sessionView(context, session) };
  }
  if (session.status === 'cancelled')
    throw new HttpError(409, 'session-cancelled', 'This session has already been cancelled.');
  if (action === 'cancel-session') {
    const decision = await decide(context, 'cancel', session);
    requireNotBlocked(decision);
    const cancelled = await bumpSession(context, session, { status: 'cancelled' });
    await context.tx.addHistory(session.therapistId, { sessionId: session.id, at: context.now, kind: 'cancel' });
    await notifyClient(context, decision, session, 'session-cancelled');
    return { refund: null, session: await sessionView(context, cancelled) };
  }
  // mark-rearranged: the team arranged another time with the client; it counts as the therapist's change.
  await context.tx.addHistory(session.therapistId, { sessionId: session.id, at: context.now, kind: 'reschedule' });
  return { refund: null, session: await sessionView(context, session) };
}
