import type { Session } from '@raincheck/host-api';
import { requireTherapistAccess } from './access.js';
import { staffCaller, type RequestContext } from './handler.js';
import { notFound } from './http-error.js';
import type { StoredSession, StoredTherapist } from './store.js';

// Loading what a request names, with who may see it checked, and showing it as the contract does.

/** The therapist a request names, if the caller may act on them. */
export async function accessibleTherapist(context: RequestContext, therapistId: string): Promise<StoredTherapist> {
  const therapist = await context.tx.therapist(therapistId);
  if (!therapist) throw notFound(`therapist "${therapistId}"`);
  context.reached.tenant ??= therapist.tenant;
  requireTherapistAccess(staffCaller(context), therapist);
  return therapist;
}

/** The session a request names, if the caller may act on its therapist's sessions. */
export async function accessibleSession(context: RequestContext, sessionId: string): Promise<StoredSession> {
  const session = await context.tx.session(sessionId);
  if (!session) throw notFound(`session "${sessionId}"`);
  await accessibleTherapist(context, session.therapistId);
  return session;
}

/** A session as the contract shows it: with its client's name and its refund. */
export async function sessionView(context: RequestContext, session: StoredSession): Promise<Session> {
  const { clientId, ...rest } = session;
  const client = await context.tx.client(clientId);
  if (!client) throw notFound(`client "${clientId}"`);
  const refund = await context.tx.refundOf(session.id);
  return {
    ...rest,
    client: {
      id: client.id,
      displayName: client.displayName,
      ...(client.timeZone ? { timeZone: client.timeZone } : {}),
    },
    ...(refund ? { refund } : {}),
  };
}

/** The therapist as the contract shows them (without the tenant and the name messages use). */
export function therapistView(therapist: StoredTherapist) {
  const { tenant: _tenant, displayName: _name, ...view } = therapist;
  return view;
}

/** Saves the session's new state under a new version. */
export async function bumpSession(
  context: RequestContext,
  session: StoredSession,
  changes: Partial<StoredSession>,
): Promise<StoredSession> {
  const next = { ...session, ...changes, version: String(Number(session.version) + 1) };
  await context.tx.putSession(next);
  return next;
}
