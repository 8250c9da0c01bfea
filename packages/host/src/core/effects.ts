import type { DecisionShown, Refund, TeamRequest, TeamRequestKind } from '@raincheck/host-api';
import type { Decision } from '@raincheck/policy';
import { recordDecision } from './decision-record.js';
import { enqueueRefund } from './notify.js';
import type { RequestContext } from './handler.js';
import { HttpError, notFound } from './http-error.js';
import type { StoredSession, StoredTeamRequest } from './store.js';

// The effects writes share: raising a team request, issuing a refund (notifying the client: notify.ts).

/** What a new team request says. */
export interface TeamRequestDraft {
  readonly kind: TeamRequestKind;
  readonly therapistId: string;
  readonly tenant: string;
  readonly reason: string;
  readonly note?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly refundId?: string | undefined;
  /** The host's decision at the write that raised it, and what the widget showed. */
  readonly decision?: { readonly made: Decision; readonly shown: DecisionShown | null } | undefined;
}

/** Raises a request for the platform team. */
export async function raiseTeamRequest(context: RequestContext, draft: TeamRequestDraft): Promise<TeamRequest> {
  const stored: StoredTeamRequest = {
    id: await context.tx.newId('team'),
    kind: draft.kind,
    therapistId: draft.therapistId,
    ...(draft.sessionId ? { sessionId: draft.sessionId } : {}),
    reason: draft.reason,
    ...(draft.note === undefined || draft.note.trim() === '' ? {} : { note: draft.note }),
    ...(draft.refundId ? { refundId: draft.refundId } : {}),
    status: 'open',
    createdAt: context.now,
    tenant: draft.tenant,
    decision: draft.decision ? recordDecision(draft.decision.made, draft.decision.shown) : null,
  };
  await context.tx.putTeamRequest(stored);
  return teamRequestView(stored);
}

/** A team request as the contract shows it. */
export function teamRequestView(stored: StoredTeamRequest): TeamRequest {
  const { tenant: _tenant, decision: _decision, ...view } = stored;
  return view;
}

/**
 * Issues the refund the decision allows, once per session: when self-serve, `pending` with its
 * outbox row (the refund provider carries it out after the commit: `issued` or `failed`), or
 * waiting for the team (with a team request saying why) when the policy wants a review.
 */
export async function issueRefund(
  context: RequestContext,
  decision: Decision,
  session: StoredSession,
  request: { readonly note?: string | undefined; readonly shown: DecisionShown | null },
): Promise<{ refund: Refund; teamRequest: TeamRequest | null }> {
  if (!decision.refund)
    throw new HttpError(422, 'policy-refused', 'The policy offers no refund here.', { outcome: decision.outcome });
  const existing = await context.tx.refundOf(session.id);
  if (existing?.status === 'declined')
    throw new HttpError(409, 'refund-declined', 'The platform team declined a refund for this session.', {
      refund: existing,
    });
  if (existing)
    throw new HttpError(409, 'already-refunded', 'This session has already been refunded.', { refund: existing });
  const review = decision.refund.mode === 'team-review';
  const refund: Refund = {
    id: await context.tx.newId('refund'),
    sessionId: session.id,
    amount: { amount: decision.refund.amount, currency: decision.refund.currency },
    status: review ? 'pending-review' : 'pending',
  };
  await context.tx.putRefund(refund);
  if (!review) await enqueueRefund(context, session, refund.id);
  const therapist = await context.tx.therapist(session.therapistId);
  if (!therapist) throw notFound(`therapist "${session.therapistId}"`);
  const teamRequest = review
    ? await raiseTeamRequest(context, {
        kind: 'new-client-refund',
        therapistId: session.therapistId,
        tenant: therapist.tenant,
        reason: request.note?.trim() || decision.refund.message,
        note: request.note,
        sessionId: session.id,
        refundId: refund.id,
        decision: { made: decision, shown: request.shown },
      })
    : null;
  return { refund, teamRequest };
}
