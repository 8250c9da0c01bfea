import type { Offer, Refund } from '@raincheck/host-api';
import type { Decision } from '@raincheck/policy';
import type { Handlers, RequestContext } from '../handler.js';
import { issueRefund } from '../effects.js';
import { notifyClient, obsoleteFollowUps } from '../notify.js';
import { HttpError } from '../http-error.js';
import { offerTokenHash } from '../offer-token.js';
import { decide } from '../policy-gate.js';
import { bumpSession, sessionView } from '../records.js';
import type { StoredOffer, StoredSession } from '../store.js';

/**
 * The offer a link's token opens, and its session. Unknown tokens, guessed or mistyped, are one 404
 * that tells nothing.
 */
async function offerOf(
  context: RequestContext,
  token: string,
): Promise<{ offer: StoredOffer; session: StoredSession }> {
  const offer = await context.tx.offer(await offerTokenHash(token));
  if (!offer) throw new HttpError(404, 'not-found', 'This link is not valid. Please check the link in your message.');
  const session = await context.tx.session(offer.sessionId);
  if (!session) throw new HttpError(404, 'not-found', 'The session of this offer no longer exists.');
  // The practice the offer belongs to: a client's answer is audited there, since the client has no account.
  const therapist = await context.tx.therapist(session.therapistId);
  if (therapist) context.reached.tenant ??= therapist.tenant;
  return { offer, session };
}

async function offerView(
  context: RequestContext,
  token: string,
  offer: StoredOffer,
  session: StoredSession,
): Promise<Offer> {
  const { tokenHash: _hash, sessionId: _session, answer, ...rest } = offer;
  const status = answer ? 'answered' : Date.parse(offer.expiresAt) <= context.nowMs ? 'expired' : 'open';
  return {
    token,
    ...rest,
    alternatives: [...rest.alternatives],
    session: await sessionView(context, session),
    status,
    ...(answer ? { answer } : {}),
  };
}

/** The client's side: an offer link, the capability token in its path. */
export const offerHandlers = {
  getOffer: async ({ token }, context) => {
    const { offer, session } = await offerOf(context, token);
    return { offer: await offerView(context, token, offer, session) };
  },

  answerOffer: async ({ token, body }, context) => {
    const { offer, session } = await offerOf(context, token);
    if (offer.answer)
      throw new HttpError(409, 'offer-answered', 'This offer has already been answered.', { answer: offer.answer });
    if (Date.parse(offer.expiresAt) <= context.nowMs)
      throw new HttpError(410, 'offer-expired', 'This offer has expired. Please contact your therapist.');
    const { choice, slotId } = body;
    let issued: Refund | null = null;
    let after = session;
    let decision: Decision;
    if (choice === 'alternative') {
      const slot = offer.alternatives.find((s) => s.id === slotId);
      if (!slotId || !slot) throw new HttpError(422, 'not-offered', 'Choose one of the offered times.');
      // A session refunded meanwhile (through the therapist's refund) is not booked again for free.
      const refund = await context.tx.refundOf(session.id);
      if (refund && refund.status !== 'declined') {
        throw new HttpError(
          409,
          'already-refunded',
          'This session has already been refunded, so it cannot be booked again. Please contact your therapist.',
        );
      }
      if (!(await context.tx.takeSlot(session.therapistId, slotId)))
        throw new HttpError(409, 'slot-taken', 'That time is no longer free. Choose another one.', { slotId });
      after = await bumpSession(context, session, {
        status: 'scheduled',
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
      });
      decision = await decide(context, 'client-response', session, { clientPreference: 'alternative' });
    } else {
      if (!offer.refund) throw new HttpError(422, 'not-offered', 'A refund was not offered.');
      decision = await decide(context, 'client-response', session, { clientPreference: 'refund' });
      issued = (await issueRefund(context, decision, session, { shown: null })).refund;
    }
    const answered: StoredOffer = { ...offer, answer: { choice, ...(slotId ? { slotId } : {}), at: context.now } };
    await context.tx.putOffer(answered);
    // Confirmed the way the policy says, else the way the offer reached the client; no reminder after it.
    const offerRows = (await context.tx.outboxOf(session.id)).filter(
      (row) => row.offerTokenHash === offer.tokenHash && row.message === 'session-cancelled',
    );
    const fallbackChannels = [...new Set(offerRows.flatMap((row) => (row.channel === null ? [] : [row.channel])))];
    await notifyClient(context, decision, session, 'offer-answered', {
      fallbackChannels,
      aboutOffer: offer.tokenHash,
      ...(issued ? { refundId: issued.id } : {}),
      ...(after !== session ? { newTime: { startsAt: after.startsAt, endsAt: after.endsAt } } : {}),
    });
    await obsoleteFollowUps(context, session.id, offer.tokenHash);
    return { offer: await offerView(context, token, answered, after), refund: issued };
  },
} satisfies Partial<Handlers>;
