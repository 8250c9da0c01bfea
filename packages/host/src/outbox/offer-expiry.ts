import { issueRefund, raiseTeamRequest } from '../core/effects.js';
import type { RequestContext } from '../core/handler.js';
import { HttpError } from '../core/http-error.js';
import { finished, notifyClient } from '../core/notify.js';
import type { OutboxRow } from '../core/outbox.js';
import { decide } from '../core/policy-gate.js';

/**
 * An offer's expiry, in one write transaction: an offer answered meanwhile makes the row obsolete;
 * else the offer is closed (its status is `expired` from now on) and what the policy says happens
 * next happens: the offered refund, once (or waiting for the team's review), or a team request to
 * arrange another time with the client; the client is told.
 */
export async function expireOffer(context: RequestContext, row: OutboxRow): Promise<OutboxRow> {
  const { tx } = context;
  const offer = row.offerTokenHash === undefined ? undefined : await tx.offer(row.offerTokenHash);
  const session = offer && (await tx.session(offer.sessionId));
  if (!offer || !session || offer.answer) return finished(row, 'obsolete', context.now);
  const offerRows = (await tx.outboxOf(session.id)).filter(
    (r) => r.offerTokenHash === offer.tokenHash && r.message === 'session-cancelled',
  );
  const fallbackChannels = [...new Set(offerRows.flatMap((r) => (r.channel === null ? [] : [r.channel])))];
  const decision = await decide(
    context,
    'client-response',
    session,
    offer.refund ? { clientPreference: 'refund' } : {},
  );
  const raiseForTeam = (reason: string) =>
    raiseTeamRequest(context, {
      kind: 'other',
      therapistId: session.therapistId,
      tenant: row.tenant,
      reason,
      sessionId: session.id,
    });
  let refundId: string | undefined;
  if (offer.refund && !(await tx.refundOf(session.id))) {
    try {
      // In a savepoint: a refund the policy no longer allows leaves nothing half-written.
      refundId = (await tx.savepoint(() => issueRefund(context, decision, session, { shown: null }))).refund.id;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      await raiseForTeam(
        `The offer expired unanswered and its refund could not be issued (${error.message}). Please arrange it with the client.`,
      );
    }
  } else if (!offer.refund) {
    await raiseForTeam(
      `The offer expired on ${offer.expiresAt} without an answer. Please arrange another time with the client.`,
    );
  }
  await notifyClient(context, decision, session, 'offer-expired', {
    fallbackChannels,
    aboutOffer: offer.tokenHash,
    ...(refundId ? { refundId } : {}),
  });
  return finished(row, 'sent', context.now);
}
